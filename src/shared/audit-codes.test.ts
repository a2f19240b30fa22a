// Every action and object code the code base writes to the audit trail has its words in both
// languages: the writes are found in the source (literals and `prefix.${union}` templates), so a new
// code written anywhere fails here until shared/audit-codes.ts names it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { enUS } from "../../web/src/i18n/en-US.ts";
import { zhCN } from "../../web/src/i18n/zh-CN.ts";
import { SHEET_ACTIONS } from "../domain/evaluations/workflow.ts";
import { ALLOCATION_ACTIONS } from "./allocation-schemas.ts";
import { auditChangeSummary, auditFieldChanges, auditValueText } from "./audit-changes.ts";
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITIES,
  AUDIT_FIELDS,
  auditActionName,
  auditEntityName,
  entityTypeOf,
} from "./audit-codes.ts";
import { SURVEY_ACTIONS } from "./survey-schemas.ts";

const SRC = join(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
}

/** The unions a template such as `survey.${action}` is written from, by its prefix. */
const TEMPLATE_UNIONS: Record<string, readonly string[]> = {
  "survey.": SURVEY_ACTIONS,
  "evaluation.": SHEET_ACTIONS.filter((a) => a !== "save"),
  "allocation.": ALLOCATION_ACTIONS,
};

/** The action and entity codes of every audit write in src/ (files that call the audit writers). */
function writtenCodes() {
  const actions = new Set<string>();
  const entities = new Set<string>();
  const templates: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, "utf8");
    if (!/recordAudit\(|recordRefusal\(|auditSignIn\(/.test(text)) continue;
    for (const m of text.matchAll(/\baction: (?:[^,\n]*?\? )?"([a-z_.]+)"(?: : "([a-z_.]+)")?/g)) {
      for (const code of [m[1], m[2]]) if (code) actions.add(code);
    }
    // `action: cond ? "a" : cond ? "b" : "c"` (user enable/disable/update)
    for (const m of text.matchAll(/\baction:[^\n]*\?[^\n]*/g)) {
      for (const q of m[0].matchAll(/"([a-z_.]+)"/g)) if (q[1]) actions.add(q[1]);
    }
    for (const m of text.matchAll(/\baction: `([a-z_.]+)\$\{/g)) if (m[1]) templates.push(m[1]);
    for (const m of text.matchAll(/"(login\.[a-z]+)"/g)) if (m[1]) actions.add(m[1]);
    for (const m of text.matchAll(/\bentity: "([a-z_]+)"/g)) if (m[1]) entities.add(m[1]);
    for (const m of text.matchAll(/\bentity: `([a-z_]+):\$\{/g)) if (m[1]) entities.add(m[1]);
  }
  for (const prefix of templates) {
    const union = TEMPLATE_UNIONS[prefix];
    expect(union, `a template action ${prefix}\${…} needs its union here`).toBeDefined();
    for (const a of union ?? []) actions.add(`${prefix}${a}`);
  }
  return { actions, entities };
}

describe("audit codes in words", () => {
  const { actions, entities } = writtenCodes();

  it("finds the writes it is meant to check", () => {
    for (const code of [
      "allocation.edit",
      "report.narrative.edit",
      "login.failed",
      "survey.publish",
    ])
      expect(actions).toContain(code);
    for (const code of ["allocation_plan", "evaluation_sheet", "dataset", "route"])
      expect(entities).toContain(code);
  });

  it("names every action and object type the code base writes", () => {
    const unnamedActions = [...actions].filter((a) => !Object.hasOwn(AUDIT_ACTIONS, a));
    const unnamedEntities = [...entities].filter((e) => !Object.hasOwn(AUDIT_ENTITIES, e));
    expect(unnamedActions).toEqual([]);
    expect(unnamedEntities).toEqual([]);
  });

  it("gives both catalogues every name, English without Chinese", () => {
    const zh = zhCN as Record<string, string>;
    const en = enUS as Record<string, string>;
    const keys = [
      ...Object.keys(AUDIT_ACTIONS).map((c) => `action.${c}`),
      ...Object.keys(AUDIT_ENTITIES).map((c) => `entity.${c}`),
      ...Object.keys(AUDIT_FIELDS).map((c) => `audit.field.${c}`),
    ];
    for (const key of keys) {
      expect(zh[key], key).toMatch(/\p{Script=Han}/u);
      expect(en[key], key).toMatch(/^[^\p{Script=Han}]+$/u);
    }
    expect(zh["action.allocation.edit"]).toBe("修改分配方案");
    expect(zh["entity.allocation_plan"]).toBe("分配方案");
    expect(zh["action.report.narrative.edit"]).toBe("修改报告文字");
    expect(en["action.allocation.edit"]).toBe("Edit allocation plan");
  });

  it("names a data set's rows as data sets, and leaves an unknown old code as it is", () => {
    expect(entityTypeOf("dataset:plan_progress")).toBe("dataset");
    expect(auditEntityName("dataset:plan_progress", "zh-CN")).toBe("数据集");
    expect(auditEntityName("dataset:plan_progress", "en-US")).toBe("Data set");
    expect(auditActionName("login.failed", "zh-CN")).toBe("登录失败");
    expect(auditActionName("something.old", "en-US")).toBe("something.old");
    expect(auditActionName("toString", "en-US")).toBe("toString");
  });

  it("shows before and after field by field in words", () => {
    const rows = auditFieldChanges(
      { status: "draft", total: null },
      { status: "submitted", total: "86.5", comments: "ok" },
      "zh-CN",
      "内容",
    );
    expect(rows.map((r) => [r.label, r.changed])).toEqual([
      ["状态", true],
      ["总分", true],
      ["意见", true],
    ]);
    expect(
      auditChangeSummary(
        { disabled: false },
        { disabled: true, role: "viewer" },
        "en-US",
        "Content",
      ),
    ).toBe("Disabled: No → Yes; Role: — → Read-only");
    // A stored instant reads as China time (UTC+8) in the export, the browser's zone on screen.
    expect(
      auditChangeSummary(
        null,
        { role: "evaluator", createdAt: "2026-12-03T09:33:53.063Z" },
        "zh-CN",
        "内容",
      ),
    ).toBe("角色：第三方评价机构；创建时间：2026-12-03 17:33:53");
    expect(
      auditValueText("2026-12-31T23:59:59Z", "en-US", { key: "lastLoginAt", timeZone: "UTC" }),
    ).toBe("2026-12-31 23:59:59");
    // Text that only looks like a role is not renamed outside the role field.
    expect(auditValueText("viewer", "zh-CN", { key: "username" })).toBe("viewer");
    expect(auditChangeSummary(null, { name: "方案一", year: 2024 }, "zh-CN", "内容")).toBe(
      "名称：方案一；年度：2024",
    );
  });
});
