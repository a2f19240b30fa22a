/** Roles and permissions: the one table both the server's policy module and the web app read. */
export const ROLES = [
  "admin",
  "finance",
  "department",
  "implementer",
  "evaluator",
  "viewer",
] as const;
export type Role = (typeof ROLES)[number];

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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What each role may do; region scope is decided separately (own region and below). */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
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
  ],
  // The finance bureau approves how money is shared; the department proposes (资金分配方案).
  finance: [
    "region:read",
    "data:read",
    "data:write",
    "evaluation:read",
    "evaluation:manage",
    "evaluation:fill",
    "evaluation:review",
    "allocation:read",
    "allocation:edit",
    "allocation:approve",
  ],
  department: [
    "region:read",
    "data:read",
    "data:write",
    "evaluation:read",
    "evaluation:manage",
    "evaluation:fill",
    "evaluation:review",
    "allocation:read",
    "allocation:edit",
  ],
  implementer: [
    "region:read",
    "data:read",
    "data:write",
    "evaluation:read",
    "evaluation:fill",
    "allocation:read",
  ],
  // A third-party evaluator enters expert scores and on-site findings; it neither launches nor approves.
  evaluator: ["region:read", "data:read", "evaluation:read", "evaluation:fill", "allocation:read"],
  viewer: ["region:read", "data:read", "evaluation:read", "allocation:read"],
};

export function roleCan(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
