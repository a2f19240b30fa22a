// The cached check and monitoring answers: equal to a fresh run, shared while the data stands, new
// after an edit of a data set the dashboard does not read (community projects, migration 0017).
import { beforeEach, expect, it } from "vitest";
import { describeOnBothDatabases } from "../../../test/helpers/databases.ts";
import {
  checkRegion,
  listDataRows,
  monitorRegion,
  systemContext,
  updateDataRow,
} from "../index.ts";
import { CHECK_CACHE_WEIGHT, cachedCheck, checkDataVersion } from "./check-cache.ts";

const ctx = systemContext("test");
const request = { regionCode: "440000", year: 2024, asOf: "2025-06-30" };

describeOnBothDatabases("check cache", "demo", (db) => {
  // The satisfaction row a test edited, with its texts before the edit: put back before the next
  // test, whose figures are the demo's.
  let edited: { id: number; texts: Record<string, string> } | undefined;

  beforeEach(async () => {
    if (!edited) return;
    await updateDataRow(db().db, ctx, "satisfaction", edited.id, edited.texts);
    edited = undefined;
  });

  it("answers from the cache while the data stands, equal to a run inside a transaction", async () => {
    const first = await checkRegion(db().db, ctx, request);
    const second = await checkRegion(db().db, ctx, request);
    expect(second.result).toBe(first.result);
    // A transaction never reads the cache: this one is computed afresh.
    const fresh = await db().db.transaction((tx) => checkRegion(tx, ctx, request));
    expect(fresh.result).not.toBe(first.result);
    expect(fresh).toEqual(first);
    expect(first.result.counts).toEqual({ error: 15, warning: 7, info: 2 });
    // Another date is another answer.
    const later = await checkRegion(db().db, ctx, { ...request, asOf: "2025-07-01" });
    expect(later.result).not.toBe(first.result);
  });

  it("checks again after a satisfaction row is edited, and finds what the edit broke", async () => {
    const before = await checkRegion(db().db, ctx, request);
    const monitoringBefore = await monitorRegion(db().db, ctx, request);
    const version = await checkDataVersion(db().db, 2024);
    const rows = await listDataRows(db().db, ctx, "satisfaction", {
      year: 2024,
      regionCode: "440000",
      page: 1,
      pageSize: 200,
    });
    // 50 of 100 answers satisfied against a published 90%: rate.satisfaction.
    const row = rows.items.find((r) => r.values.rate === "90");
    expect(row).toBeDefined();
    const id = row?.id as number;
    edited = {
      id,
      texts: {
        validResponses: String(row?.values.validResponses ?? ""),
        satisfied: String(row?.values.satisfied ?? ""),
      },
    };
    await updateDataRow(db().db, ctx, "satisfaction", id, {
      validResponses: "100",
      satisfied: "50",
    });
    expect(Number(await checkDataVersion(db().db, 2024))).toBeGreaterThan(Number(version));

    const after = await checkRegion(db().db, ctx, request);
    expect(after.result).not.toBe(before.result);
    const broken = (findings: typeof before.result.findings) =>
      findings.filter((f) => f.rule === "rate.satisfaction" && f.rowId === id);
    expect(broken(before.result.findings)).toHaveLength(0);
    expect(broken(after.result.findings)).toHaveLength(1);
    expect(after).toEqual(await db().db.transaction((tx) => checkRegion(tx, ctx, request)));
    // The monitoring page's alerts are the new check's monitoring findings, its view as computed afresh.
    const monitoringAfter = await monitorRegion(db().db, ctx, request);
    expect(monitoringAfter.alerts).toEqual(
      after.result.findings.filter((f) => f.category === "monitoring"),
    );
    expect(monitoringAfter.alerts.length).toBeGreaterThan(0);
    expect(monitoringAfter).toEqual(
      await db().db.transaction((tx) => monitorRegion(tx, ctx, request)),
    );
    expect(monitoringAfter.view).toEqual(monitoringBefore.view);
  });

  it("forgets the least recently used answer past the weight bound, and never keeps a failure", async () => {
    let runs = 0;
    const heavy = (key: string) =>
      cachedCheck(
        db().db,
        2024,
        `test|${key}`,
        async () => {
          runs += 1;
          return key;
        },
        () => CHECK_CACHE_WEIGHT / 2 + 1,
      );
    expect(await heavy("a")).toBe("a");
    await heavy("a");
    expect(runs).toBe(1);
    await heavy("b");
    await heavy("b");
    expect(runs).toBe(2);
    // a and b together weigh more than the bound: a, the older, was let go.
    await heavy("a");
    expect(runs).toBe(3);

    let attempts = 0;
    const flaky = () =>
      cachedCheck(
        db().db,
        2024,
        "test|flaky",
        async () => {
          attempts += 1;
          if (attempts === 1) throw new Error("database went away");
          return attempts;
        },
        () => 1,
      );
    await expect(flaky()).rejects.toThrow("database went away");
    expect(await flaky()).toBe(2);
    expect(await flaky()).toBe(2);
  });
});
