/** Satisfaction surveys (满意度调查): questionnaires by version, collection points, answers, and the signing secret. */

import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";
import type { ResponseModeT, SurveyStatusT } from "../../shared/survey-schemas.ts";
import { regions, users } from "./core.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** A survey of one region and year; its questionnaire lives in versions, its settings here. */
export const surveys = pgTable(
  "surveys",
  {
    id: serial("id").primaryKey(),
    /** The organising office's region: its collection points lie within it. */
    regionCode: varchar("region_code", { length: 6 })
      .notNull()
      .references(() => regions.code),
    year: smallint("year").notNull(),
    title: text("title").notNull(),
    status: varchar("status", { length: 8 }).notNull().default("draft").$type<SurveyStatusT>(),
    /** The version answers are collected with; null before the first publication. */
    publishedVersion: integer("published_version"),
    /** Rate unit and method, validity rules, the per-address limit (SurveySettings). */
    settings: jsonb("settings").notNull(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedByName: varchar("updated_by_name", { length: 64 }),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("surveys_region_year_idx").on(t.regionCode, t.year)],
);

/**
 * The questionnaire of each version. A published version (published_at set) never changes: the
 * answers collected with it are read against it; editing after publication starts a new draft.
 */
export const surveyVersions = pgTable(
  "survey_versions",
  {
    surveyId: integer("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    questionnaire: jsonb("questionnaire").notNull(),
    publishedAt: ts("published_at"),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.version] })],
);

/** A collection point: one community (小区) with its public token, optional access code and households. */
export const surveyCommunities = pgTable(
  "survey_communities",
  {
    id: serial("id").primaryKey(),
    surveyId: integer("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    regionCode: varchar("region_code", { length: 6 })
      .notNull()
      .references(() => regions.code),
    name: text("name").notNull(),
    households: integer("households"),
    /** The random part of the public address /s/{token}. */
    token: varchar("token", { length: 40 }).notNull(),
    accessCode: varchar("access_code", { length: 12 }),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("survey_communities_token_idx").on(t.token),
    uniqueIndex("survey_communities_name_idx").on(t.surveyId, t.regionCode, t.name),
  ],
);

/**
 * One submitted questionnaire, stored as checked (normalised). Validity is judged on every read with
 * the survey's current rules, so changing a rule re-judges what was collected.
 * `device` is the signed cookie's id; the partial unique index lets one first answer per device and
 * survey exist, so a second one is stored as a duplicate (flagged, not dropped) even when two
 * arrive at once on different servers. `ip_hash` is a keyed hash: residents' addresses are not kept.
 */
export const surveyResponses = pgTable(
  "survey_responses",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    surveyId: integer("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    communityId: integer("community_id")
      .notNull()
      .references(() => surveyCommunities.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    answers: jsonb("answers").notNull(),
    startedAt: ts("started_at").notNull(),
    submittedAt: ts("submitted_at").notNull(),
    receivedAt: ts("received_at").notNull().defaultNow(),
    mode: varchar("mode", { length: 8 }).notNull().$type<ResponseModeT>(),
    device: varchar("device", { length: 40 }),
    ipHash: varchar("ip_hash", { length: 64 }),
    paperNo: varchar("paper_no", { length: 40 }),
    enteredBy: integer("entered_by").references(() => users.id, { onDelete: "set null" }),
    enteredByName: varchar("entered_by_name", { length: 64 }),
    /** The first answer of this device (or paper number) when this one repeats it. */
    duplicateOf: bigint("duplicate_of", { mode: "number" }),
    /** The hidden field a person never fills; kept so the rules can be applied again on every read. */
    honeypot: text("honeypot"),
    /** An evaluator's decision: {valid, by, reason, at}; null when the rules' judgement stands. */
    override: jsonb("override"),
    /** What the resident may quote: a short random receipt. */
    receipt: varchar("receipt", { length: 16 }).notNull(),
    /** The random nonce of the signed page ticket the answer came with: a ticket answers once. */
    ticketNonce: varchar("ticket_nonce", { length: 32 }),
  },
  (t) => [
    index("survey_responses_survey_idx").on(t.surveyId, t.communityId),
    index("survey_responses_ip_idx").on(t.surveyId, t.ipHash, t.receivedAt),
    uniqueIndex("survey_responses_receipt_idx").on(t.receipt),
    uniqueIndex("survey_responses_device_idx")
      .on(t.surveyId, t.device)
      .where(sql`${t.duplicateOf} is null and ${t.device} is not null`),
    uniqueIndex("survey_responses_paper_idx")
      .on(t.surveyId, t.paperNo)
      .where(sql`${t.duplicateOf} is null and ${t.paperNo} is not null`),
    uniqueIndex("survey_responses_ticket_idx")
      .on(t.ticketNonce)
      .where(sql`${t.ticketNonce} is not null`),
  ],
);

/**
 * A wrong access code given on a community's public page: counted per address and per community
 * over the last minutes, so every server sharing the database throttles the same guesses.
 */
export const surveyCodeFailures = pgTable(
  "survey_code_failures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    communityId: integer("community_id")
      .notNull()
      .references(() => surveyCommunities.id, { onDelete: "cascade" }),
    /** The keyed hash of the address (as survey_responses.ip_hash); null without a socket. */
    ipHash: varchar("ip_hash", { length: 64 }),
    failedAt: ts("failed_at").notNull().defaultNow(),
  },
  (t) => [
    index("survey_code_failures_community_idx").on(t.communityId, t.failedAt),
    index("survey_code_failures_ip_idx").on(t.ipHash, t.failedAt),
  ],
);

/** Secrets the servers share (one row each, made on first use): e.g. the key that signs device cookies. */
export const appSecrets = pgTable("app_secrets", {
  name: varchar("name", { length: 40 }).primaryKey(),
  value: text("value").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
});
