/** Decimal strings shown with thousands separators, exactly: the number never passes through a float. */
export function groupDigits(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  return `${m[1]}${(m[2] ?? "").replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${m[3] ?? ""}`;
}

/** 元 as 万元 by moving the decimal point four places (exact: no division, no float). */
export function wanOf(yuan: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(yuan);
  if (!m) return yuan;
  const digits = (m[2] ?? "0").padStart(5, "0");
  const whole = digits.slice(0, -4).replace(/^0+(?=\d)/, "");
  const fraction = `${digits.slice(-4)}${m[3] ?? ""}`.replace(/0+$/, "");
  return `${m[1]}${whole}${fraction ? `.${fraction}` : ""}`;
}
