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
  ],
  finance: [
    "region:read",
    "data:read",
    "data:write",
    "evaluation:read",
    "evaluation:manage",
    "evaluation:fill",
    "evaluation:review",
  ],
  department: [
    "region:read",
    "data:read",
    "data:write",
    "evaluation:read",
    "evaluation:manage",
    "evaluation:fill",
    "evaluation:review",
  ],
  implementer: ["region:read", "data:read", "data:write", "evaluation:read", "evaluation:fill"],
  // A third-party evaluator enters expert scores and on-site findings; it neither launches nor approves.
  evaluator: ["region:read", "data:read", "evaluation:read", "evaluation:fill"],
  viewer: ["region:read", "data:read", "evaluation:read"],
};

export function roleCan(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
