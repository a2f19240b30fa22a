/** The checker's findings and the monitoring view of a region's year. */
import { type FindingLevel, findingLevel, RULES } from "../../../domain/checks/index.ts";
import {
  checkRegion,
  exportFindings,
  listFindings,
  monitorRegion,
} from "../../../services/index.ts";
import { ALERT_LIMIT, type CheckQueryT, PROBLEM_PAGE_SIZE } from "../../../shared/check-schemas.ts";
import {
  checksRoute,
  exportFindingsRoute,
  monitoringRoute,
} from "../../../shared/routes/checks.ts";
import type { AppDeps } from "../../env.ts";
import { can, defineRoute, type RouteDef } from "../../route-table.ts";
import { fileBody } from "../datasets/schema.ts";

function request(q: CheckQueryT) {
  const options = Object.fromEntries(
    Object.entries({
      spendMargin: q.spendMargin,
      spendErrorMargin: q.spendErrorMargin,
      highCompletion: q.highCompletion,
    }).filter(([, v]) => v !== undefined),
  );
  return { regionCode: q.regionCode, year: q.year, asOf: q.asOf, options };
}

function levelCounts(findings: readonly Parameters<typeof findingLevel>[0][]) {
  const levels: Record<FindingLevel, number> = {
    error: 0,
    warning: 0,
    info: 0,
    "red-alert": 0,
    "yellow-alert": 0,
  };
  for (const f of findings) levels[findingLevel(f)] += 1;
  return levels;
}

export function checkRoutes({ database }: AppDeps): RouteDef[] {
  const db = database.db;
  return [
    defineRoute(checksRoute, can("data:read"), async (c) => {
      const q = c.req.valid("query");
      const ctx = c.get("ctx");
      const check = await checkRegion(db, ctx, request(q));
      const listed = await listFindings(db, ctx, check, q);
      return c.json(
        {
          region: check.region,
          year: check.year,
          asOf: check.asOf,
          counts: check.result.counts,
          levels: levelCounts(check.result.findings),
          ...listed,
          problemsTotal: check.problems.length,
          problems: check.problems.slice(
            (q.problemsPage - 1) * PROBLEM_PAGE_SIZE,
            q.problemsPage * PROBLEM_PAGE_SIZE,
          ),
          rules: [...RULES],
        },
        200,
      );
    }),
    defineRoute(exportFindingsRoute, can("data:read"), async (c) => {
      const q = c.req.valid("query");
      const file = await exportFindings(db, c.get("ctx"), request(q), q, c.get("locale"));
      return fileBody(c, file, "findings.xlsx");
    }),
    defineRoute(monitoringRoute, can("data:read"), async (c) => {
      const q = c.req.valid("query");
      const m = await monitorRegion(db, c.get("ctx"), request(q));
      const page = <T>(list: readonly T[], n: number) =>
        list.slice((n - 1) * q.pageSize, n * q.pageSize);
      return c.json(
        {
          region: m.region,
          year: m.year,
          ...m.view,
          linesTotal: m.view.lines.length,
          lines: page(m.view.lines, q.page),
          completionTotal: m.view.completion.length,
          completion: page(m.view.completion, q.completionPage),
          alertsTotal: m.alerts.length,
          alerts: m.alerts.slice(0, ALERT_LIMIT),
        },
        200,
      );
    }),
  ];
}
