// The checks read only READ_COLUMNS of the large data sets: on rows cut down to them they find the same.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkData, childrenOf, row } from "../../../test/helpers/check-data.ts";
import { findDataset } from "../datasets/specs/index.ts";
import { candidateProblems, checkOptions, READ_COLUMNS, runChecks, SEVERITIES } from "./index.ts";
import type { CheckRow, Finding } from "./types.ts";

const COUNTIES = childrenOf("440100").map((r) => r.code);
const STATUSES = ["planned", "in-progress", "completed", "accepted", "settled", "audited", null];
const dateArb = fc.option(
  fc
    .date({ min: new Date("2022-01-01"), max: new Date("2025-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);
const figureArb = fc.option(fc.integer({ min: 0, max: 9_000_000 }).map(String));

/** A community project with every column of the data set filled in (or blank). */
const communityArb = fc.record({
  county: fc.constantFrom(...COUNTIES),
  status: fc.constantFrom(...STATUSES),
  dates: fc.array(dateArb, { minLength: 6, maxLength: 6 }),
  figures: fc.array(figureArb, { minLength: 16, maxLength: 16 }),
});

const STAGES = ["approvedOn", "tenderedOn", "startedOn", "acceptedOn", "settledOn", "auditedOn"];

type Community = typeof communityArb extends fc.Arbitrary<infer T> ? T : never;

function fullRow(c: Community, i: number): CheckRow {
  const spec = findDataset("communities");
  const values: Record<string, string | null> = {};
  let f = 0;
  for (const column of spec?.columns ?? []) {
    values[column.key] = STAGES.includes(column.key) ? null : (c.figures[f++ % 16] ?? null);
  }
  STAGES.forEach((key, s) => {
    values[key] = c.dates[s] ?? null;
  });
  values.region = c.county;
  values.name = `小区${i}`;
  values.status = c.status;
  return row(c.county, values);
}

function cut(r: CheckRow): CheckRow {
  const keep = new Set(["region", ...(READ_COLUMNS.communities ?? [])]);
  return {
    ...r,
    values: Object.fromEntries(Object.entries(r.values).filter(([k]) => keep.has(k))),
  };
}

/** The order runChecks promises, compared as strings (the sort compares ranks instead). */
function inPromisedOrder(findings: readonly Finding[], paths: (code: string) => string): boolean {
  for (let i = 1; i < findings.length; i += 1) {
    const a = findings[i - 1] as Finding;
    const b = findings[i] as Finding;
    const order =
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      paths(a.regionCode).localeCompare(paths(b.regionCode)) ||
      a.dataset.localeCompare(b.dataset) ||
      a.rule.localeCompare(b.rule) ||
      (a.rowId ?? 0) - (b.rowId ?? 0);
    if (order > 0) return false;
  }
  return true;
}

describe("READ_COLUMNS", () => {
  it("lists columns of the data set", () => {
    const keys = new Set(findDataset("communities")?.columns.map((c) => c.key));
    for (const key of READ_COLUMNS.communities ?? []) expect(keys.has(key)).toBe(true);
  });

  it("community rows cut down to them give the same findings and problems, in order", () => {
    fc.assert(
      fc.property(
        fc.array(communityArb, { minLength: 1, maxLength: 40 }),
        fc.constantFrom("2024-03-31", "2024-09-30", "2025-06-30", "2026-12-31"),
        (communities, asOf) => {
          const options = checkOptions({ asOf });
          const rows = communities.map(fullRow);
          const full = checkData({ communities: rows });
          const lean = checkData({ communities: rows.map(cut) });
          const a = runChecks(full, options);
          const b = runChecks(lean, options);
          expect(b).toEqual(a);
          expect(candidateProblems(b.findings, lean)).toEqual(candidateProblems(a.findings, full));
          expect(inPromisedOrder(a.findings, (code) => full.regions.get(code)?.path ?? "")).toBe(
            true,
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
