/** Timestamps as the user reads them: local time, YYYY-MM-DD HH:mm:ss. */
import dayjs from "dayjs";

export const DATE_TIME_FORMAT = "YYYY-MM-DD HH:mm:ss";

export function formatDateTime(value: string | null | undefined, empty = "—"): string {
  if (!value) return empty;
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.format(DATE_TIME_FORMAT) : value;
}
