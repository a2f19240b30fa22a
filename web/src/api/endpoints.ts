/** The calls of sign-in, regions, users and the audit trail, typed by their route definitions. */
import {
  changePasswordRoute,
  createUserRoute,
  listAuditRoute,
  listUsersRoute,
  loginRoute,
  logoutRoute,
  regionChildrenRoute,
  regionRoute,
  regionSearchRoute,
  resetPasswordRoute,
  sessionRoute,
  updateUserRoute,
} from "../../../src/shared/routes/addresses.ts";
import { call, type RouteBody, type RouteQuery } from "./call.ts";

export type AuditQuery = RouteQuery<typeof listAuditRoute>;

export const api = {
  login: (username: string, password: string) => call(loginRoute, { json: { username, password } }),
  session: () => call(sessionRoute),
  logout: () => call(logoutRoute),
  changePassword: (currentPassword: string, newPassword: string) =>
    call(changePasswordRoute, { json: { currentPassword, newPassword } }),

  /** Without a parent: the signed-in user's own region, as a one-element list. */
  regionChildren: async (parent?: string) =>
    (await call(regionChildrenRoute, { query: { parent } })).regions,
  region: (code: string) => call(regionRoute, { params: { code } }),
  /** Regions below the user's own by name or code prefix (the own region never matches). */
  regionSearch: async (q: string) => (await call(regionSearchRoute, { query: { q } })).regions,

  users: (query: RouteQuery<typeof listUsersRoute>) => call(listUsersRoute, { query }),
  createUser: (user: RouteBody<typeof createUserRoute>) => call(createUserRoute, { json: user }),
  updateUser: (id: number, patch: RouteBody<typeof updateUserRoute>) =>
    call(updateUserRoute, { params: { id }, json: patch }),
  resetPassword: (id: number, password: string) =>
    call(resetPasswordRoute, { params: { id }, json: { password } }),

  audit: (query: AuditQuery) => call(listAuditRoute, { query }),
};
