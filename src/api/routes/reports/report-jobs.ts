/** Reports generated in the background, with progress, and the editable paragraphs of a sheet's report. */
import {
  getReportJob,
  listNarratives,
  listReportJobs,
  reportJobFile,
  reportJobRunner,
  saveNarrative,
  sheetReportDocument,
  startReportJob,
} from "../../../services/index.ts";
import {
  narrativesRoute,
  reportJobFileRoute,
  reportJobRoute,
  reportJobsRoute,
  reportPreviewRoute,
  saveNarrativeRoute,
  startReportJobRoute,
} from "../../../shared/routes/report-jobs.ts";
import type { AppDeps } from "../../env.ts";
import { can, defineRoute, type RouteDef, SIGNED_IN } from "../../route-table.ts";
import { attachment } from "../datasets/schema.ts";

export function reportJobRoutes({ database, evidence, pdf, reportJobs }: AppDeps): RouteDef[] {
  const db = database.db;
  // The server passes its own (settings, polling, shutdown); an app without one runs jobs on request.
  const runner = reportJobs ?? reportJobRunner(db, pdf, { files: evidence });
  return [
    defineRoute(narrativesRoute, can("evaluation:read"), async (c) => {
      const { template } = c.req.valid("query");
      const items = await listNarratives(db, c.get("ctx"), c.req.valid("param").id, template);
      return c.json({ items }, 200);
    }),
    defineRoute(saveNarrativeRoute, can("evaluation:fill"), async (c) => {
      const { id, key } = c.req.valid("param");
      const { template, text } = c.req.valid("json");
      const items = await saveNarrative(db, c.get("ctx"), id, { template, key, text });
      return c.json({ items }, 200);
    }),
    defineRoute(reportPreviewRoute, can("evaluation:read"), async (c) => {
      const { template } = c.req.valid("query");
      const { doc } = await sheetReportDocument(
        db,
        c.get("ctx"),
        c.req.valid("param").id,
        template,
      );
      const { renderHtml } = await import("../../../render/html.ts");
      return c.body(await renderHtml(doc), 200, {
        "Content-Type": "text/html; charset=utf-8",
        // The page is the report and nothing else: no script, no request out.
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
        "X-Content-Type-Options": "nosniff",
      });
    }),
    defineRoute(startReportJobRoute, SIGNED_IN, async (c) =>
      c.json(await startReportJob(db, c.get("ctx"), c.req.valid("json"), runner), 202),
    ),
    defineRoute(reportJobsRoute, SIGNED_IN, async (c) =>
      c.json({ items: await listReportJobs(db, c.get("ctx")) }, 200),
    ),
    defineRoute(reportJobRoute, SIGNED_IN, async (c) =>
      c.json(await getReportJob(db, c.get("ctx"), c.req.valid("param").id), 200),
    ),
    defineRoute(reportJobFileRoute, SIGNED_IN, async (c) => {
      const file = await reportJobFile(db, evidence, c.get("ctx"), c.req.valid("param").id);
      return c.body(file.body, 200, {
        "Content-Type": file.contentType,
        "Content-Length": String(file.size),
        "Content-Disposition": attachment(file.fileName, "report"),
        "X-Content-Type-Options": "nosniff",
      });
    }),
  ];
}
