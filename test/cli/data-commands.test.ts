// `jixiao import` and `jixiao export` as a user runs them: every problem listed, exit codes, files.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readWorkbook } from "../../src/xlsx/index.ts";
import { community, dataFile } from "../helpers/data-files.ts";
import { DB_KINDS } from "../helpers/databases.ts";
import { type ChildDatabase, createChildDatabase, runJixiao } from "./jixiao-process.ts";

const dir = mkdtempSync(join(tmpdir(), "jixiao-data-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const args = (file: string) => [
  "import",
  file,
  "--dataset",
  "communities",
  "--region",
  "411702",
  "--year",
  "2020",
];

for (const kind of DB_KINDS) {
  describe(`jixiao import / export [${kind}]`, () => {
    let child: ChildDatabase;
    let env: Record<string, string>;
    beforeAll(async () => {
      child = await createChildDatabase(kind);
      env = { ...child.env, JIXIAO_ADMIN_PASSWORD: "Cli-Data-Passw0rd!" };
      const wrong = [
        community("西平县", "别人的小区"),
        community("驿城区", "坏小区", { households: "三百" }),
      ];
      writeFileSync(
        join(dir, `wrong-${kind}.xlsx`),
        await dataFile("communities", wrong, { year: 2020, scopeName: "驿城区" }),
      );
      const right = [
        community("驿城区", "纺织厂家属院"),
        community("驿城区", "铁路新村", { households: "1,204" }),
      ];
      const many = Array.from({ length: 1200 }, (_, i) =>
        community("驿城区", `坏小区${i}`, { households: "三百" }),
      );
      writeFileSync(
        join(dir, `many-${kind}.xlsx`),
        await dataFile("communities", many, { year: 2020, scopeName: "驿城区" }),
      );
      writeFileSync(
        join(dir, `right-${kind}.xlsx`),
        await dataFile("communities", right, { year: 2020, scopeName: "驿城区" }),
      );
    });
    afterAll(async () => {
      await child?.destroy();
    });

    it("lists every problem of a wrong file and exits 2", async () => {
      const r = await runJixiao(args(join(dir, `wrong-${kind}.xlsx`)), env);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`错误：文件 wrong-${kind}.xlsx 有 2 处错误，整个文件未导入：`);
      expect(r.stderr).toContain(
        "小区项目台账 第 4 行 B 列 「地区*」：地区「西平县」（411721）不在本次导入范围「驿城区」及其下级之内",
      );
      expect(r.stderr).toContain(
        "小区项目台账 第 5 行 F 列 「户数*」：「户数*」的值「三百」不是整数",
      );
    });

    it("lists the first 1,000 problems and the total, and applies JIXIAO_IMPORT_MAX_ROWS", async () => {
      const many = await runJixiao(args(join(dir, `many-${kind}.xlsx`)), env);
      expect(many.code).toBe(2);
      expect(many.stderr).toContain(
        `错误：文件 many-${kind}.xlsx 有 1200 处错误，整个文件未导入：`,
      );
      expect(many.stderr.match(/不是整数/g)).toHaveLength(1000);
      expect(many.stderr).toContain(
        "共 1,200 个问题，仅列出前 1,000 个 / 1,200 problems in all, the first 1,000 listed",
      );
      const limited = await runJixiao(args(join(dir, `right-${kind}.xlsx`)), {
        ...env,
        JIXIAO_IMPORT_MAX_ROWS: "3",
      });
      expect(limited.code).toBe(2);
      expect(limited.stderr).toContain(
        `错误：文件 right-${kind}.xlsx 工作表的行数超过上限（3 行），未读取；请拆分后分批上传，或请管理员调高 JIXIAO_IMPORT_MAX_ROWS`,
      );
    });

    it("previews with --dry-run, imports, then exports the rows", async () => {
      const file = join(dir, `right-${kind}.xlsx`);
      const dry = await runJixiao([...args(file), "--dry-run"], env);
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain("新增 2 行，修改 0 行，未变化 0 行");
      const real = await runJixiao(args(file), env);
      expect(real.code).toBe(0);
      expect(real.stdout).toContain("已导入 / imported");
      const again = await runJixiao(args(file), env);
      expect(again.stdout).toContain("新增 0 行，修改 0 行，未变化 2 行");
      const out = join(dir, `export-${kind}.xlsx`);
      const exported = await runJixiao(
        ["export", "--dataset", "communities", "--region", "411700", "--year", "2020", "-o", out],
        env,
      );
      expect(exported.stdout).toContain("已导出 2 行");
      const [grid] = await readWorkbook(readFileSync(out), out);
      expect(
        (grid?.rows ?? [])
          .slice(3)
          .map((r) => r[5])
          .sort(),
      ).toEqual([1204, 320]);
    });
  });
}
