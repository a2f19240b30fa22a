/** The pure scoring engine the server scores sheets with, for the web's live score as the user types. */
export {
  type BoundEntry,
  type InvalidEntry,
  type SheetEntries,
  scoreEntries,
} from "../domain/evaluations/sheet.ts";
export { scorecardToJson } from "../domain/scoring/scorecard-json.ts";
