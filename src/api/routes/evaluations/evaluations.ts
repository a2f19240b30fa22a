/** Evaluation tasks and their sheets: launch, list, fill, and the review workflow. */
import {
  actOnSheet,
  createTask,
  deleteEvidence,
  downloadEvidence,
  frameworkChoices,
  getSheet,
  getTask,
  listEvidence,
  listTasks,
  rollUpTask,
  saveSheet,
  uploadEvidence,
} from "../../../services/index.ts";
import {
  actOnSheetRoute,
  createTaskRoute,
  deleteEvidenceRoute,
  evidenceFileRoute,
  evidenceListRoute,
  frameworksRoute,
  listTasksRoute,
  rollUpRoute,
  saveSheetRoute,
  sheetRoute,
  taskRoute,
  uploadEvidenceRoute,
} from "../../../shared/routes/evaluations.ts";
import type { AppDeps } from "../../env.ts";
import { can, defineRoute, type RouteDef } from "../../route-table.ts";
import { fileBody } from "../datasets/schema.ts";

export function evaluationRoutes({ database, evidence }: AppDeps): RouteDef[] {
  const db = database.db;
  return [
    defineRoute(frameworksRoute, can("evaluation:read"), async (c) =>
      c.json({ items: frameworkChoices(c.get("ctx")) }, 200),
    ),
    defineRoute(listTasksRoute, can("evaluation:read"), async (c) =>
      c.json({ items: await listTasks(db, c.get("ctx"), c.req.valid("query")) }, 200),
    ),
    defineRoute(createTaskRoute, can("evaluation:manage"), async (c) =>
      c.json(await createTask(db, c.get("ctx"), c.req.valid("json")), 201),
    ),
    defineRoute(taskRoute, can("evaluation:read"), async (c) =>
      c.json(await getTask(db, c.get("ctx"), c.req.valid("param").id), 200),
    ),
    defineRoute(rollUpRoute, can("evaluation:read"), async (c) =>
      c.json(
        await rollUpTask(db, c.get("ctx"), c.req.valid("param").id, c.req.valid("query").method),
        200,
      ),
    ),
    defineRoute(sheetRoute, can("evaluation:read"), async (c) =>
      c.json(await getSheet(db, c.get("ctx"), c.req.valid("param").id), 200),
    ),
    defineRoute(saveSheetRoute, can("evaluation:fill"), async (c) =>
      c.json(await saveSheet(db, c.get("ctx"), c.req.valid("param").id, c.req.valid("json")), 200),
    ),
    defineRoute(actOnSheetRoute, can("evaluation:read"), async (c) =>
      c.json(await actOnSheet(db, c.get("ctx"), c.req.valid("param").id, c.req.valid("json")), 200),
    ),
    defineRoute(evidenceListRoute, can("evaluation:read"), async (c) =>
      c.json(await listEvidence(db, c.get("ctx"), c.req.valid("param").id), 200),
    ),
    defineRoute(uploadEvidenceRoute, can("evaluation:fill"), async (c) => {
      const form = c.req.valid("form");
      const answer = await uploadEvidence(db, evidence, c.get("ctx"), c.req.valid("param").id, {
        fileName: form.file.name || "evidence",
        bytes: new Uint8Array(await form.file.arrayBuffer()),
        indicatorCode: form.indicatorCode || null,
      });
      return c.json(answer, 201);
    }),
    defineRoute(evidenceFileRoute, can("evaluation:read"), async (c) => {
      const file = await downloadEvidence(db, evidence, c.get("ctx"), c.req.valid("param").id);
      const ext = /\.[A-Za-z0-9]+$/.exec(file.fileName)?.[0] ?? "";
      return fileBody(c, file, `evidence${ext}`);
    }),
    defineRoute(deleteEvidenceRoute, can("evaluation:fill"), async (c) => {
      await deleteEvidence(db, c.get("ctx"), c.req.valid("param").id);
      return c.body(null, 204);
    }),
  ];
}
