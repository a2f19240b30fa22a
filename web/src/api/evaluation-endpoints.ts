/** Typed calls of the evaluation API. */
import type {
  FrameworkChoiceT,
  SheetDetailT,
  SheetEntryT,
  TaskDetailT,
  TaskSummaryT,
} from "../../../src/shared/evaluation-schemas.ts";
import { request } from "./client.ts";

export interface NewTaskBody {
  name: string;
  year: number;
  type: string;
  frameworkCode: string;
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
};
