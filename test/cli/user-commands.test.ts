/**
 * The `jixiao` command line as an administrator uses it, on both databases: in this process, and
 * --help and an unreachable server as a process.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/index.ts";
import { DomainError } from "../../src/domain/errors.ts";
import { DEMO_USERS, login, systemContext } from "../../src/services/index.ts";
import type { UserT } from "../../src/shared/schemas.ts";
import { DB_KINDS } from "../helpers/databases.ts";
import {
  type ChildDatabase,
  createChildDatabase,
  runJixiao,
  spawnJixiao,
} from "./jixiao-process.ts";

const ZMD_PASSWORD = "Zmd-Fin-2024!";
const ZMD_NEW_PASSWORD = "Zmd-Fin-2025#";
const ADMIN_LINE = /管理员 admin 的密码 \/ admin password: (\S+) \(仅显示这一次 \/ shown once\)/g;
/** A line of a JavaScript stack trace, which a user must never see. */
const STACK_LINE = /^\s+at /m;

describe("jixiao --help", () => {
  it("lists every command and exits 0", async () => {
    // As a process: bin/jixiao.js itself, and its exit status.
    const r = await spawnJixiao(["--help"], {});
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const commands = (r.stdout.split("Commands:\n")[1] ?? "")
      .split("\n")
      .map((line) => /^ {2}([a-z-]+) /.exec(line)?.[1])
      .filter(Boolean);
    expect(commands).toEqual([
      "serve",
      "migrate",
      "seed-demo",
      "user",
      "frameworks",
      "framework",
      "score",
      "import",
      "export",
      "gen",
      "check",
      "report",
      "allocate",
      "worker",
      "help",
    ]);
  });
});

for (const kind of DB_KINDS) {
  describe(`jixiao user commands [${kind}]`, () => {
    let child: ChildDatabase;
    let env: Record<string, string>;
    let adminPassword = "";
    /** What user list --json shows once zmd.fin exists; a refused command must leave it so. */
    let usersAfterAdd: UserT[] = [];

    beforeAll(async () => {
      child = await createChildDatabase(kind);
      env = child.env;
    });
    afterAll(async () => {
      await child?.destroy();
    });

    const listUsers = async () => {
      const r = await runJixiao(["user", "list", "--json"], env);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout) as UserT[];
    };

    it("migrate prints the generated admin password on the first run only", async () => {
      const first = await runJixiao(["migrate"], env);
      expect(first.code).toBe(0);
      expect(first.stderr).toBe("");
      // The copied template has its regions already, so none are loaded again.
      expect(first.stdout).toContain(
        `迁移完成 / migrated (${kind}); 新载入区域 / regions loaded: 0`,
      );
      const shown = [...first.stdout.matchAll(ADMIN_LINE)].map((m) => m[1]);
      expect(shown).toHaveLength(1);
      adminPassword = shown[0] ?? "";
      expect(adminPassword).toMatch(/^\S{16}$/);

      const second = await runJixiao(["migrate"], env);
      expect(second.code).toBe(0);
      expect(second.stdout).toBe(`迁移完成 / migrated (${kind}); 新载入区域 / regions loaded: 0\n`);
      expect(second.stderr).toBe("");
      expect(second.stdout).not.toContain(adminPassword);
    });

    it("user add creates a user in the region; user list --json shows it with the region's name", async () => {
      const r = await runJixiao(
        [
          "user",
          "add",
          "zmd.fin",
          "--region",
          "411700",
          "--role",
          "finance",
          "--name",
          "驻马店财政",
        ],
        { ...env, JIXIAO_NEW_PASSWORD: ZMD_PASSWORD },
      );
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(r.stdout).toBe("已创建 / created: zmd.fin (finance, 411700 驻马店市)\n");

      const users = await listUsers();
      expect(users.map((u) => u.username)).toEqual(["admin", "zmd.fin"]);
      expect(users[1]).toMatchObject({
        username: "zmd.fin",
        displayName: "驻马店财政",
        role: "finance",
        regionCode: "411700",
        regionName: "驻马店市",
        disabled: false,
        lastLoginAt: null,
      });
      usersAfterAdd = users;
    });

    const badInputs = [
      {
        name: "an unknown region code names the field regionCode",
        args: ["user", "add", "bad.region", "--region", "999999", "--role", "finance"],
        password: ZMD_PASSWORD,
        stderr: [
          "错误：字段 regionCode 的区域代码 999999 不存在",
          "error: Field regionCode: no region with code 999999",
          '{"field":"regionCode","value":"999999"}',
        ],
      },
      {
        name: "a weak password breaks the password policy",
        args: ["user", "add", "weak.pw", "--region", "411700", "--role", "finance"],
        password: "zmd2024",
        stderr: [
          "错误：密码须为 10–128 个字符，且至少包含小写字母、大写字母、数字、符号中的三类",
          "error: A password needs 10–128 characters with at least three of: lower case, upper case, digit, symbol",
          '{"field":"password"}',
        ],
      },
      {
        name: "a username that is taken (in any case) is refused",
        args: ["user", "add", "ZMD.Fin", "--region", "411702", "--role", "viewer"],
        password: ZMD_PASSWORD,
        stderr: [
          "错误：用户名 ZMD.Fin 已存在",
          "error: Username ZMD.Fin is taken",
          '{"field":"username"}',
        ],
      },
      {
        name: "a username the API would refuse is refused here too",
        args: ["user", "add", "zmd fin", "--region", "411700", "--role", "finance"],
        password: ZMD_PASSWORD,
        stderr: [
          "错误：请求数据不合法",
          "error: Invalid request",
          '{"issues":[{"field":"username","message":"3–32 letters, digits, _ . -"}]}',
        ],
      },
    ];

    for (const bad of badInputs) {
      it(`${bad.name}: exit 2, Chinese message, no stack, nothing written`, async () => {
        const r = await runJixiao(bad.args, { ...env, JIXIAO_NEW_PASSWORD: bad.password });
        expect(r.code).toBe(2);
        expect(r.stdout).toBe("");
        // Exactly the Chinese line, the English line and the details: no stack trace.
        expect(r.stderr).toBe(`${bad.stderr.join("\n")}\n`);
        expect(await listUsers()).toEqual(usersAfterAdd);
      });
    }

    it("an unknown role is a usage error: exit 2, Chinese first line, no stack, nothing written", async () => {
      const r = await runJixiao(
        ["user", "add", "boss.user", "--region", "411700", "--role", "boss"],
        { ...env, JIXIAO_NEW_PASSWORD: ZMD_PASSWORD },
      );
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      const lines = r.stderr.split("\n");
      expect(lines[0]).toBe("错误：参数取值不合法");
      expect(lines[1]).toBe(
        "error: option '--role <role>' argument 'boss' is invalid. Allowed choices are admin, finance, department, implementer, evaluator, viewer.",
      );
      expect(r.stderr).toContain("Usage: jixiao user add [options] <username>");
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(await listUsers()).toEqual(usersAfterAdd);
    });

    it("user passwd sets a password that signs in, and the old one stops working", async () => {
      const r = await runJixiao(["user", "passwd", "zmd.fin"], {
        ...env,
        JIXIAO_NEW_PASSWORD: ZMD_NEW_PASSWORD,
      });
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(r.stdout).toBe("已重置密码 / password set: zmd.fin\n");

      // No child has the database open now: sign in through the service the API uses.
      const database = await openDatabase(child.target);
      try {
        const signIn = (username: string, password: string) =>
          login(database.db, systemContext("test"), {
            username,
            password,
            ip: null,
            userAgent: null,
          });
        expect((await signIn("zmd.fin", ZMD_NEW_PASSWORD)).session.user.username).toBe("zmd.fin");
        const old = signIn("zmd.fin", ZMD_PASSWORD);
        await expect(old).rejects.toBeInstanceOf(DomainError);
        await expect(old).rejects.toMatchObject({ code: "auth.invalid_credentials" });
        expect((await signIn("admin", adminPassword)).session.user.role).toBe("admin");
      } finally {
        await database.close();
      }
    });

    it("user disable marks the user disabled in user list --json", async () => {
      const r = await runJixiao(["user", "disable", "zmd.fin"], env);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(r.stdout).toBe("已停用 / disabled: zmd.fin\n");

      const users = await listUsers();
      expect(users.map((u) => [u.username, u.disabled])).toEqual([
        ["admin", false],
        ["zmd.fin", true],
      ]);
    });

    it("seed-demo creates the six demo users once; a second run adds nothing", async () => {
      const first = await runJixiao(["seed-demo"], env);
      expect(first.stderr).toBe("");
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(
        /^已创建演示账户 7 个，密码 \/ demo users created, password: \S{16}\n已导入演示数据 150 行 \/ demo data rows imported: 150\n$/,
      );

      const second = await runJixiao(["seed-demo"], env);
      expect(second.stderr).toBe("");
      expect(second.code).toBe(0);
      expect(second.stdout).toBe(
        "演示数据已存在，未作改动 / demo data already present: nothing added\n",
      );

      const users = await listUsers();
      expect(users.map((u) => u.username)).toEqual([
        "admin",
        "zmd.fin",
        ...DEMO_USERS.map((d) => d.username),
      ]);
      // Two starts that each import the 20 demo files through the real importer.
    }, 120_000);
  });
}

