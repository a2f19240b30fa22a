/** A survey's questionnaire as the web edits it: its schema and the default rating scale. */
export {
  DEFAULT_SATISFIED,
  DEFAULT_SCALE,
  QuestionnaireSchema,
} from "../domain/surveys/questionnaire-schema.ts";
