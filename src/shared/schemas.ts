/** Request and response shapes of the HTTP API: one source for validation, OpenAPI and web types. */
import { z } from "@hono/zod-openapi";
import { ROLES } from "./roles.ts";

export const RegionCode = z
  .string()
  .regex(/^\d{6}$/, "6-digit GB/T 2260 code")
  .openapi({ example: "411700" });

/** Whether YYYY-MM-DD names a day of the calendar; never throws (2021-13-45 is an Invalid Date). */
export function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** A calendar date, YYYY-MM-DD, that exists (no 2月30日). */
export const DateText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isCalendarDate, "not a date")
  .openapi({ example: "2025-06-30" });

/** The largest PostgreSQL `integer` (serial ids, versions): a bigger number would fail in SQL. */
export const INT32_MAX = 2_147_483_647;

/** A row id in a JSON body: a positive 32-bit integer. */
export const Id = z.number().int().positive().max(INT32_MAX);

/** A row's version number in a JSON body (optimistic locking). */
export const Version = z.number().int().positive().max(INT32_MAX);

/** The one path-id schema: `{name}` in a path, a positive 32-bit integer. */
export const pathId = (name: string) =>
  z.coerce
    .number<string>()
    .int()
    .positive()
    .max(INT32_MAX)
    .openapi({ param: { name, in: "path", required: true }, type: "integer" });

/** `{id}` in a path. */
export const IdParam = z.object({ id: pathId("id") });

/** An optional id in a query string. */
export const QueryId = z.coerce.number<string>().int().positive().max(INT32_MAX).optional();

export const RegionLevel = z.enum(["nation", "province", "city", "county"]);

export const Region = z
  .object({
    code: RegionCode,
    name: z.string(),
    level: RegionLevel,
    parentCode: RegionCode.nullable(),
    hasChildren: z.boolean(),
  })
  .openapi("Region");

export const RegionDetail = Region.extend({
  /** From the nation down to this region, itself included. */
  path: z.array(z.object({ code: RegionCode, name: z.string(), level: RegionLevel })),
}).openapi("RegionDetail");

export const RegionList = z.object({ regions: z.array(Region) }).openapi("RegionList");

/** A region found by name or code, with the names above it (below the nation) to tell namesakes apart. */
export const RegionMatch = Region.extend({ parents: z.array(z.string()) }).openapi("RegionMatch");

export const RegionMatchList = z
  .object({ regions: z.array(RegionMatch) })
  .openapi("RegionMatchList");

export const Role = z.enum(ROLES).openapi({ example: "finance" });

export const User = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: Role,
    regionCode: RegionCode,
    regionName: z.string(),
    disabled: z.boolean(),
    createdAt: z.string().openapi({ format: "date-time" }),
    lastLoginAt: z.string().nullable().openapi({ format: "date-time" }),
  })
  .openapi("User");

export const Session = z
  .object({ user: User, csrfToken: z.string(), expiresAt: z.string() })
  .openapi("Session");

export const Username = z.string().regex(/^[a-zA-Z0-9_.-]{3,32}$/, "3–32 letters, digits, _ . -");

/** Password policy: 10–128 characters with at least three of lower, upper, digit, symbol. */
export const Password = z.string().min(10).max(128);

export const LoginRequest = z
  .object({ username: z.string().min(1).max(64), password: z.string().min(1).max(128) })
  .openapi("LoginRequest");

export const ChangePasswordRequest = z
  .object({ currentPassword: z.string().min(1).max(128), newPassword: Password })
  .openapi("ChangePasswordRequest");

export const CreateUserRequest = z
  .object({
    username: Username,
    displayName: z.string().min(1).max(64),
    password: Password,
    role: Role,
    regionCode: RegionCode,
    /** Required (true) for a national-scope account: the grant of rights over the whole nation is meant. */
    confirmScope: z.boolean().optional(),
  })
  .openapi("CreateUserRequest");

export const UpdateUserRequest = z
  .object({
    displayName: z.string().min(1).max(64).optional(),
    role: Role.optional(),
    regionCode: RegionCode.optional(),
    disabled: z.boolean().optional(),
    /** Required (true) to move an account to national scope. */
    confirmScope: z.boolean().optional(),
  })
  .openapi("UpdateUserRequest");

export const ResetPasswordRequest = z
  .object({ password: Password })
  .openapi("ResetPasswordRequest");

export const UserList = z
  .object({ items: z.array(User), total: z.number().int() })
  .openapi("UserList");

export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorId: z.number().int().nullable(),
    actorUsername: z.string().nullable(),
    ip: z.string().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    regionCode: RegionCode.nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
  })
  .openapi("AuditEntry");

export const AuditList = z
  .object({ items: z.array(AuditEntry), total: z.number().int() })
  .openapi("AuditList");

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi("Error");

export const Paging = {
  // Bounded so page × size stays a PostgreSQL bigint offset.
  page: z.coerce.number<string>().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number<string>().int().min(1).max(200).default(20),
};

export type RegionT = z.infer<typeof Region>;
export type RegionDetailT = z.infer<typeof RegionDetail>;
export type RegionMatchT = z.infer<typeof RegionMatch>;
export type UserT = z.infer<typeof User>;
export type SessionT = z.infer<typeof Session>;
export type AuditEntryT = z.infer<typeof AuditEntry>;
