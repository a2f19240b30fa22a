/** Calls of a sheet's result and its 整改 records. */
import { saveRectificationRoute, sheetResultRoute } from "../../../src/shared/routes/addresses.ts";
import { call, type RouteBody } from "./call.ts";

export const resultApi = {
  result: (sheetId: number) => call(sheetResultRoute, { params: { id: sheetId } }),
  /** Records or changes the rectification of one problem (the client URL-encodes the key). */
  saveRectification: (
    sheetId: number,
    key: string,
    json: RouteBody<typeof saveRectificationRoute>,
  ) => call(saveRectificationRoute, { params: { id: sheetId, key }, json }),
};
