import { count } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_SETS } from "../../../demo/seed-data.ts";
import {
  createTestDatabase,
  DB_KINDS,
  type TestDatabase,
} from "../../../test/helpers/databases.ts";
import { meta, users } from "../../db/schema.ts";
import { assertPasswordPolicy } from "../../domain/password-policy.ts";
import { login } from "../accounts/auth-service.ts";
import { type ServiceContext, systemContext } from "../context.ts";
import { DEMO_USERS, generatePassword, prepareDatabase, seedDemo } from "./bootstrap-service.ts";

const userCount = async (db: Parameters<typeof seedDemo>[0]) =>
  Number((await db.select({ n: count() }).from(users))[0]?.n);

// A first start is about an empty database: each test has one of its own, with the regions only.
for (const kind of DB_KINDS) {
  describe(`first start [${kind}]`, () => {
    let test: TestDatabase | undefined;
    beforeEach(async () => {
      test = await createTestDatabase(kind);
    });
    afterEach(async () => {
      await test?.destroy();
      test = undefined;
    });
    const db = () => {
      if (!test) throw new Error("the test database is not ready yet (use it inside tests)");
      return test.database;
    };
    /** The database after a first start with a given administrator password: admin is user 1. */
    const started = () =>
      prepareDatabase(db(), { adminPassword: "Given-Passw0rd!", operator: "test" });

    it("creates admin with the given password once; a second start changes nothing", async () => {
      const first = await prepareDatabase(db(), {
        adminPassword: "Given-Passw0rd!",
        operator: "test",
      });
      expect(first).toEqual({ regionsLoaded: 0, generatedAdminPassword: null, adminCreated: true });
      const session = await login(db().db, systemContext("t"), {
        username: "admin",
        password: "Given-Passw0rd!",
        ip: null,
        userAgent: null,
      });
      expect(session.session.user).toMatchObject({
        role: "admin",
        regionCode: "000000",
        regionName: "全国",
      });
      const second = await prepareDatabase(db(), {
        adminPassword: "Other-Passw0rd!",
        operator: "test",
      });
      expect(second.adminCreated).toBe(false);
      expect(await userCount(db().db)).toBe(1);
    });

    it("loads the demo users all at once or not at all", async () => {
      await started();
      // A Henan administrator may create the Henan demo users but not Hangzhou's: the whole load is undone.
      const henan: ServiceContext = {
        actor: {
          userId: 1,
          username: "admin",
          role: "admin",
          regionCode: "410000",
          regionPath: "/000000/410000/",
        },
        ip: null,
        requestId: null,
      };
      await expect(seedDemo(db().db, henan)).rejects.toMatchObject({ code: "access.region" });
      expect(await userCount(db().db)).toBe(1);
      expect(await db().db.select().from(meta)).toEqual([]);
    });

    it("loads the demo users once", async () => {
      await started();
      const first = await seedDemo(db().db, systemContext("test"), { password: "Demo-Passw0rd!" });
      // Every row of the four seed reports' demo files (demo/seed-data.ts).
      const demoRows = DEMO_SETS.flatMap((set) => set.files).reduce((n, f) => n + f.rows.length, 0);
      expect(demoRows).toBe(150);
      expect(first).toEqual({
        created: DEMO_USERS.length,
        password: "Demo-Passw0rd!",
        rows: demoRows,
      });
      const second = await seedDemo(db().db, systemContext("test"));
      expect(second).toEqual({ created: 0, password: null, rows: 0 });
      expect(await userCount(db().db)).toBe(1 + DEMO_USERS.length);
      expect(Number((await db().db.select({ n: count() }).from(meta))[0]?.n)).toBe(1);
    });
  });
}

it("generates passwords that pass the policy and differ", () => {
  const drawn = new Set(Array.from({ length: 50 }, generatePassword));
  expect(drawn.size).toBe(50);
  for (const pw of drawn) expect(() => assertPasswordPolicy(pw, "admin")).not.toThrow();
});
