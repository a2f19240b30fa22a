// Rolling the demo's Zhumadian counties up by funds: the weights are the counties' 预算指标 in 万元.
import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { describeOnBothDatabases } from "../../../test/helpers/databases.ts";
import { systemContext } from "../context.ts";
import { rollUpTask } from "./rollup-service.ts";

const system = systemContext("test");

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

describeOnBothDatabases("the funds-weighted roll-up", "demo", (db) => {
  let taskId: number;

  beforeAll(async () => {
    const [task] = rowsOf<{ id: number }>(
      await db().db.execute(sql`select id from evaluation_tasks`),
    );
    taskId = Number(task?.id);
    const [programme] = rowsOf<{ id: number }>(
      await db().db.execute(
        sql`select id from programmes where region_code = '411700' and year = 2020`,
      ),
    );
    const counties = rowsOf<{ code: string }>(
      await db().db.execute(
        sql`select code from regions where parent_code = '411700' order by path`,
      ),
    );
    expect(counties).toHaveLength(10);
    // The demo gives the city's allocation only: each county gets 100 万元, the first 1234567.89 元.
    for (const [i, county] of counties.entries()) {
      const budget = i === 0 ? "1234567.89" : "1000000";
      await db().db.execute(
        sql`insert into fund_allocations (year, region_code, programme_id, as_of, budget_yuan, spent_yuan)
          values (2020, ${county.code}, ${Number(programme?.id)}, '2020-12-31', ${budget}, 0)`,
      );
    }
  });

  it("weights each county's score by its 预算指标 in 万元, exactly", async () => {
    const weighted = await rollUpTask(db().db, system, taskId, "funds-weighted");
    expect(weighted).toMatchObject({ score: "85.6", included: 10 });
    expect(weighted.reason).toBe(
      "按资金加权平均：(99.1×123.456789 + 81.1×100 + 98.1×100 + 58.1×100 + 97.1×100 + 89.1×100 + 99.1×100 + 88.1×100 + 98.6×100 + 44.1×100) ÷ 1023.456789 = 85.5674",
    );
  });
});
