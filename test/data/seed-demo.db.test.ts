// The demo: the four seed reports' figures, loaded from demo/*.xlsx through the real importer.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_SETS } from "../../demo/seed-data.ts";
import type { Database } from "../../src/db/index.ts";
import { findDataset } from "../../src/domain/datasets/specs/index.ts";
import { DEMO_DIR, readDemoManifest } from "../../src/services/demo/demo-data.ts";
import { listSurveys, seedDemo, surveyResults, systemContext } from "../../src/services/index.ts";
import { readWorkbook, writeDataFile } from "../../src/xlsx/index.ts";
import { describeOnBothDatabases } from "../helpers/databases.ts";

async function one(database: Database, query: ReturnType<typeof sql>) {
  const result = await database.db.execute(query);
  return (result as unknown as { rows: Record<string, unknown>[] }).rows[0] ?? {};
}

describe("demo files", () => {
  it("hold exactly the rows of demo/seed-data.ts (run `npm run demo:build` after changing it)", async () => {
    const manifest = await readDemoManifest();
    expect(manifest.map((m) => m.dir)).toEqual(DEMO_SETS.map((s) => s.dir));
    for (const set of DEMO_SETS) {
      for (const file of set.files) {
        const spec = findDataset(file.dataset);
        if (!spec) throw new Error(file.dataset);
        const name = `${set.dir}/${file.dataset}.xlsx`;
        const committed = await readWorkbook(readFileSync(join(DEMO_DIR, name)), name);
        const fresh = await readWorkbook(
          await writeDataFile(spec, file.rows, { year: set.year, scopeName: set.regionName }),
          name,
        );
        expect(
          committed.map((g) => g.rows),
          name,
        ).toEqual(fresh.map((g) => g.rows));
      }
    }
  });
});

describeOnBothDatabases("seed-demo loads the four seed reports", (db) => {
  beforeAll(async () => {
    const result = await seedDemo(db().db, systemContext("test"), { password: "Demo-Passw0rd!" });
    expect(result.rows).toBeGreaterThan(60);
  });

  it("has 杭州市's survey with the seed report's 470 questionnaires: 458 valid, 82.75% ± 3.46%", async () => {
    const system = systemContext("test");
    const [survey] = await listSurveys(db().db, system, { year: 2020, regionCode: "330100" });
    expect(survey).toMatchObject({
      title: "杭州市老旧小区综合改造提升居民满意度调查",
      status: "open",
      communities: 2,
      answers: 470,
      valid: 458,
      ratePercent: "82.75",
    });
    const results = await surveyResults(db().db, system, survey?.id ?? 0);
    expect(results.overall).toMatchObject({ satisfied: 379, marginPercent: "3.46" });
    expect(results.tree[0]?.children.map((c) => [c.name, c.rate.valid])).toEqual([
      ["上城区", 292],
      ["拱墅区", 166],
    ]);
  });

  it("records one committed import per demo file", async () => {
    const files = DEMO_SETS.reduce((n, s) => n + s.files.length, 0);
    const row = await one(
      db(),
      sql`select count(*)::int as n from data_imports where status = 'committed'`,
    );
    expect(row.n).toBe(files);
  });

  it("has Hangzhou's 2020 funds: 133,537.35万元 = 72,272.36 + 3,322.99 + 57,942.00", async () => {
    const row = await one(
      db(),
      sql`select sum(amount_yuan)::text as total, count(*)::int as n from programme_funds
          where region_code = '330100' and year = 2020`,
    );
    expect(row).toEqual({ total: "1335373500.00", n: 3 });
  });

  it("has Guangdong's 2024 spend table: 16 rows, 18,860万元 allocated, 3,623.35万元 spent", async () => {
    const row = await one(
      db(),
      sql`select count(*)::int as n, sum(budget_yuan)::text as budget, sum(spent_yuan)::text as spent
          from fund_allocations where year = 2024`,
    );
    expect(row).toEqual({ n: 16, budget: "188600000.00", spent: "36233500.00" });
    const shantou = await one(
      db(),
      sql`select spent_yuan::text as spent, published_spend_rate::text as rate
          from fund_allocations where region_code = '440500'`,
    );
    expect(shantou).toEqual({ spent: "1529300.00", rate: "4.5300" });
  });

  it("has Guangdong's task table: the 15 cities' started communities sum to the 合计 1,161", async () => {
    const row = await one(
      db(),
      sql`select sum(actual_communities)::int as cities,
            (select actual_communities from plan_actuals where region_code = '440000') as total
          from plan_actuals where year = 2024 and region_code <> '440000'`,
    );
    expect(row).toEqual({ cities: 1161, total: 1161 });
  });

  it("has Zhumadian's plan in m²: 341.4058万平方米 = 3,414,058 m², elderly-care 63,120 m²", async () => {
    const row = await one(
      db(),
      sql`select plan_area_m2::text as area, plan_elderly_area_m2::text as elderly,
            actual_elderly_area_m2::text as built
          from plan_actuals where region_code = '411700'`,
    );
    expect(row).toEqual({ area: "3414058.00", elderly: "63120.00", built: "62395.00" });
  });

  it("has Suzhou's budget execution as printed, and Hangzhou's 458 questionnaires at 82.75%", async () => {
    const budget = await one(
      db(),
      sql`select initial_budget_yuan::text as initial, adjustment_yuan::text as adjustment,
            appropriated_yuan::text as appropriated, as_of::text as as_of
          from budget_executions where region_code = '320500'`,
    );
    expect(budget).toEqual({
      initial: "17000000.00",
      adjustment: "-15000000.00",
      appropriated: "2000000.00",
      as_of: "2019-12-31",
    });
    const survey = await one(
      db(),
      sql`select valid_responses, rate::text as rate from satisfaction_results where region_code = '330100'`,
    );
    expect(survey).toEqual({ valid_responses: 458, rate: "82.7500" });
  });

  it("adds nothing when run again", async () => {
    const again = await seedDemo(db().db, systemContext("test"));
    expect(again).toEqual({ created: 0, password: null, rows: 0 });
  });
});
