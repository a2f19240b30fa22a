/**
 * Every action and object type the audit trail records, with its name in both languages: the server
 * types its writes by these codes (a new code fails the type check until it is named here), and the
 * web catalogues and the audit export read the names from here.
 */
import type { Bilingual, Locale } from "./bilingual.ts";

export const AUDIT_ACTIONS = {
  create: { "zh-CN": "新建用户", "en-US": "Create user" },
  update: { "zh-CN": "修改用户", "en-US": "Edit user" },
  disable: { "zh-CN": "停用用户", "en-US": "Disable user" },
  enable: { "zh-CN": "启用用户", "en-US": "Enable user" },
  login: { "zh-CN": "登录", "en-US": "Sign in" },
  logout: { "zh-CN": "退出登录", "en-US": "Sign out" },
  "password.change": { "zh-CN": "修改密码", "en-US": "Change password" },
  "password.reset": { "zh-CN": "重置密码", "en-US": "Reset password" },
  "login.failed": { "zh-CN": "登录失败", "en-US": "Failed sign-in" },
  "login.disabled": { "zh-CN": "已停用账户尝试登录", "en-US": "Sign-in to a disabled account" },
  "login.locked": { "zh-CN": "登录锁定", "en-US": "Sign-in locked" },
  "login.refused": { "zh-CN": "锁定期间拒绝登录", "en-US": "Sign-in refused while locked" },
  "access.refused": { "zh-CN": "拒绝访问", "en-US": "Access refused" },
  "audit.suppressed": {
    "zh-CN": "同类记录过多已合并",
    "en-US": "Repeated entries merged",
  },
  "data.import": { "zh-CN": "导入数据", "en-US": "Import data" },
  "data.update": { "zh-CN": "修正数据", "en-US": "Correct data" },
  "evaluation.create": { "zh-CN": "发起评价", "en-US": "Launch evaluation" },
  "evaluation.edit": { "zh-CN": "修改评价任务", "en-US": "Edit evaluation task" },
  "evaluation.cancel": { "zh-CN": "撤销评价任务", "en-US": "Cancel evaluation task" },
  "evaluation.extend": { "zh-CN": "增加评价地区", "en-US": "Add regions to evaluation" },
  "evaluation.save": { "zh-CN": "保存评价表", "en-US": "Save evaluation sheet" },
  "evaluation.submit": { "zh-CN": "提交评价表", "en-US": "Submit evaluation sheet" },
  "evaluation.return": { "zh-CN": "退回评价表", "en-US": "Return evaluation sheet" },
  "evaluation.approve": { "zh-CN": "审核通过评价表", "en-US": "Approve evaluation sheet" },
  "evaluation.reopen": { "zh-CN": "重新打开评价表", "en-US": "Reopen evaluation sheet" },
  "evaluation.link_survey": { "zh-CN": "关联满意度调查", "en-US": "Link satisfaction survey" },
  "evidence.upload": { "zh-CN": "上传佐证材料", "en-US": "Upload evidence" },
  "evidence.delete": { "zh-CN": "删除佐证材料", "en-US": "Delete evidence" },
  "report.narrative.edit": { "zh-CN": "修改报告文字", "en-US": "Edit report text" },
  "report.narrative.reset": { "zh-CN": "恢复报告默认文字", "en-US": "Restore default report text" },
  "rectification.create": { "zh-CN": "登记整改", "en-US": "Record rectification" },
  "rectification.update": { "zh-CN": "更新整改", "en-US": "Update rectification" },
  "allocation.create": { "zh-CN": "新建分配方案", "en-US": "Create allocation plan" },
  "allocation.edit": { "zh-CN": "修改分配方案", "en-US": "Edit allocation plan" },
  "allocation.copy": { "zh-CN": "复制分配方案", "en-US": "Copy allocation plan" },
  "allocation.delete": { "zh-CN": "删除分配方案", "en-US": "Delete allocation plan" },
  "allocation.submit": { "zh-CN": "提交审定分配方案", "en-US": "Submit allocation plan" },
  "allocation.return": { "zh-CN": "退回分配方案", "en-US": "Return allocation plan" },
  "allocation.approve": { "zh-CN": "审定通过分配方案", "en-US": "Approve allocation plan" },
  "allocation.reopen": { "zh-CN": "重新打开分配方案", "en-US": "Reopen allocation plan" },
  "allocation.data_import": { "zh-CN": "导入分配数据", "en-US": "Import allocation data" },
  "survey.create": { "zh-CN": "新建满意度调查", "en-US": "Create survey" },
  "survey.update": { "zh-CN": "修改满意度调查", "en-US": "Edit survey" },
  "survey.publish": { "zh-CN": "发布满意度调查", "en-US": "Publish survey" },
  "survey.close": { "zh-CN": "关闭问卷收集", "en-US": "Close survey collection" },
  "survey.reopen": { "zh-CN": "重新开放问卷收集", "en-US": "Reopen survey collection" },
  "survey.delete": { "zh-CN": "删除满意度调查", "en-US": "Delete survey" },
  "survey.community_add": { "zh-CN": "添加调查小区", "en-US": "Add survey community" },
  "survey.community_update": { "zh-CN": "修改调查小区", "en-US": "Edit survey community" },
  "survey.community_delete": { "zh-CN": "删除调查小区", "en-US": "Delete survey community" },
  "survey.community_import": { "zh-CN": "导入调查小区", "en-US": "Import survey communities" },
  "survey.enter_paper": { "zh-CN": "录入纸质问卷", "en-US": "Enter paper questionnaire" },
  "survey.override_validity": {
    "zh-CN": "人工认定问卷有效性",
    "en-US": "Override questionnaire validity",
  },
} as const satisfies Record<string, Bilingual>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** Object types; a data set's rows are `dataset:<name>`, one type for every data set. */
export const AUDIT_ENTITIES = {
  user: { "zh-CN": "用户", "en-US": "User" },
  session: { "zh-CN": "会话", "en-US": "Session" },
  login: { "zh-CN": "登录", "en-US": "Sign-in" },
  route: { "zh-CN": "接口", "en-US": "API route" },
  audit: { "zh-CN": "审计日志", "en-US": "Audit log" },
  dataset: { "zh-CN": "数据集", "en-US": "Data set" },
  evaluation: { "zh-CN": "评价任务", "en-US": "Evaluation task" },
  evaluation_task: { "zh-CN": "评价任务（调查关联）", "en-US": "Evaluation task (survey link)" },
  evaluation_sheet: { "zh-CN": "评价表", "en-US": "Evaluation sheet" },
  rectification: { "zh-CN": "整改", "en-US": "Rectification" },
  allocation_plan: { "zh-CN": "分配方案", "en-US": "Allocation plan" },
  survey: { "zh-CN": "满意度调查", "en-US": "Satisfaction survey" },
  survey_community: { "zh-CN": "调查小区", "en-US": "Survey community" },
  survey_response: { "zh-CN": "调查问卷", "en-US": "Questionnaire" },
} as const satisfies Record<string, Bilingual>;

