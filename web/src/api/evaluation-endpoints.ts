/** Typed calls of the evaluation API. */
import type {
  EvidenceFileT,
  EvidenceListT,
  FrameworkChoiceT,
  RollUpT,
  SheetDetailT,
  SheetEntryT,
  TaskDetailT,
  TaskSummaryT,
} from "../../../src/shared/evaluation-schemas.ts";
import { postForm, request } from "./client.ts";

export interface NewTaskBody {
  name: string;
  year: number;
  type: string;
  /** A built-in framework, or `frameworkFile` instead. */
  frameworkCode?: string;
  frameworkFile?: { fileName: string; text: string };
  regionCode: string;
  deadline?: string | null;
  regions: string[];
}

export const evaluationApi = {
  frameworks: () => request<{ items: FrameworkChoiceT[] }>("GET", "/api/frameworks"),
  tasks: (regionCode: string, year: number) =>
    request<{ items: TaskSummaryT[] }>("GET", "/api/evaluations", { query: { regionCode, year } }),
  createTask: (body: NewTaskBody) => request<{ id: number }>("POST", "/api/evaluations", { body }),
  task: (id: number) => request<TaskDetailT>("GET", `/api/evaluations/${id}`),
  rollUp: (id: number, method: RollUpT["method"]) =>
    request<RollUpT>("GET", `/api/evaluations/${id}/roll-up`, { query: { method } }),
  sheet: (id: number) => request<SheetDetailT>("GET", `/api/evaluation-sheets/${id}`),
  saveSheet: (
    id: number,
    body: {
      version: number;
      entries: Record<string, SheetEntryT>;
      mode?: "on-site" | "off-site" | null;
      visitNotes?: string | null;
    },
  ) =>
    request<{ version: number; total: string; grade: string }>(
      "PUT",
      `/api/evaluation-sheets/${id}`,
      {
        body,
      },
    ),
  act: (
    id: number,
    body: {
      action: "submit" | "return" | "approve" | "reopen";
      version: number;
      comments?: Record<string, string>;
      reason?: string;
    },
  ) =>
    request<{ status: string; version: number }>("POST", `/api/evaluation-sheets/${id}/actions`, {
      body,
    }),
  evidence: (sheetId: number) =>
    request<EvidenceListT>("GET", `/api/evaluation-sheets/${sheetId}/evidence`),
  /** Where the browser downloads a file (the server names it by Content-Disposition). */
  evidenceUrl: (id: number) => `/api/evidence/${id}`,
  deleteEvidence: (id: number) => request<void>("DELETE", `/api/evidence/${id}`),
  /** Attaches a file to the sheet (indicatorCode null) or to one of its leaf indicators. */
  uploadEvidence: async (sheetId: number, file: File, indicatorCode: string | null) => {
    const body = new FormData();
    body.set("file", file);
    if (indicatorCode) body.set("indicatorCode", indicatorCode);
    return postForm<EvidenceFileT>(`/api/evaluation-sheets/${sheetId}/evidence`, body, 201);
  },
};
