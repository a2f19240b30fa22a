// Allocation review steps fired at once: 20 finance users approving 20 scenarios of one group leave
// one approved plan and one audit entry (the partial unique index decides on PostgreSQL), and two
// approvals, submits or reopenings of the same plan leave one winner and one 409.
import { readFileSync } from "node:fs";
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { describeOnBothDatabases } from "../../../test/helpers/databases.ts";
import { actingAs, addUser } from "../../../test/helpers/fixtures.ts";
import { afterHeldWrite } from "../../../test/helpers/held-transaction.ts";
import { statusOf } from "../../api/errors.ts";
import { isUniqueViolation } from "../../db/pg-errors.ts";
import { allocationPlans, auditLog, ONE_APPROVED_PER_GROUP } from "../../db/schema.ts";
import { testData, testModel } from "../../domain/allocation/test-models.ts";
import { DomainError } from "../../domain/errors.ts";
import type { ServiceContext } from "../context.ts";
import { actOnAllocationPlan } from "../index.ts";

const APPROVERS = 4;
const SCENARIOS = 20;

type Settled = PromiseSettledResult<unknown>;
const winners = (results: Settled[]) => results.filter((r) => r.status === "fulfilled").length;
const codes = (results: Settled[]) =>
  results
    .filter((r): r is PromiseRejectedResult => r.status === "rejected")
    .map((r) => (r.reason instanceof DomainError ? r.reason.code : String(r.reason)));

