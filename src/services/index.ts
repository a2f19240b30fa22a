export * from "./audit-service.ts";
export * from "./auth-service.ts";
export * from "./bootstrap-service.ts";
export * from "./context.ts";
export * from "./policy.ts";
export * from "./region-service.ts";
export * from "./user-service.ts";
