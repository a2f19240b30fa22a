// The same change fired several times at once leaves one winner and refusals with their 4xx codes,
// one row and one audit entry: survey publish, close and reopen; a rectification created and
// verified; a user created under one name; an evidence file deleted; a sheet submitted and
// approved; an import preview committed (row locks, conditional updates and unique indexes).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { community, dataFile } from "../../test/helpers/data-files.ts";
import { describeOnBothDatabases } from "../../test/helpers/databases.ts";
import { COUNTY_COMPLETION, ZHUMADIAN_ENTRIES } from "../../test/helpers/evaluation-entries.ts";
import { launchZhumadianTask } from "../../test/helpers/evaluation-tasks.ts";
import { actingAs, addUser, TEST_PASSWORD } from "../../test/helpers/fixtures.ts";
import { afterHeldWrite } from "../../test/helpers/held-transaction.ts";
import { statusOf } from "../api/errors.ts";
import {
  auditLog,
  evaluationSheets,
  evidenceFiles,
  rectifications,
  surveyVersions,
  users,
} from "../db/schema.ts";
import { DomainError, type ErrorCode } from "../domain/errors.ts";
import { type EvidenceStore, folderEvidenceStore } from "../storage/evidence-store.ts";
import type { ServiceContext } from "./context.ts";
import {
  actOnSheet,
  actOnSurvey,
  commitImport,
  createSurvey,
  createUser,
  deleteEvidence,
  previewImport,
  saveRectification,
  saveSheet,
  uploadEvidence,
} from "./index.ts";

type Settled = PromiseSettledResult<unknown>;

/** How many calls won, and the codes of the others (anything but a DomainError is named as such). */
function outcome(results: Settled[]) {
  return {
    won: results.filter((r) => r.status === "fulfilled").length,
    refused: results
      .filter((r): r is PromiseRejectedResult => r.status === "rejected")
      .map((r) =>
        r.reason instanceof DomainError ? r.reason.code : `not a DomainError: ${r.reason}`,
      ),
  };
}

const times = <T>(n: number, work: (i: number) => Promise<T>) =>
  Promise.allSettled(Array.from({ length: n }, (_, i) => work(i)));

