/** Turns a server validation error into per-field messages for an antd Form. */
import { ApiError } from "./client.ts";

export interface FieldError {
  name: string;
  errors: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

/** Field errors the form knows about; the rest stays in the general message. */
export function fieldErrorsOf(error: unknown, fields: readonly string[]): FieldError[] {
  if (!(error instanceof ApiError) || !isRecord(error.details)) return [];
  const details = error.details;
  const found = new Map<string, string[]>();
  const add = (field: unknown, message: string) => {
    if (typeof field !== "string" || !fields.includes(field)) return;
    found.set(field, [...(found.get(field) ?? []), message]);
  };
  if (Array.isArray(details.issues)) {
    for (const issue of details.issues) {
      if (isRecord(issue)) {
        add(issue.field, typeof issue.message === "string" ? issue.message : error.message);
      }
    }
  }
  add(details.field, error.message);
  return [...found].map(([name, errors]) => ({ name, errors }));
}