describeOnBothDatabases("allocation races", (db, kind) => {
  let submitter: number;
  let finance: ServiceContext[] = [];
  let dept: ServiceContext;

  beforeAll(async () => {
    submitter = (await addUser(db(), "gd.dept", "department", "440000")).id;
    dept = await actingAs(db(), "gd.dept");
    finance = [];
    for (let i = 0; i < APPROVERS; i++) {
      await addUser(db(), `gd.fin${i}`, "finance", "440000");
      finance.push(await actingAs(db(), `gd.fin${i}`));
    }
  });

  /** A base plan and its scenarios, all in the given state, submitted by gd.dept. */
  async function group(name: string, size: number, status: "draft" | "submitted" = "submitted") {
    const plan = (scenarioOf: number | null, i: number) => ({
      regionCode: "440000",
      year: 2024,
      name: `${name}-${i}`,
      scenarioOf,
      model: testModel({ name: `${name}-${i}` }),
      data: testData({ A: { x: 1 }, B: { x: 2 }, C: { x: 3 + i } }),
      status,
      submittedBy: status === "submitted" ? submitter : null,
    });
    const [base] = await db().db.insert(allocationPlans).values(plan(null, 0)).returning();
    if (!base) throw new Error("no base plan");
    const rest =
      size > 1
        ? await db()
            .db.insert(allocationPlans)
            .values(Array.from({ length: size - 1 }, (_, i) => plan(base.id, i + 1)))
            .returning()
        : [];
    return [base, ...rest].map((p) => p.id);
  }

  const approved = (ids: number[]) =>
    db()
      .db.select({ id: allocationPlans.id, approvedBy: allocationPlans.approvedBy })
      .from(allocationPlans)
      .where(and(inArray(allocationPlans.id, ids), eq(allocationPlans.status, "approved")));
  const audits = async (ids: number[], action: string) =>
    (
      await db()
        .db.select({ id: auditLog.id })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.action, action),
            inArray(
              auditLog.entityId,
              ids.map((id) => String(id)),
            ),
          ),
        )
    ).length;

  it("approves exactly one of 20 scenarios approved at the same moment", async () => {
    const ids = await group("并发审定", SCENARIOS);
    const results = await Promise.allSettled(
      ids.map((id, i) =>
        actOnAllocationPlan(db().db, finance[i % APPROVERS] as ServiceContext, id, {
          action: "approve",
          version: 1,
        }),
      ),
    );
    expect(winners(results)).toBe(1);
    expect(codes(results)).toEqual(Array(SCENARIOS - 1).fill("allocation.other_approved"));
    expect(statusOf("allocation.other_approved")).toBe(409);
    const rows = await approved(ids);
    expect(rows).toHaveLength(1);
    const winner = results.findIndex((r) => r.status === "fulfilled");
    expect(rows[0]?.id).toBe(ids[winner]);
    expect(await audits(ids, "allocation.approve")).toBe(1);
    // The losers are untouched: still submitted at version 1.
    const others = await db()
      .db.select({ status: allocationPlans.status, version: allocationPlans.version })
      .from(allocationPlans)
      .where(inArray(allocationPlans.id, ids));
    expect(others.filter((p) => p.status === "submitted" && p.version === 1)).toHaveLength(19);
  });

  it("names the approved plan when a loser is refused", async () => {
    const ids = await group("具名", 2);
    const [first, second] = await Promise.allSettled(
      ids.map((id, i) =>
        actOnAllocationPlan(db().db, finance[i] as ServiceContext, id, {
          action: "approve",
          version: 1,
        }),
      ),
    );
    const [winner, loser] = first?.status === "fulfilled" ? [0, second] : [1, first];
    expect(loser?.status).toBe("rejected");
    const reason = (loser as PromiseRejectedResult).reason as DomainError;
    expect(reason.code).toBe("allocation.other_approved");
    expect(reason.messageIn("zh-CN")).toBe(
      `同组的方案“具名-${winner}”已审定；一组方案只能审定一个，请先重新打开它`,
    );
  });

  it("gives one winner and 19 refusals for 20 approvals of the same plan", async () => {
    const [id = 0] = await group("同一方案", 1);
    const results = await Promise.allSettled(
      Array.from({ length: SCENARIOS }, (_, i) =>
        actOnAllocationPlan(db().db, finance[i % APPROVERS] as ServiceContext, id, {
          action: "approve",
          version: 1,
        }),
      ),
    );
    expect(winners(results)).toBe(1);
    expect(codes(results)).toEqual(Array(SCENARIOS - 1).fill("allocation.transition"));
    expect(statusOf("allocation.transition")).toBe(409);
    const refusal = results.find((r): r is PromiseRejectedResult => r.status === "rejected")
      ?.reason as DomainError;
    expect([refusal.messageIn("zh-CN"), refusal.messageIn("en-US")]).toEqual([
      "分配方案当前为“已审定”，不能审定",
      "The plan is approved; it cannot be approved",
    ]);
    expect(await audits([id], "allocation.approve")).toBe(1);
    const [row] = await db().db.select().from(allocationPlans).where(eq(allocationPlans.id, id));
    expect(row).toMatchObject({ status: "approved", version: 2 });
  });

  it("submits a draft once when it is submitted twice at once", async () => {
    const [id = 0] = await group("重复提交", 1, "draft");
    const results = await Promise.allSettled([
      actOnAllocationPlan(db().db, dept, id, { action: "submit", version: 1 }),
      actOnAllocationPlan(db().db, dept, id, { action: "submit", version: 1 }),
    ]);
    expect(winners(results)).toBe(1);
    expect(codes(results)).toEqual(["allocation.transition"]);
    expect(await audits([id], "allocation.submit")).toBe(1);
  });

  it("reopens once, and a reopening and another approval at once leave at most one approved", async () => {
    const ids = await group("重新打开", 2);
    const [a = 0, b = 0] = ids;
    const approver = finance[0] as ServiceContext;
    await actOnAllocationPlan(db().db, approver, a, { action: "approve", version: 1 });
    const reopen = () =>
      actOnAllocationPlan(db().db, approver, a, {
        action: "reopen",
        version: 2,
        comment: "重新测算",
      });
    const results = await Promise.allSettled([
      reopen(),
      reopen(),
      actOnAllocationPlan(db().db, finance[1] as ServiceContext, b, {
        action: "approve",
        version: 1,
      }),
    ]);
    expect(winners(results.slice(0, 2))).toBe(1);
    expect(codes(results.slice(0, 2))).toEqual(["allocation.transition"]);
    expect(await audits([a], "allocation.reopen")).toBe(1);
    // The approval of b may come before a's reopening commits (refused) or after (approved).
    const rows = await approved(ids);
    expect(rows.length).toBeLessThanOrEqual(1);
    expect(rows.map((r) => r.id)).toEqual(results[2]?.status === "fulfilled" ? [b] : []);
    expect(codes(results.slice(2))).toEqual(
      results[2]?.status === "fulfilled" ? [] : ["allocation.other_approved"],
    );
  });

  // One connection serialises PGlite's transactions: only the server can hold an approval open.
  if (kind === "postgres") {
    it("refuses an approval that the group check let through, once the first commits", async () => {
      const [a = 0, b = 0] = await group("索引裁决", 2);
      const result = await afterHeldWrite(
        db(),
        (tx) =>
          tx.update(allocationPlans).set({ status: "approved" }).where(eq(allocationPlans.id, a)),
        () =>
          actOnAllocationPlan(db().db, finance[0] as ServiceContext, b, {
            action: "approve",
            version: 1,
          }),
      );
      expect(result.status).toBe("rejected");
      const reason = (result as PromiseRejectedResult).reason as DomainError;
      expect(reason.code).toBe("allocation.other_approved");
      expect(reason.messageIn("zh-CN")).toContain("同组的方案“索引裁决-0”已审定");
      expect((await approved([a, b])).map((r) => r.id)).toEqual([a]);
      expect(await audits([b], "allocation.approve")).toBe(0);
    });
  }

  it("refuses a second approved plan in a group in the database itself", async () => {
    const ids = await group("约束", 3);
    await db()
      .db.update(allocationPlans)
      .set({ status: "approved" })
      .where(eq(allocationPlans.id, ids[1] ?? 0));
    const err = await db()
      .db.update(allocationPlans)
      .set({ status: "approved" })
      .where(eq(allocationPlans.id, ids[2] ?? 0))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isUniqueViolation(err, ONE_APPROVED_PER_GROUP)).toBe(true);
    expect(await approved(ids)).toEqual([{ id: ids[1], approvedBy: null }]);
    // Another group's approval is its own business.
    const [other = 0] = await group("另一组", 1);
    await db()
      .db.update(allocationPlans)
      .set({ status: "approved" })
      .where(eq(allocationPlans.id, other));
    expect(await approved([other])).toHaveLength(1);
  });

  it("upgrades a database the old race approved twice: the first approval stays, the later go back to 已提交", async () => {
    const ids = await group("旧库", 3);
    const [first = 0, second = 0, third = 0] = ids;
    await db().db.execute(sql.raw(`drop index ${ONE_APPROVED_PER_GROUP}`));
    const at = (iso: string) => ({ status: "approved" as const, approvedAt: new Date(iso) });
    await db()
      .db.update(allocationPlans)
      .set(at("2024-03-01T08:00:00Z"))
      .where(eq(allocationPlans.id, second));
    await db()
      .db.update(allocationPlans)
      .set(at("2024-03-01T08:00:01Z"))
      .where(inArray(allocationPlans.id, [first, third]));
    const fixup = readFileSync(
      new URL("../../db/migrations/0011_one_approved_plan_fixup.sql", import.meta.url),
      "utf8",
    );
    await db().db.execute(sql.raw(fixup));
    const rows = await db()
      .db.select({
        id: allocationPlans.id,
        status: allocationPlans.status,
        version: allocationPlans.version,
      })
      .from(allocationPlans)
      .where(inArray(allocationPlans.id, ids))
      .orderBy(allocationPlans.id);
    expect(rows).toEqual([
      { id: first, status: "submitted", version: 2 },
      { id: second, status: "approved", version: 1 },
      { id: third, status: "submitted", version: 2 },
    ]);
    expect(await audits([first, third], "allocation.unapprove")).toBe(2);
    // The next migration's index now builds.
    const migration = readFileSync(
      new URL("../../db/migrations/0012_one_approved_plan_per_group.sql", import.meta.url),
      "utf8",
    );
    const create = migration
      .split("--> statement-breakpoint")
      .find((s) => s.includes(ONE_APPROVED_PER_GROUP));
    await db().db.execute(sql.raw(create ?? "missing"));
    expect(await approved(ids)).toEqual([{ id: second, approvedBy: null }]);
  });
});
