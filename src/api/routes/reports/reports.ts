/** Reports of an evaluation sheet as files: the indicator score table in docx or xlsx. */
import { regionReport, sheetReport } from "../../../services/index.ts";
import { monitoringReportRoute, sheetReportRoute } from "../../../shared/routes/reports.ts";
import type { AppDeps } from "../../env.ts";
import { can, defineRoute, type RouteDef } from "../../route-table.ts";
import { fileBody } from "../datasets/schema.ts";

export function reportRoutes({ database, pdf }: AppDeps): RouteDef[] {
  return [
    defineRoute(monitoringReportRoute, can("data:read"), async (c) => {
      const { regionCode, year, format } = c.req.valid("query");
      const report = await regionReport(
        database.db,
        c.get("ctx"),
        { regionCode, year },
        format,
        pdf,
      );
      return fileBody(c, report, `monitoring.${format}`);
    }),
    defineRoute(sheetReportRoute, can("evaluation:read"), async (c) => {
      const { template, format } = c.req.valid("query");
      const file = await sheetReport(
        database.db,
        c.get("ctx"),
        c.req.valid("param").id,
        template,
        format,
        pdf,
      );
      return fileBody(c, file, `report.${format}`);
    }),
  ];
}
