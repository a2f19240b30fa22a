// A plan's inputs: a model file is refused whole when it is not a model, a stored model that no longer
// parses shows its problems instead of a result, and a good one computes (1,000 元 by 1 : 2 : 3).
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { describeOnBothDatabases } from "../../../test/helpers/databases.ts";
import { actingAs, addUser } from "../../../test/helpers/fixtures.ts";
import { allocationPlans } from "../../db/schema.ts";
import { AllocationError } from "../../domain/allocation/index.ts";
import { testData, testModel } from "../../domain/allocation/test-models.ts";
import type { ServiceContext } from "../context.ts";
import { createAllocationPlan, getAllocationPlan, listAllocationPlans } from "./index.ts";

describeOnBothDatabases("allocation inputs", (db) => {
  let dept: ServiceContext;

  beforeAll(async () => {
    await addUser(db(), "gd.inputs", "department", "440000");
    dept = await actingAs(db(), "gd.inputs");
  });

  const fileText = (model: object) =>
    JSON.stringify({ ...model, data: testData({ A: { x: 1 }, B: { x: 2 }, C: { x: 3 } }) });

  it("imports a model file and computes it with its entered values", async () => {
    const { id } = await createAllocationPlan(db().db, dept, {
      regionCode: "440000",
      fileName: "输入.json",
      text: fileText(testModel({ name: "输入" })),
    });
    const plan = await getAllocationPlan(db().db, dept, id);
    expect(plan.problems).toEqual([]);
    // 1000 × 1/6 = 166.67, × 2/6 = 333.33, × 3/6 = 500: the one 元 left goes to the largest remainder.
    expect(plan.result?.regions.map((r) => [r.code, r.amount])).toEqual([
      ["A", "167"],
      ["B", "333"],
      ["C", "500"],
    ]);
    expect(plan.result?.factors).toEqual([
      { key: "x", name: "因素甲", weight: "100", from: "entered", note: "录入" },
    ]);
  });

  it("stores a plan named in both languages under its Chinese name", async () => {
    const { id } = await createAllocationPlan(db().db, dept, {
      regionCode: "440000",
      fileName: "双语.json",
      text: fileText(testModel({ name: { "zh-CN": "双语方案", "en-US": "Bilingual plan" } })),
    });
    const [row] = await db()
      .db.select({ name: allocationPlans.name })
      .from(allocationPlans)
      .where(eq(allocationPlans.id, id));
    expect(row?.name).toBe("双语方案");
  });

  it("refuses a file that is not a model, naming the file, and stores nothing", async () => {
    const before = await db().db.select({ id: allocationPlans.id }).from(allocationPlans);
    const refusal = await createAllocationPlan(db().db, dept, {
      regionCode: "440000",
      fileName: "无因素.json",
      text: fileText({ ...testModel({ name: "无因素" }), factors: [] }),
    }).catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(AllocationError);
    expect(refusal instanceof AllocationError && refusal.message).toBe(
      "Allocation model 无因素.json: 1 problem(s):\n  无因素.json factors: needs at least 1 item(s)",
    );
    const after = await db().db.select({ id: allocationPlans.id }).from(allocationPlans);
    expect(after.length).toBe(before.length);
  });

  it("shows the problems of a stored model that no longer parses, and still lists it", async () => {
    const [row] = await db()
      .db.insert(allocationPlans)
      .values({
        regionCode: "440000",
        year: 2024,
        name: "旧模型",
        model: { ...testModel({ name: "旧模型" }), factors: [] },
        data: testData({ A: { x: 1 } }),
      })
      .returning();
    if (!row) throw new Error("no plan");
    const plan = await getAllocationPlan(db().db, dept, row.id);
    expect(plan.result).toBeNull();
    expect(plan.problems).toEqual(["factors: 至少需要 1 项"]);
    const listed = await listAllocationPlans(db().db, dept, { year: 2024 });
    expect(listed.find((p) => p.id === row.id)?.total).toBe("1000");
    await db().db.delete(allocationPlans).where(eq(allocationPlans.id, row.id));
  });
});
