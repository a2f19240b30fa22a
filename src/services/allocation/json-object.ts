/**
 * What is still unchecked JSON (an uploaded file, the data entered with a plan) read as an object:
 * anything else reads as empty, and prepareAllocation words the problems of what is left.
 */
export type JsonObject = { [key: string]: unknown };

export const isJsonObject = (value: unknown): value is JsonObject =>
  value !== null && typeof value === "object" && !Array.isArray(value);

export const jsonObject = (value: unknown): JsonObject => (isJsonObject(value) ? value : {});
