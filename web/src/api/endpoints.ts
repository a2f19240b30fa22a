/** One typed function per API endpoint the web app calls (see docs/api-contract.md). */
import type { Role } from "../../../src/shared/roles.ts";
import type {
  AuditEntryT,
  RegionDetailT,
  RegionMatchT,
  RegionT,
  SessionT,
  UserT,
} from "../../../src/shared/schemas.ts";
import { request } from "./client.ts";

export interface Page<T> {
  items: T[];
  total: number;
}

export interface UserQuery {
  regionCode?: string | undefined;
  q?: string | undefined;
  role?: Role | undefined;
  page: number;
  pageSize: number;
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  regionCode: string;
  confirmScope?: boolean;
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  regionCode?: string;
  disabled?: boolean;
  confirmScope?: boolean;
}

export interface AuditQuery {
  entity?: string | undefined;
  action?: string | undefined;
  actor?: string | undefined;
  regionCode?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

export const api = {
  login: (username: string, password: string) =>
    request<SessionT>("POST", "/api/auth/login", { body: { username, password } }),
  session: () => request<SessionT>("GET", "/api/auth/session"),
  logout: () => request<void>("POST", "/api/auth/logout"),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>("POST", "/api/auth/password", { body: { currentPassword, newPassword } }),

  /** Without a parent: the signed-in user's own region, as a one-element list. */
  regionChildren: async (parent?: string) =>
    (await request<{ regions: RegionT[] }>("GET", "/api/regions/children", { query: { parent } }))
      .regions,
  region: (code: string) =>
    request<RegionDetailT>("GET", `/api/regions/${encodeURIComponent(code)}`),
  /** Regions below the user's own by name or code prefix (the own region never matches). */
  regionSearch: async (q: string) =>
    (await request<{ regions: RegionMatchT[] }>("GET", "/api/regions/search", { query: { q } }))
      .regions,

  users: (query: UserQuery) => request<Page<UserT>>("GET", "/api/users", { query: { ...query } }),
  createUser: (user: NewUser) => request<UserT>("POST", "/api/users", { body: user }),
  updateUser: (id: number, patch: UserPatch) =>
    request<UserT>("PATCH", `/api/users/${id}`, { body: patch }),
  resetPassword: (id: number, password: string) =>
    request<void>("POST", `/api/users/${id}/reset-password`, { body: { password } }),

  audit: (query: AuditQuery) =>
    request<Page<AuditEntryT>>("GET", "/api/audit", { query: { ...query } }),
};
