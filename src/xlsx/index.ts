export { isFormulaLike } from "./neutralise.ts";
export {
  decimalFormat,
  fitRowHeights,
  lineCount,
  merge,
  percentFormat,
  printSetup,
  rowHeight,
  setNumber,
  setPercent,
  setText,
  textWidth,
  writeWorkbook,
} from "./office.ts";
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
