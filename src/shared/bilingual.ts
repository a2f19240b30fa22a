/** Bilingual text and its placeholder filler, for the web and the server's adapters alike. */
export {
  type Bilingual,
  fill,
  type Locale,
  type ShortBilingual,
  type TemplateParams,
} from "../domain/bilingual.ts";
