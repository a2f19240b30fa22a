/** The core tables: regions, roles, users, sessions, login attempts, the audit log and meta. */
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  index,
  inet,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";
import type { RegionLevel } from "../../domain/regions.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const regions = pgTable(
  "regions",
  {
    code: varchar("code", { length: 6 }).primaryKey(),
    name: text("name").notNull(),
    level: varchar("level", { length: 10 }).notNull().$type<RegionLevel>(),
    parentCode: varchar("parent_code", { length: 6 }),
    path: text("path").notNull(),
  },
  (t) => [
    index("regions_parent_idx").on(t.parentCode),
    index("regions_path_idx").on(t.path.op("text_pattern_ops")),
  ],
);

export const roles = pgTable("roles", {
  code: varchar("code", { length: 20 }).primaryKey(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
});

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    username: varchar("username", { length: 32 }).notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: varchar("role", { length: 20 })
      .notNull()
      .references(() => roles.code),
    regionCode: varchar("region_code", { length: 6 })
      .notNull()
      .references(() => regions.code),
    disabled: boolean("disabled").notNull().default(false),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    lastLoginAt: ts("last_login_at"),
    passwordChangedAt: ts("password_changed_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_username_idx").on(sql`lower(${t.username})`)],
);

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie token: a stolen table does not yield live sessions. */
    tokenHash: varchar("token_hash", { length: 64 }).primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: varchar("csrf_token", { length: 64 }).notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    lastSeenAt: ts("last_seen_at").notNull().defaultNow(),
    expiresAt: ts("expires_at").notNull(),
    ip: inet("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    username: varchar("username", { length: 64 }).notNull(),
    ip: inet("ip"),
    at: ts("at").notNull().defaultNow(),
    success: boolean("success").notNull(),
  },
  (t) => [index("login_attempts_user_at_idx").on(t.username, t.at)],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: ts("at").notNull().defaultNow(),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorUsername: varchar("actor_username", { length: 64 }),
    ip: inet("ip"),
    requestId: varchar("request_id", { length: 64 }),
    action: varchar("action", { length: 40 }).notNull(),
    entity: varchar("entity", { length: 40 }).notNull(),
    entityId: text("entity_id"),
    regionCode: varchar("region_code", { length: 6 }),
    regionPath: text("region_path"),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_entity_idx").on(t.entity, t.entityId),
    index("audit_log_region_path_idx").on(t.regionPath.op("text_pattern_ops")),
  ],
);

/** Facts about this database: schema-independent flags such as "demo data loaded". */
export const meta = pgTable("meta", {
  key: varchar("key", { length: 64 }).primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});
