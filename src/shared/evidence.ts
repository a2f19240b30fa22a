/** The evidence files an upload accepts (types and size), so the web refuses what the server would. */
export { EVIDENCE_MAX_BYTES, EVIDENCE_TYPES } from "../domain/evidence.ts";
