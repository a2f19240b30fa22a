import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { describeOnBothDatabases } from "../../../test/helpers/databases.ts";
import { addUser } from "../../../test/helpers/fixtures.ts";
import { auditLog } from "../../db/schema.ts";
import type { ServiceContext } from "../context.ts";
import { listAudit } from "./audit-service.ts";

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

  it("exports the filtered log as .xlsx in the reader's language: words, numbers as numbers", async () => {
    const { exportAudit } = await import("./audit-service.ts");
    const ExcelJS = (await import("exceljs")).default;
    const read = async (bytes: Uint8Array) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
      const sheet = book.worksheets[0];
      if (!sheet) throw new Error("no sheet");
      return sheet;
    };
    const zh = await read((await exportAudit(db().db, henan, { entity: "user" }, "zh-CN")).bytes);
    expect(zh.name).toBe("审计日志");
    expect(zh.getCell(1, 1).value).toBe("审计日志（河南省）");
    expect(zh.getRow(2).values).toEqual([
      undefined,
      "记录号",
      "时间（北京时间）",
      "操作人",
      "IP",
      "操作",
      "对象",
      "对象ID",
      "区域",
      "区域代码",
      "变更内容",
    ]);
    // Henan's two users, newest first: 驻马店 below Henan, then Henan's own admin.
    const first = zh.getRow(3);
    expect(typeof first.getCell(1).value).toBe("number");
    // The time is Beijing's wall clock, to the second: the stored instant plus eight hours.
    const [newest] = (await listAudit(db().db, henan, { entity: "user", page: 1, pageSize: 1 }))
      .items;
    expect((first.getCell(2).value as Date).getTime()).toBe(
      Math.floor(new Date(newest?.at ?? "").getTime() / 1000) * 1000 + 8 * 3600_000,
    );
    expect(first.getCell(3).value).toBe("test");
    expect(first.getCell(5).value).toBe("新建用户");
    expect(first.getCell(6).value).toBe("用户");
    expect(typeof first.getCell(7).value).toBe("number");
    expect(first.getCell(8).value).toBe("驻马店市");
    expect(first.getCell(9).value).toBe("411700");
    const changes = String(first.getCell(10).value);
    for (const part of [
      "用户名：zmd.user",
      "姓名：zmd.user",
      "角色：财政部门",
      "区域：驻马店市",
      "已停用：否",
    ])
      expect(changes).toContain(part);
    expect(zh.getRow(4).getCell(8).value).toBe("河南省");
    expect(String(zh.getRow(6).getCell(1).value)).toBe(
      "共 2 条，导出 2 条，按时间倒序；筛选条件：对象：用户。",
    );

    const en = await read(
      (await exportAudit(db().db, nation, { action: "create" }, "en-US")).bytes,
    );
    expect(en.getCell(1, 1).value).toBe("Audit log (Nationwide)");
    expect(en.getRow(2).getCell(5).value).toBe("Action");
    const actions = [3, 4, 5, 6].map((r) => en.getRow(r).getCell(5).value);
    expect(actions).toEqual(["Create user", "Create user", "Create user", "Create user"]);
    expect(en.getRow(6).getCell(8).value).toBe("Nationwide");
    expect(String(en.getRow(3).getCell(10).value)).toContain("Username: hz.user; ");
    await expect(
      exportAudit(db().db, henan, { regionCode: "330100" }, "zh-CN"),
    ).rejects.toMatchObject({ code: "access.region" });
  });
});
