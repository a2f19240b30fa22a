import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLE_PERMISSIONS, roleCan } from "./roles.ts";

describe("ROLE_PERMISSIONS", () => {
  it("gives the administrator every permission, in the order of PERMISSIONS", () => {
    expect(ROLE_PERMISSIONS.admin).toEqual(PERMISSIONS);
  });

  it("withholds accounts, the audit trail and paper entry from the finance bureau, which approves plans", () => {
    expect(ROLE_PERMISSIONS.finance).toEqual([
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
      "survey:read",
      "survey:edit",
      "survey:judge",
    ]);
    expect(roleCan("finance", "survey:collect")).toBe(false);
  });

  it("lets the department propose plans and collect answers, not approve plans", () => {
    expect(ROLE_PERMISSIONS.department).toEqual([
      "region:read",
      "data:read",
      "data:write",
      "evaluation:read",
      "evaluation:manage",
      "evaluation:fill",
      "evaluation:review",
      "allocation:read",
      "allocation:edit",
      "survey:read",
      "survey:edit",
      "survey:collect",
      "survey:judge",
    ]);
    expect(roleCan("department", "allocation:approve")).toBe(false);
    expect(roleCan("department", "user:write")).toBe(false);
  });
});
