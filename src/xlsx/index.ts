export { neutralise } from "./neutralise.ts";
export { readWorkbook } from "./read.ts";
export {
  type DataFileOptions,
  type DataFileRow,
  headerText,
  type TemplateOptions,
  writeDataFile,
  writeTemplate,
} from "./write.ts";
export { inspectXlsx, type XlsxCensus } from "./zip-guard.ts";
