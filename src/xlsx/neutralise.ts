/** Keeps user text from becoming a formula when a file is opened or re-saved as CSV (OWASP CSV injection). */

const FORMULA_START = /^[=+\-@\t\r]/;

/** "=1+1" → "'=1+1"; the importer removes the apostrophe again, so text round-trips. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
}