export type AuditEntityType = keyof typeof AUDIT_ENTITIES;
/** What an entry's `entity` column holds. */
export type AuditEntity = Exclude<AuditEntityType, "dataset"> | `dataset:${string}`;

/** The object type of an entity code: `dataset:plan_progress` → `dataset`. */
export function entityTypeOf(entity: string): string {
  return entity.startsWith("dataset:") ? "dataset" : entity;
}

/** The fields the trail's before/after hold, as the detail panel and the export name them. */
export const AUDIT_FIELDS = {
  id: { "zh-CN": "编号", "en-US": "ID" },
  name: { "zh-CN": "名称", "en-US": "Name" },
  title: { "zh-CN": "标题", "en-US": "Title" },
  year: { "zh-CN": "年度", "en-US": "Year" },
  type: { "zh-CN": "类型", "en-US": "Type" },
  status: { "zh-CN": "状态", "en-US": "Status" },
  comment: { "zh-CN": "意见", "en-US": "Comment" },
  comments: { "zh-CN": "意见", "en-US": "Comments" },
  reason: { "zh-CN": "原因", "en-US": "Reason" },
  deadline: { "zh-CN": "截止日期", "en-US": "Deadline" },
  total: { "zh-CN": "总分", "en-US": "Total score" },
  file: { "zh-CN": "文件", "en-US": "File" },
  fileName: { "zh-CN": "文件名", "en-US": "File name" },
  fileSha256: { "zh-CN": "文件校验值（SHA-256）", "en-US": "File checksum (SHA-256)" },
  sha256: { "zh-CN": "校验值（SHA-256）", "en-US": "Checksum (SHA-256)" },
  size: { "zh-CN": "大小（字节）", "en-US": "Size (bytes)" },
  from: { "zh-CN": "来源", "en-US": "Source" },
  to: { "zh-CN": "截至", "en-US": "Until" },
  model: { "zh-CN": "分配模型", "en-US": "Allocation model" },
  data: { "zh-CN": "分配数据", "en-US": "Allocation data" },
  username: { "zh-CN": "用户名", "en-US": "Username" },
  displayName: { "zh-CN": "姓名", "en-US": "Display name" },
  role: { "zh-CN": "角色", "en-US": "Role" },
  regionCode: { "zh-CN": "区域代码", "en-US": "Region code" },
  regionName: { "zh-CN": "区域", "en-US": "Region" },
  region: { "zh-CN": "区域", "en-US": "Region" },
  regions: { "zh-CN": "评价地区", "en-US": "Regions" },
  disabled: { "zh-CN": "已停用", "en-US": "Disabled" },
  createdAt: { "zh-CN": "创建时间", "en-US": "Created" },
  lastLoginAt: { "zh-CN": "最近登录", "en-US": "Last sign-in" },
  userAgent: { "zh-CN": "浏览器", "en-US": "Browser" },
  lock: { "zh-CN": "锁定范围", "en-US": "Lock scope" },
  failures: { "zh-CN": "失败次数", "en-US": "Failures" },
  minutes: { "zh-CN": "锁定分钟数", "en-US": "Minutes locked" },
  passwordMatched: { "zh-CN": "密码正确", "en-US": "Password matched" },
  code: { "zh-CN": "错误代码", "en-US": "Error code" },
  path: { "zh-CN": "请求路径", "en-US": "Request path" },
  permission: { "zh-CN": "所需权限", "en-US": "Permission needed" },
  action: { "zh-CN": "操作", "en-US": "Action" },
  suppressed: { "zh-CN": "合并条数", "en-US": "Entries merged" },
  top: { "zh-CN": "最多的来源", "en-US": "Most frequent sources" },
  evidence: { "zh-CN": "佐证材料编号", "en-US": "Evidence ID" },
  indicator: { "zh-CN": "指标", "en-US": "Indicator" },
  template: { "zh-CN": "报告模板", "en-US": "Report template" },
  key: { "zh-CN": "段落", "en-US": "Paragraph" },
  text: { "zh-CN": "文字", "en-US": "Text" },
  publishedVersion: { "zh-CN": "发布版本", "en-US": "Published version" },
  questionnaireVersion: { "zh-CN": "问卷版本", "en-US": "Questionnaire version" },
  settings: { "zh-CN": "调查设置", "en-US": "Survey settings" },
  survey: { "zh-CN": "调查编号", "en-US": "Survey ID" },
  households: { "zh-CN": "户数", "en-US": "Households" },
  accessCode: { "zh-CN": "访问码", "en-US": "Access code" },
  community: { "zh-CN": "小区", "en-US": "Community" },
  paperNo: { "zh-CN": "纸质问卷编号", "en-US": "Paper questionnaire no." },
  override: { "zh-CN": "人工认定", "en-US": "Override" },
  judged: { "zh-CN": "自动判定有效", "en-US": "Judged valid" },
  sheetId: { "zh-CN": "评价表编号", "en-US": "Sheet ID" },
  problemKey: { "zh-CN": "问题", "en-US": "Problem" },
  description: { "zh-CN": "问题描述", "en-US": "Description" },
  owner: { "zh-CN": "责任单位", "en-US": "Responsible unit" },
  result: { "zh-CN": "整改结果", "en-US": "Result" },
  followUp: { "zh-CN": "后续跟踪", "en-US": "Follow-up" },
  version: { "zh-CN": "版本", "en-US": "Version" },
  dataset: { "zh-CN": "数据集", "en-US": "Data set" },
  added: { "zh-CN": "新增", "en-US": "Added" },
  changed: { "zh-CN": "修改", "en-US": "Changed" },
  unchanged: { "zh-CN": "未变", "en-US": "Unchanged" },
  changes: { "zh-CN": "修改明细", "en-US": "Changes" },
  present: { "zh-CN": "已在任务中", "en-US": "Already in the task" },
  framework: { "zh-CN": "指标体系", "en-US": "Framework" },
  frameworkFile: { "zh-CN": "指标体系文件", "en-US": "Framework file" },
  launcher: { "zh-CN": "发起单位", "en-US": "Launching unit" },
} as const satisfies Record<string, Bilingual>;

