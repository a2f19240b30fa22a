/** Typed calls of the data-set API: catalogue, rows, corrections, uploads with progress, imports. */
import type {
  CommunityTotalsT,
  DataRowT,
  DatasetInfoT,
  ImportPreviewT,
  ImportRecordT,
} from "../../../src/shared/data-schemas.ts";
import { ApiError, apiErrorOf, request, requestHeaders } from "./client.ts";
import type { Page } from "./endpoints.ts";

export interface RowQuery {
  regionCode: string;
  year: number;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

function fileUrl(kind: "template" | "export", dataset: string, regionCode: string, year: number) {
  const query = new URLSearchParams({ regionCode, year: String(year) });
  return `/api/datasets/${dataset}/${kind}?${query.toString()}`;
}

export const dataApi = {
  datasets: () => request<{ items: DatasetInfoT[] }>("GET", "/api/datasets"),
  rows: (dataset: string, q: RowQuery) =>
    request<Page<DataRowT>>("GET", `/api/datasets/${dataset}/rows`, { query: { ...q } }),
  updateRow: (dataset: string, id: number, values: Record<string, string>) =>
    request<DataRowT>("PATCH", `/api/datasets/${dataset}/rows/${id}`, { body: { values } }),
  communityTotals: (regionCode: string, year: number) =>
    request<CommunityTotalsT>("GET", "/api/community-totals", { query: { regionCode, year } }),
  commit: (importId: number) => request<ImportPreviewT>("POST", `/api/imports/${importId}/commit`),
  imports: (q: { regionCode: string; dataset: string; page: number; pageSize: number }) =>
    request<Page<ImportRecordT>>("GET", "/api/imports", { query: { ...q } }),
  templateUrl: (dataset: string, regionCode: string, year: number) =>
    fileUrl("template", dataset, regionCode, year),
  exportUrl: (dataset: string, regionCode: string, year: number) =>
    fileUrl("export", dataset, regionCode, year),

  /** Uploads a file for a preview; XMLHttpRequest because fetch cannot report upload progress. */
  upload: (
    dataset: string,
    form: { file: File; regionCode: string; year: number },
    onProgress: (percent: number) => void,
  ) =>
    new Promise<ImportPreviewT>((resolve, reject) => {
      const body = new FormData();
      body.set("file", form.file);
      body.set("regionCode", form.regionCode);
      body.set("year", String(form.year));
      const xhr = new XMLHttpRequest();
      xhr.open("POST", `/api/datasets/${dataset}/imports`);
      for (const [name, value] of Object.entries(requestHeaders()))
        xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
      };
      xhr.onload = () => {
        if (xhr.status === 201) resolve(JSON.parse(xhr.responseText) as ImportPreviewT);
        else reject(apiErrorOf(xhr.status, xhr.responseText));
      };
      xhr.onerror = () => reject(new ApiError(0, "network", "network"));
      xhr.send(body);
    }),
};
