/** Allocation plans by the factor method (因素法): a model with its entered data, scenarios, and approval. */
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";
import type { ReviewStatus } from "../../domain/workflow/index.ts";
import { regions, users } from "./core.ts";

/** The index that keeps one approved plan per group (a base plan and its scenarios). */
export const ONE_APPROVED_PER_GROUP = "allocation_plans_one_approved_idx";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * One allocation plan: the model (factors, weights, coefficient tables, total, rounding) and the
 * data entered for it (factor values not read from Jixiao's data, tiers, grades from elsewhere).
 * A scenario is a copy of a plan pointing at it through `scenarioOf`; the results are computed on
 * every read from the model, the data and Jixiao's own rows, so they can never go stale.
 */
export const allocationPlans = pgTable(
  "allocation_plans",
  {
    id: serial("id").primaryKey(),
    /** The allocating office's region: the regions shared among lie below it. */
    regionCode: varchar("region_code", { length: 6 })
      .notNull()
      .references(() => regions.code),
    year: smallint("year").notNull(),
    name: text("name").notNull(),
    /** The plan this one is a scenario of (always the group's base plan), or null for a base. */
    scenarioOf: integer("scenario_of").references((): AnyPgColumn => allocationPlans.id, {
      onDelete: "cascade",
    }),
    model: jsonb("model").notNull(),
    data: jsonb("data").notNull(),
    status: varchar("status", { length: 12 }).notNull().default("draft").$type<ReviewStatus>(),
    /** The reviewer's words when returning, or the reason of a reopening. */
    comment: text("comment"),
    version: integer("version").notNull().default(1),
    submittedBy: integer("submitted_by").references(() => users.id, { onDelete: "set null" }),
    approvedBy: integer("approved_by").references(() => users.id, { onDelete: "set null" }),
    approvedAt: ts("approved_at"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedByName: varchar("updated_by_name", { length: 64 }),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("allocation_plans_region_year_idx").on(t.regionCode, t.year),
    // 一组方案只能审定一个: two approvals at once in one group leave one winner, not two.
    uniqueIndex(ONE_APPROVED_PER_GROUP)
      .on(sql`coalesce(${t.scenarioOf}, ${t.id})`)
      .where(sql`${t.status} = 'approved'`),
  ],
);
