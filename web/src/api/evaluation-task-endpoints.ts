/** Typed calls that change an evaluation task after its launch, and the regions a task may cover. */
import type { EvaluableRegionT } from "../../../src/shared/evaluation-task-schemas.ts";
import { request } from "./client.ts";

export const evaluationTaskApi = {
  evaluableRegions: async (regionCode: string) =>
    (
      await request<{ regions: EvaluableRegionT[] }>("GET", "/api/evaluable-regions", {
        query: { regionCode },
      })
    ).regions,
  edit: (id: number, body: { version: number; name?: string; deadline?: string | null }) =>
    request<{ version: number }>("PATCH", `/api/evaluations/${id}`, { body }),
  extend: (id: number, regions: string[]) =>
    request<{ added: string[]; present: string[] }>("POST", `/api/evaluations/${id}/regions`, {
      body: { regions },
    }),
  cancel: (id: number, body: { version: number; reason: string }) =>
    request<{ status: "cancelled" }>("POST", `/api/evaluations/${id}/cancel`, { body }),
};
