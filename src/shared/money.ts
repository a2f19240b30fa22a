/** 元 ↔ 万元 for the web: the domain's one conversion and its named rounding policies. */
export { formatWan, formatWanText } from "../domain/money.ts";
