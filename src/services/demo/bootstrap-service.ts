/** First-start work: migrations, reference data, the administrator, and the demo data (once). */
import { randomInt } from "node:crypto";
import { count, eq, sql } from "drizzle-orm";
import type { Database, Db } from "../../db/index.ts";
import { meta, users } from "../../db/schema.ts";
import { assertPasswordPolicy } from "../../domain/password-policy.ts";
import { NATION_CODE } from "../../domain/regions.ts";
import type { Role } from "../../shared/roles.ts";
import { pruneAuthTables } from "../accounts/auth-service.ts";
import { contextOfUser, createUser } from "../accounts/user-service.ts";
import { type ServiceContext, systemContext } from "../context.ts";
import { ensureRegions } from "../data/region-service.ts";
import { importDemoAllocations, importDemoFiles } from "./demo-data.ts";
import { seedDemoEvaluations } from "./demo-evaluations.ts";
import { seedDemoSurvey } from "./demo-survey.ts";

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789-_!@#%";

/** A random password that satisfies the policy (16 characters from 62). */
export function generatePassword(): string {
  for (;;) {
    const pw = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    try {
      assertPasswordPolicy(pw, "admin");
      return pw;
    } catch {
      // Rarely a draw misses a character class: draw again.
    }
  }
}

export interface PrepareResult {
  regionsLoaded: number;
  /** Set when this start created the administrator with a generated password. */
  generatedAdminPassword: string | null;
  adminCreated: boolean;
}

/** Migrates, loads the regions, and creates `admin` when there is no user at all. */
export async function prepareDatabase(
  database: Database,
  options: { adminPassword: string | undefined; operator: string },
): Promise<PrepareResult> {
  await database.migrate();
  const db = database.db;
  const regionsLoaded = await ensureRegions(db);
  await pruneAuthTables(db);
  const [existing] = await db.select({ n: count() }).from(users);
  if (Number(existing?.n ?? 0) > 0) {
    return { regionsLoaded, generatedAdminPassword: null, adminCreated: false };
  }
  const password = options.adminPassword ?? generatePassword();
  await createUser(db, systemContext(options.operator), {
    username: "admin",
    displayName: "系统管理员",
    password,
    role: "admin",
    regionCode: NATION_CODE,
  });
  return {
    regionsLoaded,
    generatedAdminPassword: options.adminPassword ? null : password,
    adminCreated: true,
  };
}

/** Demo accounts in the regions of the seed reports, so region-bound access can be tried at once. */
export const DEMO_USERS: {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
}[] = [
  { username: "henan.finance", displayName: "河南省财政厅", role: "finance", regionCode: "410000" },
  {
    username: "zmd.housing",
    displayName: "驻马店市住建局",
    role: "department",
    regionCode: "411700",
  },
  {
    username: "yicheng.impl",
    displayName: "驿城区实施单位",
    role: "implementer",
    regionCode: "411702",
  },
  {
    username: "hz.evaluator",
    displayName: "杭州第三方评价机构",
    role: "evaluator",
    regionCode: "330100",
  },
  {
    username: "suzhou.housing",
    displayName: "苏州市住建局",
    role: "department",
    regionCode: "320500",
  },
  {
    username: "gd.housing",
    displayName: "广东省住房和城乡建设厅",
    role: "department",
    regionCode: "440000",
  },
  { username: "gd.viewer", displayName: "广东省只读用户", role: "viewer", regionCode: "440000" },
];

const DEMO_KEY = "demo.seeded";

/** Loads the demo data once; later calls add nothing. Returns the demo password when it created users. */
export async function seedDemo(
  db: Db,
  ctx: ServiceContext,
  options: { password?: string | undefined } = {},
): Promise<{ created: number; password: string | null; rows: number }> {
  const password = options.password ?? generatePassword();
  // One transaction: the demo users and data either all exist, with the printed password, or none do.
  const { created, rows } = await db.transaction(async (tx) => {
    const [done] = await tx.select().from(meta).where(eq(meta.key, DEMO_KEY));
    if (done) return { created: 0, rows: 0 };
    let count = 0;
    for (const demo of DEMO_USERS) {
      const [exists] = await tx
        .select({ id: users.id })
        .from(users)
        .where(eq(sql`lower(${users.username})`, demo.username));
      if (exists) continue;
      await createUser(tx, ctx, { ...demo, password });
      count += 1;
    }
    const rows = await importDemoFiles(tx, ctx);
    const sheets = await seedDemoEvaluations(tx, ctx);
    const allocations = await importDemoAllocations(tx, ctx);
    const surveyAnswers = await seedDemoSurvey(tx, await contextOfUser(tx, "hz.evaluator"));
    await tx
      .insert(meta)
      .values({
        key: DEMO_KEY,
        value: {
          at: new Date().toISOString(),
          users: count,
          rows,
          evaluationSheets: sheets,
          allocationPlans: allocations,
          surveyAnswers,
        },
      })
      .onConflictDoNothing();
    return { created: count, rows };
  });
  return { created, password: created > 0 ? password : null, rows };
}
