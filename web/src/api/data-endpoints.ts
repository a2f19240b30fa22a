/** Calls of the data-set API: catalogue, rows, corrections, uploads with progress, imports. */
import {
  commitImportRoute,
  communityTotalsRoute,
  dataRowsRoute,
  datasetsRoute,
  datasetTemplateRoute,
  exportDatasetRoute,
  listImportsRoute,
  updateDataRowRoute,
  uploadImportRoute,
} from "../../../src/shared/routes/addresses.ts";
import {
  call,
  formOf,
  hrefTo,
  pathOf,
  type RouteForm,
  type RouteOutput,
  type RouteQuery,
} from "./call.ts";
import { ApiError, apiErrorOf, requestHeaders } from "./client.ts";

type ImportPreview = RouteOutput<typeof uploadImportRoute>;

export const dataApi = {
  datasets: () => call(datasetsRoute),
  rows: (name: string, query: RouteQuery<typeof dataRowsRoute>) =>
    call(dataRowsRoute, { params: { name }, query }),
  updateRow: (name: string, id: number, values: Record<string, string>) =>
    call(updateDataRowRoute, { params: { name, id }, json: { values } }),
  communityTotals: (regionCode: string, year: number) =>
    call(communityTotalsRoute, { query: { regionCode, year } }),
  commit: (id: number) => call(commitImportRoute, { params: { id } }),
  imports: (query: RouteQuery<typeof listImportsRoute>) => call(listImportsRoute, { query }),
  templateUrl: (name: string, regionCode: string, year: number) =>
    hrefTo(datasetTemplateRoute, { params: { name }, query: { regionCode, year } }),
  exportUrl: (name: string, regionCode: string, year: number) =>
    hrefTo(exportDatasetRoute, { params: { name }, query: { regionCode, year } }),

  /** Uploads a file for a preview; XMLHttpRequest because fetch cannot report upload progress. */
  upload: (
    name: string,
    form: RouteForm<typeof uploadImportRoute>,
    onProgress: (percent: number) => void,
  ) =>
    new Promise<ImportPreview>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", pathOf(uploadImportRoute.path, { name }));
      for (const [header, value] of Object.entries(requestHeaders()))
        xhr.setRequestHeader(header, value);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
      };
      xhr.onload = () => {
        if (xhr.status === 201) resolve(JSON.parse(xhr.responseText));
        else reject(apiErrorOf(xhr.status, xhr.responseText));
      };
      xhr.onerror = () => reject(new ApiError(0, "network", "network"));
      xhr.send(formOf(form));
    }),
};