describe("jixiao user commands on a database that has no administrator yet", () => {
  it("shows the generated admin password on stderr, since no later command will", async () => {
    const child = await createChildDatabase("postgres");
    try {
      const r = await runJixiao(["user", "list", "--json"], child.env);
      expect(r.code).toBe(0);
      const shown = [...r.stderr.matchAll(ADMIN_LINE)].map((m) => m[1]);
      expect(shown).toHaveLength(1);
      // stdout stays pure JSON for scripts.
      expect((JSON.parse(r.stdout) as UserT[]).map((u) => u.username)).toEqual(["admin"]);

      const database = await openDatabase(child.target);
      try {
        const session = await login(database.db, systemContext("test"), {
          username: "admin",
          password: shown[0] ?? "",
          ip: null,
          userAgent: null,
        });
        expect(session.session.user.username).toBe("admin");
      } finally {
        await database.close();
      }
    } finally {
      await child.destroy();
    }
  });
});

describe("jixiao with a bad configuration or an unreachable database", () => {
  it("a DATABASE_URL that is not postgres:// is a configuration error: exit 2, Chinese message", async () => {
    const r = await runJixiao(["user", "list"], { DATABASE_URL: "mysql://root@127.0.0.1/jixiao" });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "错误：配置错误：DATABASE_URL: postgres://user@host:port/database\n" +
        "error: Configuration error: DATABASE_URL: postgres://user@host:port/database\n",
    );
  });

  it("a server that does not answer: exit 1 with one error line, no stack", async () => {
    // Port 1 on the loopback refuses at once.
    const r = await spawnJixiao(["user", "list"], {
      DATABASE_URL: "postgres://postgres@127.0.0.1:1/jixiao",
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "错误：数据库暂时无法连接，请 5 秒后重试；如持续出现，请联系管理员\n" +
        "error: The database cannot be reached right now; try again in 5 seconds, and tell your administrator if it goes on\n" +
        "原因 / reason: connect ECONNREFUSED 127.0.0.1:1\n",
    );
  });
});
