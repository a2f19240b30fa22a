import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { describeOnBothDatabases } from "../../../test/helpers/databases.ts";
import { actingAs, addUser } from "../../../test/helpers/fixtures.ts";
import { auditLog, sessions, users } from "../../db/schema.ts";
import type { ServiceContext } from "../context.ts";
import { login } from "./auth-service.ts";
import { createUser, listUsers, resetPassword, updateUser } from "./user-service.ts";

const PASSWORD = "Str0ng-Password!";

describeOnBothDatabases("user administration", (db) => {
  let cityAdmin: ServiceContext;

  beforeAll(async () => {
    const u = await addUser(db(), "zmd.admin", "admin", "411700");
    cityAdmin = {
      actor: {
        userId: u.id,
        username: u.username,
        role: "admin",
        regionCode: "411700",
        regionPath: "/000000/410000/411700/",
      },
      ip: "10.1.2.3",
      requestId: "req-1",
    };
  });

  it("creates a user in the admin's region and records who, where and what", async () => {
    const created = await createUser(db().db, cityAdmin, {
      username: "xiping.impl",
      displayName: "西平县实施单位",
      password: PASSWORD,
      role: "implementer",
      regionCode: "411721",
    });
    expect(created).toMatchObject({
      username: "xiping.impl",
      role: "implementer",
      regionCode: "411721",
      regionName: "西平县",
      disabled: false,
      lastLoginAt: null,
    });
    const [entry] = await db()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "user"), eq(auditLog.entityId, String(created.id))));
    expect(entry).toMatchObject({
      action: "create",
      actorUsername: "zmd.admin",
      ip: "10.1.2.3",
      requestId: "req-1",
      regionCode: "411721",
      regionPath: "/000000/410000/411700/411721/",
      before: null,
    });
    expect(entry?.after).toEqual(created);
    expect(JSON.stringify(entry)).not.toContain("argon2");
    const [row] = await db().db.select().from(users).where(eq(users.id, created.id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("refuses a region outside the admin's own, and a taken username (any case)", async () => {
    await addUser(db(), "taken.name", "viewer", "411721");
    const input = { displayName: "x", password: PASSWORD, role: "viewer" as const };
    await expect(
      createUser(db().db, cityAdmin, { ...input, username: "elsewhere", regionCode: "411600" }),
    ).rejects.toMatchObject({ code: "access.region" });
    await expect(
      createUser(db().db, cityAdmin, { ...input, username: "TAKEN.NAME", regionCode: "411721" }),
    ).rejects.toMatchObject({ code: "user.exists", details: { field: "username" } });
  });

  it("lists users of the admin's region and below, filtered by region, role and text", async () => {
    // A city of its own (周口市), so what the other tests add does not show here.
    await addUser(db(), "zk.admin", "admin", "411600");
    await addUser(db(), "chuanhui.impl", "implementer", "411602");
    await addUser(db(), "zk.finance", "finance", "411600");
    await addUser(db(), "xinyang.user", "finance", "411500");
    const zkAdmin = await actingAs(db(), "zk.admin");
    const list = (query: Parameters<typeof listUsers>[2]) =>
      listUsers(db().db, zkAdmin, query).then((page) => page.items.map((u) => u.username));
    expect(await list({ page: 1, pageSize: 50 })).toEqual([
      "zk.admin",
      "chuanhui.impl",
      "zk.finance",
    ]);
    const county = await listUsers(db().db, zkAdmin, {
      regionCode: "411602",
      page: 1,
      pageSize: 50,
    });
    expect(county.total).toBe(1);
    expect(await list({ q: "chuanhui", page: 1, pageSize: 50 })).toEqual(["chuanhui.impl"]);
    expect(await list({ role: "finance", page: 1, pageSize: 50 })).toEqual(["zk.finance"]);
  });

  it("disabling a user ends their sessions and keeps before and after in the trail", async () => {
    const target = await addUser(db(), "to.disable", "finance", "411702");
    await login(
      db().db,
      { actor: null, ip: null, requestId: null },
      {
        username: "to.disable",
        password: "Test-Passw0rd!",
        ip: "127.0.0.1",
        userAgent: null,
      },
    );
    expect(
      await db().db.select().from(sessions).where(eq(sessions.userId, target.id)),
    ).toHaveLength(1);
    const after = await updateUser(db().db, cityAdmin, target.id, { disabled: true });
    expect(after.disabled).toBe(true);
    expect(
      await db().db.select().from(sessions).where(eq(sessions.userId, target.id)),
    ).toHaveLength(0);
    const [entry] = await db()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "disable"), eq(auditLog.entityId, String(target.id))));
    expect(entry?.before).toMatchObject({ disabled: false });
    expect(entry?.after).toMatchObject({ disabled: true });
    await expect(
      login(
        db().db,
        { actor: null, ip: null, requestId: null },
        {
          username: "to.disable",
          password: "Test-Passw0rd!",
          ip: "127.0.0.1",
          userAgent: null,
        },
      ),
    ).rejects.toMatchObject({ code: "auth.invalid_credentials" });
  });

  describe("limits", () => {
    it("an admin cannot disable or demote themselves", async () => {
      const self = cityAdmin.actor?.userId ?? -1;
      await expect(updateUser(db().db, cityAdmin, self, { disabled: true })).rejects.toMatchObject({
        code: "user.self_lockout",
      });
      await expect(updateUser(db().db, cityAdmin, self, { role: "viewer" })).rejects.toMatchObject({
        code: "user.self_lockout",
      });
    });

    it("a user outside the region is not found, for changes and password resets alike", async () => {
      const { id } = await addUser(db(), "outside.user", "finance", "411500");
      await expect(updateUser(db().db, cityAdmin, id, { displayName: "x" })).rejects.toMatchObject({
        code: "user.not_found",
      });
      await expect(resetPassword(db().db, cityAdmin, id, PASSWORD)).rejects.toMatchObject({
        code: "user.not_found",
      });
    });

    it("moving a user to a region outside one's own is refused and changes nothing", async () => {
      const target = await addUser(db(), "to.move", "implementer", "411721");
      await expect(
        updateUser(db().db, cityAdmin, target.id, { regionCode: "110101" }),
      ).rejects.toMatchObject({ code: "access.region" });
      const [still] = await db().db.select().from(users).where(eq(users.id, target.id));
      expect(still?.regionCode).toBe("411721");
    });
  });
});
