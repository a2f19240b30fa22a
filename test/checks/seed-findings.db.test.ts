// The seeds' real inconsistencies (docs/seed-findings.md) are found in the demo data, exactly.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { checkRegion, monitorRegion, systemContext } from "../../src/services/index.ts";
import { describeOnBothDatabases } from "../helpers/databases.ts";

const SEVERITY_ZH = { error: "错误", warning: "警告", info: "提示" } as const;
const SEEDS = [
  { heading: "驻马店市 2020", region: "411700", year: 2020 },
  { heading: "苏州市 2020", region: "320500", year: 2020 },
  { heading: "杭州市 2020", region: "330100", year: 2020 },
  { heading: "广东省 2024", region: "440000", year: 2024 },
];

/** The finding rows of each section of docs/seed-findings.md, keyed by the section heading. */
function documented(): Map<string, string[][]> {
  const text = readFileSync(join(import.meta.dirname, "../../docs/seed-findings.md"), "utf8");
  const sections = new Map<string, string[][]>();
  for (const part of text.split(/^## /m).slice(1)) {
    const heading = part.slice(0, part.indexOf("\n"));
    const rows = part
      .split("\n")
      .filter((line) => /^\| (错误|警告|提示) \|/.test(line))
      .map((line) =>
        line
          .split("|")
          .slice(1, -1)
          .map((cell) => cell.trim().replace(/^`|`$/g, "")),
      );
    sections.set(heading, rows);
  }
  return sections;
}

describeOnBothDatabases("seed findings", "demo", (db) => {
  for (const seed of SEEDS) {
    it(`${seed.heading}: the checker prints exactly the table of docs/seed-findings.md`, async () => {
      const check = await checkRegion(db().db, systemContext("test"), {
        regionCode: seed.region,
        year: seed.year,
        asOf: "2025-06-30",
      });
      const heading = [...documented().keys()].find((h) => h.startsWith(seed.heading));
      expect(heading, seed.heading).toBeDefined();
      const rows = check.result.findings.map((f) => [
        SEVERITY_ZH[f.severity],
        f.rule,
        f.regionName,
        f.message.zh,
      ]);
      expect(rows).toEqual(documented().get(heading ?? "") ?? []);
    });
  }

  it("Guangdong's spend: 3623.35 of 18860 万元 = 19.21%, cities from 0.87% to 62.50%", async () => {
    const check = await checkRegion(db().db, systemContext("test"), {
      regionCode: "440000",
      year: 2024,
      asOf: "2025-06-30",
    });
    const rates = check.result.findings
      .filter((f) => f.rule === "monitor.spend-far-behind")
      .map((f) => f.figures.rate);
    const sorted = rates.map(Number).sort((a, b) => a - b);
    expect(sorted).toHaveLength(15);
    expect([sorted.at(0), sorted.at(-1)]).toEqual([0.87, 62.5]);
    const monitoring = await monitorRegion(db().db, systemContext("test"), {
      regionCode: "440000",
      year: 2024,
    });
    expect(monitoring.view.total).toMatchObject({
      asOf: "2024-12-31",
      budget: "18860",
      spent: "3623.35",
      rate: "19.21",
      schedule: "100.00",
      severity: "error",
    });
    expect(monitoring.view.lines.map((l) => `${l.rank} ${l.regionName} ${l.rate}`)).toEqual([
      "1 广东省（本级） 100.00",
      "2 揭阳市 62.50",
      "3 江门市 47.35",
      "4 韶关市 45.64",
      "5 肇庆市 43.14",
      "6 汕尾市 31.65",
      "7 阳江市 17.47",
      "8 潮州市 15.82",
      "9 云浮市 9.10",
      "10 惠州市 7.47",
      "11 清远市 6.80",
      "12 茂名市 5.78",
      "13 汕头市 4.53",
      "14 河源市 4.39",
      "15 梅州市 2.51",
      "16 湛江市 0.87",
    ]);
  });
});