describeOnBothDatabases("races", (db, kind) => {
  let city: ServiceContext;
  let county: ServiceContext;
  let admin: ServiceContext;
  let countySheet: number;
  let countyVersion: number;
  let dir: string;
  let store: EvidenceStore;

  const audits = async (action: string, entityId?: number) =>
    (
      await db()
        .db.select({ id: auditLog.id })
        .from(auditLog)
        .where(
          and(
            like(auditLog.action, action),
            entityId === undefined ? undefined : eq(auditLog.entityId, String(entityId)),
          ),
        )
    ).length;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "jixiao-races-"));
    store = folderEvidenceStore(dir);
    await addUser(db(), "zmd.finance", "finance", "411700");
    await addUser(db(), "yc.impl", "implementer", "411702");
    await addUser(db(), "zmd.admin", "admin", "411700");
    city = await actingAs(db(), "zmd.finance");
    county = await actingAs(db(), "yc.impl");
    admin = await actingAs(db(), "zmd.admin");
    countySheet = (await launchZhumadianTask(db(), city, ["411702"])).sheetOf("411702");
    countyVersion = (
      await saveSheet(db().db, county, countySheet, {
        version: 1,
        entries: { ...ZHUMADIAN_ENTRIES, ...COUNTY_COMPLETION },
      })
    ).version;
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("publishes a draft once when it is published ten times at once, then closes and reopens once", async () => {
    const { id } = await createSurvey(db().db, city, {
      regionCode: "411700",
      year: 2020,
      title: "2020年老旧小区改造满意度调查",
    });
    const published = outcome(await times(10, () => actOnSurvey(db().db, city, id, "publish")));
    expect(published).toEqual({ won: 1, refused: Array(9).fill("survey.nothing_to_publish") });
    expect(statusOf("survey.nothing_to_publish")).toBe(409);
    const versions = await db()
      .db.select({ version: surveyVersions.version, publishedAt: surveyVersions.publishedAt })
      .from(surveyVersions)
      .where(eq(surveyVersions.surveyId, id));
    expect(versions.map((v) => [v.version, v.publishedAt !== null])).toEqual([[1, true]]);
    expect(await audits("survey.publish", id)).toBe(1);

    const closed = outcome(await times(5, () => actOnSurvey(db().db, city, id, "close")));
    expect(closed).toEqual({ won: 1, refused: Array(4).fill("survey.transition") });
    const reopened = outcome(await times(5, () => actOnSurvey(db().db, city, id, "reopen")));
    expect(reopened).toEqual({ won: 1, refused: Array(4).fill("survey.transition") });
    expect(statusOf("survey.transition")).toBe(409);
    expect([await audits("survey.close", id), await audits("survey.reopen", id)]).toEqual([1, 1]);
  });

  it("creates a problem's rectification once, and verifies it once", async () => {
    const created = outcome(
      await times(5, (i) =>
        saveRectification(db().db, county, countySheet, "A.1", {
          version: null,
          owner: `驿城区财政局${i}`,
          status: "done",
          result: "已追加社会筹资",
        }),
      ),
    );
    expect(created).toEqual({ won: 1, refused: Array(4).fill("rectification.version_conflict") });
    expect(statusOf("rectification.version_conflict")).toBe(409);
    const rows = await db()
      .db.select()
      .from(rectifications)
      .where(eq(rectifications.sheetId, countySheet));
    expect(rows.map((r) => [r.problemKey, r.version, r.status])).toEqual([["A.1", 1, "done"]]);
    expect(await audits("rectification.create")).toBe(1);

    const verified = outcome(
      await times(5, (i) =>
        saveRectification(db().db, city, countySheet, "A.1", {
          version: 1,
          owner: rows[0]?.owner,
          status: "verified",
          result: "已追加社会筹资",
          followUp: `复核通过 ${i}`,
        }),
      ),
    );
    expect(verified).toEqual({ won: 1, refused: Array(4).fill("rectification.version_conflict") });
    const [after] = await db()
      .db.select()
      .from(rectifications)
      .where(eq(rectifications.sheetId, countySheet));
    expect([after?.version, after?.status]).toEqual([2, "verified"]);
    expect(await audits("rectification.update", rows[0]?.id)).toBe(1);
  });

  it("creates one user when the same name is created five times at once, in any letter case", async () => {
    const made = outcome(
      await times(5, (i) =>
        createUser(db().db, admin, {
          username: i % 2 === 0 ? "yc.clerk" : "YC.Clerk",
          displayName: `驿城区录入员${i}`,
          password: TEST_PASSWORD,
          role: "implementer",
          regionCode: "411702",
        }),
      ),
    );
    expect(made).toEqual({ won: 1, refused: Array(4).fill("user.exists" satisfies ErrorCode) });
    expect(statusOf("user.exists")).toBe(409);
    const rows = await db()
      .db.select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.username})`, "yc.clerk"));
    expect(rows).toHaveLength(1);
    expect(await audits("create", rows[0]?.id)).toBe(1);
  });

  // One connection serialises PGlite's transactions: only the server can hold a write open.
  if (kind === "postgres") {
    it("answers user.exists when the unique index, not the check, refuses the name", async () => {
      const clerk = (username: string) => ({
        username,
        displayName: "西平县录入员",
        password: TEST_PASSWORD,
        role: "implementer" as const,
        regionCode: "411702",
      });
      const before = await audits("create");
      const result = await afterHeldWrite(
        db(),
        (tx) => tx.insert(users).values({ ...clerk("xp.clerk"), passwordHash: "held" }),
        () => createUser(db().db, admin, clerk("XP.Clerk")),
      );
      expect(outcome([result])).toEqual({ won: 0, refused: ["user.exists"] });
      expect(await audits("create")).toBe(before);
    });
  }

  it("deletes an evidence file once when it is deleted three times at once", async () => {
    const pdf = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");
    const file = await uploadEvidence(db().db, store, county, countySheet, {
      fileName: "整改说明.pdf",
      bytes: pdf,
      indicatorCode: "A.1",
    });
    const deleted = outcome(await times(3, () => deleteEvidence(db().db, county, file.id)));
    expect(deleted).toEqual({ won: 1, refused: ["evidence.not_found", "evidence.not_found"] });
    expect(await db().db.select().from(evidenceFiles).where(eq(evidenceFiles.id, file.id))).toEqual(
      [],
    );
    expect(await audits("evidence.delete", countySheet)).toBe(1);
  });

  it("submits and approves a sheet once when each is sent five times at once", async () => {
    const submitted = outcome(
      await times(5, () =>
        actOnSheet(db().db, county, countySheet, { action: "submit", version: countyVersion }),
      ),
    );
    expect(submitted).toEqual({ won: 1, refused: Array(4).fill("evaluation.version_conflict") });
    const approvedNow = outcome(
      await times(5, () =>
        actOnSheet(db().db, city, countySheet, { action: "approve", version: countyVersion + 1 }),
      ),
    );
    expect(approvedNow).toEqual({ won: 1, refused: Array(4).fill("evaluation.version_conflict") });
    expect(statusOf("evaluation.version_conflict")).toBe(409);
    const [sheet] = await db()
      .db.select({ status: evaluationSheets.status, version: evaluationSheets.version })
      .from(evaluationSheets)
      .where(eq(evaluationSheets.id, countySheet));
    expect(sheet).toEqual({ status: "approved", version: countyVersion + 2 });
    expect([
      await audits("evaluation.submit", countySheet),
      await audits("evaluation.approve", countySheet),
    ]).toEqual([1, 1]);
  });

  it("commits an import preview once when it is confirmed five times at once", async () => {
    const bytes = await dataFile(
      "communities",
      [community("驿城区", "纺织厂家属院"), community("驿城区", "人民路12号院")],
      { year: 2020, scopeName: "驿城区" },
    );
    const preview = await previewImport(db().db, county, {
      dataset: "communities",
      regionCode: "411702",
      year: 2020,
      fileName: "小区.xlsx",
      bytes,
    });
    const committed = outcome(
      await times(5, () => commitImport(db().db, county, preview.importId)),
    );
    expect(committed).toEqual({ won: 1, refused: Array(4).fill("import.already_committed") });
    expect(statusOf("import.already_committed")).toBe(409);
    const { rows } = (await db().db.execute(
      sql`select count(*)::int as n from community_projects where region_code = '411702'`,
    )) as unknown as { rows: { n: number }[] };
    expect(rows[0]?.n).toBe(2);
    expect(await audits("data.import")).toBe(1);
  });
});
