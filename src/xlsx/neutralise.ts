/** Which user text a spreadsheet would take for a formula when it is edited or re-saved as CSV (OWASP CSV injection). */

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * "=1+1", "+86 解放路", "-A区": written as text cells with Excel's quote prefix (office.ts), never
 * with an apostrophe in the text. "-12.5" is a plain number and needs no guard.
 */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}
