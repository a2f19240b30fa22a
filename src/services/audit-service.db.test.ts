import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { describeOnBothDatabases } from "../../test/helpers/databases.ts";
import { addUser } from "../../test/helpers/fixtures.ts";
import { auditLog } from "../db/schema.ts";
import { listAudit } from "./audit-service.ts";
import type { ServiceContext } from "./context.ts";

const adminAt = (userId: number, regionCode: string, regionPath: string): ServiceContext => ({
  actor: { userId, username: `admin-${regionCode}`, role: "admin", regionCode, regionPath },
  ip: null,
  requestId: null,
});

describeOnBothDatabases("the audit trail", (db) => {
  let nation: ServiceContext;
  let henan: ServiceContext;

  beforeAll(async () => {
    const n = await addUser(db(), "nation.admin", "admin", "000000");
    const h = await addUser(db(), "henan.admin", "admin", "410000");
    nation = adminAt(n.id, "000000", "/000000/");
    henan = adminAt(h.id, "410000", "/000000/410000/");
    await addUser(db(), "zmd.user", "finance", "411700");
    await addUser(db(), "hz.user", "evaluator", "330100");
  });

  it("cannot be changed or deleted, even with direct SQL", async () => {
    const [first] = await db().db.select().from(auditLog).limit(1);
    await expect(
      db()
        .db.update(auditLog)
        .set({ action: "forged" })
        .where(eq(auditLog.id, first?.id ?? 0)),
    ).rejects.toThrow();
    await expect(db().db.execute(sql`delete from audit_log`)).rejects.toThrow();
    const [again] = await db()
      .db.select()
      .from(auditLog)
      .where(eq(auditLog.id, first?.id ?? 0));
    expect(again?.action).toBe("create");
  });

  it("shows a provincial admin only the entries of their province, newest first", async () => {
    const page = await listAudit(db().db, henan, { page: 1, pageSize: 50 });
    expect(page.items.map((e) => (e.after as { username: string }).username)).toEqual([
      "zmd.user",
      "henan.admin",
    ]);
    const all = await listAudit(db().db, nation, { entity: "user", page: 1, pageSize: 50 });
    expect(all.total).toBe(4);
    const narrowed = await listAudit(db().db, nation, {
      regionCode: "330100",
      page: 1,
      pageSize: 50,
    });
    expect(narrowed.items.map((e) => e.entityId)).toHaveLength(1);
    await expect(
      listAudit(db().db, henan, { regionCode: "330100", page: 1, pageSize: 50 }),
    ).rejects.toMatchObject({ code: "access.region" });
  });

  it("filters by actor, action and time", async () => {
    const byTest = await listAudit(db().db, nation, { actor: "test", page: 1, pageSize: 50 });
    expect(byTest.total).toBe(4);
    const none = await listAudit(db().db, nation, { action: "disable", page: 1, pageSize: 50 });
    expect(none.total).toBe(0);
    const future = await listAudit(db().db, nation, {
      from: new Date(Date.now() + 60_000),
      page: 1,
      pageSize: 50,
    });
    expect(future.items).toEqual([]);
  });
});
