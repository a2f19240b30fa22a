/** Indicator frameworks as the web reads them: the parser and the framework's bilingual text. */
export { type Framework, parseFramework } from "../domain/frameworks/index.ts";
export type { Text } from "../domain/frameworks/values.ts";
