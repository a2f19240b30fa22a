/** Typed calls of a sheet's result and its 整改 records. */
import type {
  RectificationRequestT,
  RectificationT,
  SheetResultT,
} from "../../../src/shared/result-schemas.ts";
import { request } from "./client.ts";

export const resultApi = {
  result: (sheetId: number) =>
    request<SheetResultT>("GET", `/api/evaluation-sheets/${sheetId}/result`),
  /** Records or changes the rectification of one problem; the key is URL-encoded here. */
  saveRectification: (sheetId: number, problemKey: string, body: RectificationRequestT) =>
    request<RectificationT>(
      "PUT",
      `/api/evaluation-sheets/${sheetId}/rectifications/${encodeURIComponent(problemKey)}`,
      { body },
    ),
};
