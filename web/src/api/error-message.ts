/** The text to show for a failed call: the server's localized message, or a generic one. */
import type { Translate } from "../i18n/translate.ts";
import { ApiError } from "./client.ts";

export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError) return error.message;
  return t("common.networkError");
}
