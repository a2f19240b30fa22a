export * from "./client.ts";
export * from "./connection-errors.ts";
export * as schema from "./schema.ts";
