/** Roles and permissions: the one table both the server's policy module and the web app read. */
import type { ShortBilingual } from "./bilingual.ts";

export const ROLES = [
  "admin",
  "finance",
  "department",
  "implementer",
  "evaluator",
  "viewer",
] as const;
export type Role = (typeof ROLES)[number];

/** Each role in words, for the web catalogue, the audit trail and its export. */
export const ROLE_NAMES: Record<Role, ShortBilingual> = {
  admin: { zh: "系统管理员", en: "Administrator" },
  finance: { zh: "财政部门", en: "Finance bureau" },
  department: { zh: "主管部门", en: "Competent department" },
  implementer: { zh: "实施单位", en: "Implementing unit" },
  evaluator: { zh: "第三方评价机构", en: "Third-party evaluator" },
  viewer: { zh: "只读", en: "Read-only" },
};

export const PERMISSIONS = [
  "region:read",
  "user:read",
  "user:write",
  "audit:read",
  "data:read",
  "data:write",
  "evaluation:read",
  "evaluation:manage",
  "evaluation:fill",
  "evaluation:review",
  "allocation:read",
  "allocation:edit",
  "allocation:approve",
  "survey:read",
  "survey:edit",
  "survey:collect",
  "survey:judge",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Every permission but the ones named, in the order of PERMISSIONS. */
function allBut(...withheld: Permission[]): readonly Permission[] {
  return PERMISSIONS.filter((permission) => !withheld.includes(permission));
}

/** What each role may do; region scope is decided separately (own region and below). */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  // The finance bureau approves how money is shared; the department proposes (资金分配方案).
  finance: allBut("user:read", "user:write", "audit:read", "survey:collect"),
  department: allBut("user:read", "user:write", "audit:read", "allocation:approve"),
  implementer: [
    "region:read",
    "data:read",
    "data:write",
    "evaluation:read",
    "evaluation:fill",
    "allocation:read",
    "survey:read",
    "survey:collect",
  ],
  // A third-party evaluator enters expert scores and on-site findings; it neither launches nor approves.
  // It runs the residents' survey (as Hangzhou's evaluator did): builds it, enters paper answers, judges validity.
  evaluator: [
    "region:read",
    "data:read",
    "evaluation:read",
    "evaluation:fill",
    "allocation:read",
    "survey:read",
    "survey:edit",
    "survey:collect",
    "survey:judge",
  ],
  viewer: ["region:read", "data:read", "evaluation:read", "allocation:read", "survey:read"],
};

export function roleCan(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
