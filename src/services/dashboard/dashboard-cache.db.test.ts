// The dashboard cache: the cached answer is the computed one, and a committed write (cell edit, row
// delete, sheet reopen/approve) gives a new answer on the next request; a draft save or a rolled-back
// write does not raise the data version.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { describeOnBothDatabases } from "../../../test/helpers/databases.ts";
import { actingAs, addUser } from "../../../test/helpers/fixtures.ts";
import { queryRows } from "../../db/index.ts";
import { systemContext } from "../context.ts";
import { listDataRows, updateDataRow } from "../data/data-service.ts";
import { LruCache, regionAndVersion } from "./dashboard-cache.ts";
import { getDashboard, getDashboardUncached } from "./dashboard-service.ts";

const system = systemContext("test");

describe("LruCache", () => {
  it("keeps the most recently used entries up to its capacity", () => {
    const cache = new LruCache<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1); // a is now the most recent
    cache.set("c", 3);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
    expect(cache.size).toBe(2);
    cache.delete("a", 99);
    expect(cache.get("a")).toBe(1);
    cache.delete("a", 1);
    expect(cache.get("a")).toBeUndefined();
  });
});

describeOnBothDatabases("the dashboard cache", "demo", (db) => {
  const version = async (year: number) => (await regionAndVersion(db().db, "000000", year)).version;

  it("answers what the dashboard computes afresh, for every scope, locale and actor", async () => {
    await addUser(db(), "zmd.viewer", "viewer", "411700");
    const city = await actingAs(db(), "zmd.viewer");
    const english = { ...system, locale: "en-US" as const };
    const cases = [
      [system, "000000", 2024],
      [system, "440000", 2024],
      [system, "410000", 2020],
      [system, "411700", 2020],
      [english, "411700", 2020],
      [city, "411700", 2020],
      [city, "411721", 2020],
    ] as const;
    for (const [ctx, regionCode, year] of cases) {
      const first = await getDashboard(db().db, ctx, { regionCode, year });
      const second = await getDashboard(db().db, ctx, { regionCode, year });
      expect(second).toEqual(first);
      expect(first).toEqual(await getDashboardUncached(db().db, ctx, { regionCode, year }));
    }
    // The trail is the actor's: the city user sees no way up, the system sees 全国 and 河南省.
    expect((await getDashboard(db().db, city, { regionCode: "411700", year: 2020 })).trail).toEqual(
      [],
    );
    const own = await getDashboard(db().db, english, { regionCode: "411700", year: 2020 });
    expect(own.trail.map((r) => r.code)).toEqual(["000000", "410000"]);
    expect(own.regions[0]?.name).toBe("驻马店市 (own level)");
  });

  it("gives a new answer after a cell edit, and only the edited year's version moves", async () => {
    const before = await getDashboard(db().db, system, { regionCode: "440000", year: 2024 });
    const v2024 = await version(2024);
    const v2020 = await version(2020);
    const rows = await listDataRows(db().db, system, "allocations", {
      year: 2024,
      regionCode: "440000",
      page: 1,
      pageSize: 200,
    });
    const row = rows.items.find((r) => r.values.spent !== null && r.regionCode !== "440000");
    expect(row).toBeDefined();
    await updateDataRow(db().db, system, "allocations", row?.id as number, { spent: "0" });
    expect(BigInt(await version(2024))).toBeGreaterThan(BigInt(v2024));
    expect(await version(2020)).toBe(v2020);
    const after = await getDashboard(db().db, system, { regionCode: "440000", year: 2024 });
    expect(after).not.toEqual(before);
    expect(after.spend[0]?.spent).not.toBe(before.spend[0]?.spent);
    expect(after).toEqual(
      await getDashboardUncached(db().db, system, { regionCode: "440000", year: 2024 }),
    );
  });

  it("gives a new answer after a row delete; a rolled-back delete changes nothing", async () => {
    const before = await getDashboard(db().db, system, { regionCode: "410000", year: 2020 });
    const v = await version(2020);
    await db()
      .db.transaction(async (tx) => {
        await tx.execute(sql`delete from programme_funds where year = 2020`);
        throw new Error("roll back");
      })
      .catch(() => {});
    expect(await version(2020)).toBe(v);
    expect(await getDashboard(db().db, system, { regionCode: "410000", year: 2020 })).toEqual(
      before,
    );
    await db().db.execute(sql`delete from programme_funds where year = 2020`);
    expect(BigInt(await version(2020))).toBeGreaterThan(BigInt(v));
    const after = await getDashboard(db().db, system, { regionCode: "410000", year: 2020 });
    expect(before.funds.length).toBeGreaterThan(0);
    expect(after.funds).toEqual([]);
  });

  it("raises each year a transaction touched by exactly one, at commit", async () => {
    const v2020 = BigInt(await version(2020)) - BigInt(await version(0));
    const v2024 = BigInt(await version(2024)) - BigInt(await version(0));
    await db().db.transaction(async (tx) => {
      await tx.execute(sql`update fund_allocations set spent_yuan = spent_yuan where year = 2024`);
      await tx.execute(sql`update plan_actuals set as_of = as_of where year = 2020`);
      await tx.execute(
        sql`update fund_allocations set budget_yuan = budget_yuan where year = 2024`,
      );
    });
    expect(BigInt(await version(2020)) - BigInt(await version(0))).toBe(v2020 + 1n);
    expect(BigInt(await version(2024)) - BigInt(await version(0))).toBe(v2024 + 1n);
    const [marks] = await queryRows<{ n: number }>(
      db().db,
      sql`select count(*)::int as n from data_version_marks`,
    );
    expect(marks?.n).toBe(0);
  });

  it("moves with a sheet's reopening and approval, not with a draft save", async () => {
    const [sheet] = await queryRows<{ id: number }>(
      db().db,
      sql`select s.id from evaluation_sheets s join evaluation_tasks t on t.id = s.task_id
        where t.year = 2020 and s.region_code = '411700' and s.status = 'approved'`,
    );
    expect(sheet).toBeDefined();
    const id = Number(sheet?.id);
    const approved = await getDashboard(db().db, system, { regionCode: "410000", year: 2020 });
    const scoreOf = (d: typeof approved) => d.regions.find((r) => r.code === "411700")?.scoreSource;
    expect(scoreOf(approved)).toBe("evaluation");

    const v = await version(2020);
    await db().db.execute(sql`update evaluation_sheets set status = 'returned' where id = ${id}`);
    const reopened = await getDashboard(db().db, system, { regionCode: "410000", year: 2020 });
    expect(BigInt(await version(2020))).toBeGreaterThan(BigInt(v));
    expect(scoreOf(reopened)).not.toBe("evaluation");

    const v2 = await version(2020);
    await db().db.execute(sql`update evaluation_sheets set version = version + 1 where id = ${id}`);
    expect(await version(2020)).toBe(v2);

    await db().db.execute(sql`update evaluation_sheets set status = 'approved' where id = ${id}`);
    expect(BigInt(await version(2020))).toBeGreaterThan(BigInt(v2));
    expect(await getDashboard(db().db, system, { regionCode: "410000", year: 2020 })).toEqual(
      approved,
    );
  });
});
