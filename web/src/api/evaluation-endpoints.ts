/** Calls of the evaluation API: frameworks, tasks, sheets and their evidence. */
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
} from "../../../src/shared/routes/addresses.ts";
import { call, hrefTo, type RouteBody, type RouteQuery, upload } from "./call.ts";

export const evaluationApi = {
  frameworks: () => call(frameworksRoute),
  tasks: (regionCode: string, year: number) =>
    call(listTasksRoute, { query: { regionCode, year } }),
  createTask: (json: RouteBody<typeof createTaskRoute>) => call(createTaskRoute, { json }),
  task: (id: number) => call(taskRoute, { params: { id } }),
  rollUp: (id: number, method: RouteQuery<typeof rollUpRoute>["method"]) =>
    call(rollUpRoute, { params: { id }, query: { method } }),
  sheet: (id: number) => call(sheetRoute, { params: { id } }),
  saveSheet: (id: number, json: RouteBody<typeof saveSheetRoute>) =>
    call(saveSheetRoute, { params: { id }, json }),
  act: (id: number, json: RouteBody<typeof actOnSheetRoute>) =>
    call(actOnSheetRoute, { params: { id }, json }),
  evidence: (sheetId: number) => call(evidenceListRoute, { params: { id: sheetId } }),
  /** Where the browser downloads a file (the server names it by Content-Disposition). */
  evidenceUrl: (id: number) => hrefTo(evidenceFileRoute, { params: { id } }),
  deleteEvidence: (id: number) => call(deleteEvidenceRoute, { params: { id } }),
  /** Attaches a file to the sheet (indicatorCode null) or to one of its leaf indicators. */
  uploadEvidence: (sheetId: number, file: File, indicatorCode: string | null) =>
    upload(uploadEvidenceRoute, 201, {
      params: { id: sheetId },
      form: { file, indicatorCode: indicatorCode ?? undefined },
    }),
};
