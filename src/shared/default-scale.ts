/** The default rating scale for the web, without the questionnaire schema (no zod). */
export { DEFAULT_SATISFIED, DEFAULT_SCALE } from "../domain/surveys/default-scale.ts";
