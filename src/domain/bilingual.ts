/** Text in both languages, and the one way a `{name}` placeholder in it is filled. */

export type Locale = "zh-CN" | "en-US";

/** A message, label or derivation in both languages, keyed by locale. */
export type Bilingual = Record<Locale, string>;

/**
 * The short-keyed form the checker's findings, problems and bindings carry in API answers
 * (`{ zh, en }`): the web and exported findings read these keys, so they stay as they are.
 */
export interface ShortBilingual {
  zh: string;
  en: string;
}

export type TemplateParams = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{(\w+)\}/;
const PARTS_KEPT = 2000;
const partsOf = new Map<string, readonly string[]>();

/**
 * A template split at its placeholders: literal text at even indexes, placeholder names at odd
 * ones. Kept per template: scoring and derivations fill the same few templates for every region,
 * and splitting once beats a regular expression per call. The bound only matters for templates
 * built at run time (a plural form already chosen), which would otherwise pile up.
 */
export function templateParts(template: string): readonly string[] {
  let parts = partsOf.get(template);
  if (parts === undefined) {
    parts = template.split(PLACEHOLDER);
    if (partsOf.size >= PARTS_KEPT) partsOf.clear();
    partsOf.set(template, parts);
  }
  return parts;
}

/** Fills `{name}` from params; a placeholder without a param stays visible as `{name}`. */
export function fill(template: string, params: TemplateParams = {}): string {
  const parts = templateParts(template);
  let out = parts[0] ?? "";
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] ?? "";
    const value = params[name];
    out += (value === undefined ? `{${name}}` : String(value)) + (parts[i + 1] ?? "");
  }
  return out;
}
