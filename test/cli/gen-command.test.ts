// `jixiao gen` writes files that Jixiao's own reader and importer accept.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readWorkbook } from "../../src/xlsx/index.ts";
import { runJixiao } from "./jixiao-process.ts";

const dir = mkdtempSync(join(tmpdir(), "jixiao-gen-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("jixiao gen", () => {
  it("writes one file per data set and a manifest, with real region names", async () => {
    const r = await runJixiao(
      [
        "gen",
        "--counties",
        "5",
        "--communities-per-county",
        "4",
        "--year",
        "2024",
        "--seed",
        "3",
        "--province",
        "410000",
        "-o",
        dir,
      ],
      {},
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    expect(manifest.counties).toBe(5);
    expect(manifest.importOrder[0]).toBe("programmes-2024.xlsx");
    const [grid] = await readWorkbook(readFileSync(join(dir, "communities-2024.xlsx")), "c.xlsx");
    const rows = (grid?.rows ?? []).slice(3);
    expect(rows.length).toBe(manifest.communities);
    for (const row of rows) expect(String(row[1])).toMatch(/^\S+（41\d{4}）$/);
    expect(r.stdout).toContain(`${manifest.communities} 个小区`);
  });

  it("refuses a bad count with exit code 2", async () => {
    const r = await runJixiao(
      [
        "gen",
        "--counties",
        "many",
        "--communities-per-county",
        "4",
        "--year",
        "2024",
        "--seed",
        "1",
        "-o",
        dir,
      ],
      {},
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("请求数据不合法");
  });
});