export type AuditField = keyof typeof AUDIT_FIELDS;

type AuditMessageKey =
  | `action.${AuditAction}`
  | `entity.${AuditEntityType}`
  | `audit.field.${AuditField}`;

/** The names above as message-catalogue entries (`action.…`, `entity.…`, `audit.field.…`). */
export function auditMessages(locale: Locale): Record<AuditMessageKey, string> {
  const out: Record<string, string> = {};
  for (const [code, label] of Object.entries(AUDIT_ACTIONS)) out[`action.${code}`] = label[locale];
  for (const [code, label] of Object.entries(AUDIT_ENTITIES)) out[`entity.${code}`] = label[locale];
  for (const [code, label] of Object.entries(AUDIT_FIELDS))
    out[`audit.field.${code}`] = label[locale];
  return out as Record<AuditMessageKey, string>;
}

function labelOf(table: Record<string, Bilingual>, code: string, locale: Locale): string | null {
  return Object.hasOwn(table, code) ? (table[code]?.[locale] ?? null) : null;
}

/** An action in words; an unknown (older) code as it is. */
export function auditActionName(code: string, locale: Locale): string {
  return labelOf(AUDIT_ACTIONS, code, locale) ?? code;
}

/** An object type in words (`dataset:…` as 数据集); an unknown code as it is. */
export function auditEntityName(entity: string, locale: Locale): string {
  return labelOf(AUDIT_ENTITIES, entityTypeOf(entity), locale) ?? entity;
}

/** A before/after field in words; a key that is data (an indicator or column code) as it is. */
export function auditFieldName(key: string, locale: Locale): string {
  return labelOf(AUDIT_FIELDS, key, locale) ?? key;
}
