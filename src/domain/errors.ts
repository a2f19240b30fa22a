/** The one error family of Jixiao: a code, a zh-CN and an en-US message, and details (file, row, field…). */

import { ALLOCATION_ISSUE_MESSAGES } from "./allocation/issue-messages.ts";
import { type Bilingual, fill, type Locale, type TemplateParams } from "./bilingual.ts";
import { SURVEY_ISSUE_MESSAGES } from "./surveys/issue-messages.ts";

export type { Locale } from "./bilingual.ts";

type Params = TemplateParams;

/** Every code a DomainError is thrown with, and its messages; `{name}` placeholders are filled from params. */
export const THROWN_MESSAGES = {
  "auth.required": { "zh-CN": "请先登录", "en-US": "Please sign in first" },
  "auth.invalid_credentials": {
    "zh-CN": "用户名或密码错误",
    "en-US": "Wrong username or password",
  },
  "auth.locked": {
    "zh-CN": "登录失败次数过多，账户已锁定，请 {minutes} 分钟后再试",
    "en-US": "Too many failed sign-ins; locked, try again in {minutes} minutes",
  },
  "auth.disabled": { "zh-CN": "该账户已停用", "en-US": "This account is disabled" },
  "auth.session_expired": {
    "zh-CN": "登录已过期，请重新登录",
    "en-US": "Your session has expired; please sign in again",
  },
  "auth.csrf": {
    "zh-CN": "请求缺少有效的 CSRF 令牌，请刷新页面后重试",
    "en-US": "Missing or invalid CSRF token; reload the page and try again",
  },
  "auth.wrong_password": { "zh-CN": "当前密码不正确", "en-US": "The current password is wrong" },
  "access.forbidden": {
    "zh-CN": "无权执行此操作",
    "en-US": "You are not allowed to do this",
  },
  "access.region": {
    "zh-CN": "无权访问区域 {region}：只能访问本级及下级区域",
    "en-US": "No access to region {region}: only your own region and those below it",
  },
  "password.policy": {
    "zh-CN": "密码须为 10–128 个字符，且至少包含小写字母、大写字母、数字、符号中的三类",
    "en-US":
      "A password needs 10–128 characters with at least three of: lower case, upper case, digit, symbol",
  },
  "password.contains_username": {
    "zh-CN": "密码不能包含用户名",
    "en-US": "The password must not contain the username",
  },
  "password.common": {
    "zh-CN": "密码过于常见，请换一个",
    "en-US": "This password is too common; choose another one",
  },
  "region.not_found": { "zh-CN": "区域代码 {code} 不存在", "en-US": "No region with code {code}" },
  "region.unknown": {
    "zh-CN": "字段 {field} 的区域代码 {code} 不存在",
    "en-US": "Field {field}: no region with code {code}",
  },
  "user.not_found": { "zh-CN": "用户 {id} 不存在", "en-US": "No user {id}" },
  "user.exists": { "zh-CN": "用户名 {username} 已存在", "en-US": "Username {username} is taken" },
  "user.self_lockout": {
    "zh-CN": "不能停用自己或降低自己的权限",
    "en-US": "You cannot disable yourself or lower your own role",
  },
  "user.scope_unconfirmed": {
    "zh-CN": "字段 regionCode：将授予 {scope} 范围的权限，请确认后再提交（confirmScope: true）",
    "en-US":
      "Field regionCode: this grants rights over {scope}; confirm it and send again (confirmScope: true)",
  },
  "request.invalid": { "zh-CN": "请求数据不合法", "en-US": "Invalid request" },
  "request.malformed_json": {
    "zh-CN": "请求体不是合法的 JSON",
    "en-US": "The request body is not valid JSON",
  },
  "request.too_large": {
    "zh-CN": "请求体过大（上限 {limit}）",
    "en-US": "The request body is too large (limit {limit})",
  },
  "request.not_found": { "zh-CN": "接口不存在", "en-US": "No such endpoint" },
  "request.invalid_text": {
    "zh-CN": "字段 {field} 含有不允许的字符（NUL 或不成对的代理项）",
    "en-US":
      "Field {field} contains a character that is not allowed (NUL or an unpaired surrogate)",
  },
  "request.too_deep": {
    "zh-CN": "请求体嵌套过深（上限 {limit} 层）",
    "en-US": "The request body is nested too deeply (limit {limit} levels)",
  },
  "request.reference_unknown": {
    "zh-CN": "字段 {field} 引用的对象 {id} 不存在或不在您的管辖范围内",
    "en-US": "Field {field}: {id} does not exist or is outside your regions",
  },
  "file.invalid_text": {
    "zh-CN": "文件 {file} 的 {path} 含有不允许的字符（NUL 或不成对的代理项）",
    "en-US":
      "File {file}: {path} contains a character that is not allowed (NUL or an unpaired surrogate)",
  },
  "request.reference_missing": {
    "zh-CN": "请求引用的对象不存在或已被删除",
    "en-US": "The request refers to something that does not exist or has been deleted",
  },
  "request.out_of_range": {
    "zh-CN": "请求中的数值或文本超出了允许的范围",
    "en-US": "A number or text in the request is out of the allowed range",
  },
  internal: {
    "zh-CN": "服务器内部错误，请联系管理员（请求编号 {requestId}）",
    "en-US": "Internal server error; tell your administrator (request {requestId})",
  },
  "db.unavailable": {
    "zh-CN": "数据库暂时无法连接，请 {seconds} 秒后重试；如持续出现，请联系管理员",
    "en-US":
      "The database cannot be reached right now; try again in {seconds} seconds, and tell your administrator if it goes on",
  },
  "config.invalid": { "zh-CN": "配置错误：{reason}", "en-US": "Configuration error: {reason}" },
  "framework.invalid": {
    "zh-CN": "指标体系 {file} 有 {count} 处错误：",
    "en-US": "Framework {file}: {count} problem(s):",
  },
  "input.invalid": {
    "zh-CN": "评分数据 {file} 有 {count} 处错误：",
    "en-US": "Scoring input {file}: {count} problem(s):",
  },
  "framework.unknown_builtin": {
    "zh-CN": "没有名为 {name} 的内置指标体系（可用：{names}）",
    "en-US": "No built-in framework named {name} (available: {names})",
  },
  "dataset.unknown": {
    "zh-CN": "没有名为 {name} 的数据集（可用：{names}）",
    "en-US": "No data set named {name} (available: {names})",
  },
  "import.invalid": {
    "zh-CN": "文件 {file} 有 {count} 处错误，整个文件未导入：",
    "en-US": "{file}: {count} problem(s); nothing was imported:",
  },
  "import.not_found": { "zh-CN": "导入记录 {id} 不存在", "en-US": "No import {id}" },
  "import.already_committed": {
    "zh-CN": "导入 {id} 已确认，不能重复确认",
    "en-US": "Import {id} has already been committed",
  },
  "import.stale": {
    "zh-CN": "预览之后数据已发生变化，请重新上传文件并预览",
    "en-US": "The data changed after the preview; upload the file again",
  },
  "import.file_missing": {
    "zh-CN": "请选择要导入的 .xlsx 文件",
    "en-US": "Choose an .xlsx file to import",
  },
  "data.row_not_found": {
    "zh-CN": "数据集 {dataset} 中不存在第 {id} 行",
    "en-US": "No row {id} in data set {dataset}",
  },
  "data.invalid_value": {
    "zh-CN": "「{field}」的值不合法：{reason}",
    "en-US": "{field}: invalid value: {reason}",
  },
  "data.key_not_editable": {
    "zh-CN": "「{field}」是识别数据行的关键列，不能在表格中直接修改；请通过导入文件修改",
    "en-US":
      "{field} identifies the row and cannot be edited in place; change it by importing a file",
  },
  "data.unknown_field": {
    "zh-CN": "数据集 {dataset} 没有字段 {field}",
    "en-US": "Data set {dataset} has no field {field}",
  },
  "evaluation.task_not_found": {
    "zh-CN": "评价任务 {id} 不存在",
    "en-US": "No evaluation task {id}",
  },
  "evaluation.sheet_not_found": {
    "zh-CN": "评价表 {id} 不存在",
    "en-US": "No evaluation sheet {id}",
  },
  "evaluation.framework_unknown": {
    "zh-CN": "没有代码为 {code} 的指标体系（可选：{codes}）",
    "en-US": "No framework {code} (choose one of {codes})",
  },
  "evaluation.regions_outside": {
    "zh-CN": "评价范围中的地区 {codes} 不在发起地区 {region} 之内",
    "en-US": "Regions {codes} are not within the launching region {region}",
  },
  "evaluation.transition": {
    "zh-CN": "评价表当前为“{status}”，不能{action}",
    "en-US": "The sheet is {status}; it cannot be {action}",
  },
  "evaluation.not_reviewer": {
    "zh-CN": "只有评价对象的上级地区的审核人员可以{action}",
    "en-US": "Only a reviewer of a region above the evaluated one may {action} it",
  },
  "evaluation.not_filler": {
    "zh-CN": "您不能填报 {region} 的评价表",
    "en-US": "You may not fill in the sheet of {region}",
  },
  "report.narrative_unknown": {
    "zh-CN": "报告“{template}”中没有可编辑的段落 {key}",
    "en-US": "The report {template} has no editable paragraph {key}",
  },
  "report.narrative_editor": {
    "zh-CN": "只有 {region} 的填报人员或其上级审核人员可以修改报告文字",
    "en-US": "Only those who fill in or review the sheet of {region} may edit its report",
  },
  "report.job_not_found": { "zh-CN": "报告任务 {id} 不存在", "en-US": "No report job {id}" },
  "report.job_not_ready": {
    "zh-CN": "报告任务 {id} 尚未完成（{status}）",
    "en-US": "Report job {id} is not finished ({status})",
  },
  "report.queue_full": {
    "zh-CN": "您已有 {limit} 个报告在排队，请等其中一个开始生成后再提交",
    "en-US": "You already have {limit} reports waiting; start another once one of them has begun",
  },
  "evaluation.self_approval": {
    "zh-CN": "提交人不能审核通过自己提交的评价表",
    "en-US": "The person who submitted a sheet cannot approve it",
  },
  "evaluation.reopen_by_approver": {
    "zh-CN": "已通过的评价表只能由审核通过它的人重新打开",
    "en-US": "Only the approver can reopen an approved sheet",
  },
  "evaluation.reason_required": {
    "zh-CN": "请填写{what}",
    "en-US": "Please give {what}",
  },
  "evaluation.indicators_incomplete": {
    "zh-CN": "还有 {count} 项指标未填写完整，不能提交：{indicators}",
    "en-US":
      "{count} indicator(s) are not complete yet, so the sheet cannot be submitted: {indicators}",
  },
  "evaluation.reasons_missing": {
    "zh-CN": "以下定性指标须填写评分依据后才能提交：{indicators}",
    "en-US":
      "Give the grounds for the score of these judged indicators before submitting: {indicators}",
  },
  "evaluation.version_conflict": {
    "zh-CN":
      "评价表已被 {by} 于 {at} 修改（第 {version} 版），您的修改未保存；请刷新后在最新版本上重新修改",
    "en-US":
      "{by} changed the sheet at {at} (version {version}); your change was not saved — reload and apply it to the latest version",
  },
  "evaluation.invalid_input": {
    "zh-CN": "指标「{indicator}」的填报内容不合法：{problem}",
    "en-US": "Indicator {indicator}: {problem}",
  },
  "evaluation.framework_invalid": {
    "zh-CN": "上传的指标体系 {file} 有 {count} 处错误：{problems}",
    "en-US": "The uploaded framework {file} has {count} problem(s): {problems}",
  },
  "evaluation.rollup_empty": {
    "zh-CN": "{region}的下级地区还没有审核通过的评价结果，无法汇总",
    "en-US": "No subregion of {region} has an approved result to roll up yet",
  },
  "evaluation.rollup_failed": {
    "zh-CN": "无法汇总：{reasons}",
    "en-US": "Cannot roll up: {reasons}",
  },
  "evaluation.task_cancelled": {
    "zh-CN": "评价任务「{name}」已于 {at} 撤销（原因：{reason}），任务及其评价表只能查看，不能修改",
    "en-US":
      "The evaluation task {name} was cancelled on {at} (reason: {reason}); it and its sheets can be viewed, not changed",
  },
  "evaluation.task_version_conflict": {
    "zh-CN": "评价任务已被 {by} 于 {at} 修改（第 {version} 版），您的修改未保存；请刷新后重新修改",
    "en-US":
      "{by} changed the task at {at} (version {version}); your change was not saved — reload and apply it again",
  },
  "evaluation.task_manager": {
    "zh-CN": "只有发起单位（{region}）及其上级的管理人员可以修改、扩充或撤销该评价任务",
    "en-US":
      "Only managers of the launching unit ({region}) or above may edit, extend or cancel this task",
  },
  "evaluation.regions_present": {
    "zh-CN": "地区 {names} 已在该评价任务中，未重复添加",
    "en-US": "{names} are already in this task; nothing was added twice",
  },
  "evaluation.cancel_approved": {
    "zh-CN": "该任务已有审核通过的评价表（{names}），不能撤销；请先由审核人重新打开这些评价表",
    "en-US":
      "Sheets of this task are approved ({names}), so it cannot be cancelled; their approver must reopen them first",
  },
  "evidence.type": {
    "zh-CN": "「{file}」不是允许的佐证材料类型（允许：{allowed}）",
    "en-US": "{file} is not an allowed evidence type ({allowed})",
  },
  "evidence.content_mismatch": {
    "zh-CN": "「{file}」的内容与扩展名 .{ext} 不符，请上传原始文件",
    "en-US": "The content of {file} is not a .{ext} file; upload the original",
  },
  "evidence.empty": { "zh-CN": "「{file}」是空文件", "en-US": "{file} is empty" },
  "evidence.too_large": {
    "zh-CN": "「{file}」为 {size} MB，超过 {limit} MB 的上限",
    "en-US": "{file} is {size} MB, over the {limit} MB limit",
  },
  "evidence.not_found": { "zh-CN": "佐证材料 {id} 不存在", "en-US": "No evidence file {id}" },
  "evidence.indicator_unknown": {
    "zh-CN": "指标体系中没有叶指标 {code}",
    "en-US": "The framework has no leaf indicator {code}",
  },
  "rectification.problem_unknown": {
    "zh-CN": "评价表 {sheet} 的问题清单中没有 {key}",
    "en-US": "Sheet {sheet} lists no problem {key}",
  },
  "rectification.version_conflict": {
    "zh-CN":
      "该问题的整改记录已被 {by} 于 {at} 修改（第 {version} 版），您的修改未保存；请刷新后在最新版本上重新修改",
    "en-US":
      "{by} changed this rectification at {at} (version {version}); your change was not saved — reload and apply it to the latest version",
  },
  "rectification.not_reviewer": {
    "zh-CN": "只有评价对象的上级地区的审核人员可以验收整改、填写复核意见或修改已验收的整改",
    "en-US":
      "Only a reviewer of a region above the evaluated one may verify a rectification, write its follow-up or change a verified one",
  },
  "rectification.result_required": {
    "zh-CN": "请先填写整改结果，再标记为“已整改”或“已验收”",
    "en-US": "Describe the result before marking the rectification done or verified",
  },
  "file.not_found": { "zh-CN": "找不到文件 {file}", "en-US": "File not found: {file}" },
  "file.unreadable": {
    "zh-CN": "无法读取文件 {file}：{reason}",
    "en-US": "Cannot read {file}: {reason}",
  },
  "file.unsupported_type": {
    "zh-CN": "{file}：只支持 .yaml、.yml 和 .json 文件",
    "en-US": "{file}: only .yaml, .yml and .json files are supported",
  },
  "file.syntax": {
    "zh-CN": "{file} 第 {line} 行第 {column} 列有语法错误：{problem}",
    "en-US": "{file} line {line} column {column}: syntax error: {problem}",
  },
  "file.too_large": {
    "zh-CN":
      "文件 {file} {what}超过上限（{limit}），未读取；请拆分后分批上传，或请管理员调高 {setting}",
    "en-US":
      "File {file}: {what} exceeds the limit ({limit}); nothing was read. Split it, or ask the administrator to raise {setting}",
  },
  "task.too_large": {
    "zh-CN":
      "这项处理所需内存超过上限（{limit}），未完成，也未保存任何内容；请拆分文件后分批处理，或请管理员调高 JIXIAO_WORKER_HEAP_MB",
    "en-US":
      "This work needs more memory than the limit ({limit}); it was not finished and nothing was saved. Split the file, or ask the administrator to raise JIXIAO_WORKER_HEAP_MB",
  },
  "task.interrupted": {
    "zh-CN": "处理过程意外中断，未保存任何内容；请重试",
    "en-US": "The work stopped unexpectedly and nothing was saved; please try again",
  },
  "file.too_deep": {
    "zh-CN": "文件 {file} 第 {line} 行的嵌套超过 {limit} 层，未读取",
    "en-US": "File {file} line {line}: nested more than {limit} levels deep; nothing was read",
  },
  "file.alias_limit": {
    "zh-CN":
      "文件 {file} 的 YAML 别名（*引用）展开次数超过上限 {limit}，未读取；请直接写出重复的内容",
    "en-US":
      "File {file}: its YAML aliases (*references) expand more than {limit} times; nothing was read. Write the repeated parts out",
  },
  // Allocation by the factor method (因素法): the whole, then one code per problem it lists.
  "allocation.plan_not_found": {
    "zh-CN": "分配方案 {id} 不存在",
    "en-US": "No allocation plan {id}",
  },
  "allocation.file_not_json": {
    "zh-CN": "文件 {file} 不是合法的 JSON：{reason}",
    "en-US": "File {file} is not valid JSON: {reason}",
  },
  "allocation.transition": {
    "zh-CN": "分配方案当前为“{status}”，不能{action}",
    "en-US": "The plan is {status}; it cannot be {action}",
  },
  "allocation.not_editor": {
    "zh-CN": "只有 {region} 的主管部门或财政部门可以修改、提交分配方案",
    "en-US": "Only the department or finance office of {region} may change or submit the plan",
  },
  "allocation.not_approver": {
    "zh-CN": "只有 {region} 或其上级的财政部门可以{action}分配方案",
    "en-US": "Only a finance office of {region} or above may {action} the plan",
  },
  "allocation.self_approval": {
    "zh-CN": "提交人不能审核通过自己提交的分配方案",
    "en-US": "The person who submitted a plan cannot approve it",
  },
  "allocation.reopen_by_approver": {
    "zh-CN": "已审定的分配方案只能由审定它的人重新打开",
    "en-US": "Only the approver can reopen an approved plan",
  },
  "allocation.comment_required": { "zh-CN": "请填写{what}", "en-US": "Please give {what}" },
  "allocation.other_approved": {
    "zh-CN": "同组的方案“{name}”已审定；一组方案只能审定一个，请先重新打开它",
    "en-US":
      "Plan {name} of the same group is approved; reopen it first (one approved plan per group)",
  },
  "allocation.cannot_compute": {
    "zh-CN": "分配方案无法测算，不能提交：{problems}",
    "en-US": "The plan cannot be computed, so it cannot be submitted: {problems}",
  },
  "allocation.delete_scenario_only": {
    "zh-CN": "只能删除草稿状态的比较方案（基础方案和已提交、已审定的方案不能删除）",
    "en-US":
      "Only a draft scenario can be deleted (not a base plan, nor a submitted or approved one)",
  },
  "allocation.version_conflict": {
    "zh-CN": "分配方案已被 {by} 于 {at} 修改（第 {version} 版），您的修改未保存；请刷新后重新修改",
    "en-US":
      "{by} changed the plan at {at} (version {version}); reload and apply your change again",
  },
  "allocation.data_invalid": {
    "zh-CN": "分配数据表 {file} 有 {count} 处错误，未导入：\n{problems}",
    "en-US": "Allocation data sheet {file}: {count} problem(s), nothing imported:\n{problems}",
  },
  "allocation.region_mismatch": {
    "zh-CN": "模型中的地区 {codes} 不在 {region} 的下级地区中",
    "en-US": "Regions {codes} of the model are not below {region}",
  },
  "allocation.invalid": {
    "zh-CN": "资金分配模型 {file} 有 {count} 处错误：",
    "en-US": "Allocation model {file}: {count} problem(s):",
  },
  "survey.invalid": {
    "zh-CN": "问卷{file}有 {count} 处错误：",
    "en-US": "Questionnaire{file}: {count} problem(s):",
  },
  "survey.answer_invalid": {
    "zh-CN": "答卷有 {count} 处问题，未接收：",
    "en-US": "The answer has {count} problem(s) and was not accepted:",
  },
  "survey.no_satisfaction_overall": {
    "zh-CN": "按问卷计算满意度须指定总体满意度题目（satisfaction.overall）",
    "en-US":
      "a satisfaction rate per questionnaire needs the overall question (satisfaction.overall)",
  },
  "survey.population_too_small": {
    "zh-CN": "总体数 {population} 小于有效样本数 {sample}，无法做有限总体校正",
    "en-US":
      "the population {population} is smaller than the sample {sample}: no finite population correction is possible",
  },
  "survey.not_found": {
    "zh-CN": "满意度调查 {id} 不存在或不在您的管辖范围内",
    "en-US": "survey {id} does not exist or is outside your region",
  },
  "survey.not_editor": {
    "zh-CN": "您不能修改{region}的满意度调查：需要问卷编辑权限且调查属于本级或下级地区",
    "en-US":
      "you cannot change the survey of {region}: it needs the survey editing permission and a survey of your region or below",
  },
  "survey.transition": {
    "zh-CN": "调查当前为“{status}”，不能{action}",
    "en-US": "the survey is {status}: it cannot be given the action {action}",
  },
  "survey.nothing_to_publish": {
    "zh-CN": "没有待发布的问卷草稿：已发布的版本不能重复发布，请先修改问卷",
    "en-US": "there is no draft to publish: change the questionnaire first",
  },
  "survey.has_answers": {
    "zh-CN": "已收集 {count} 份答卷，不能删除（答卷是评价的依据）",
    "en-US":
      "{count} answer(s) have been collected: it cannot be deleted (answers are evidence of the evaluation)",
  },
  "survey.community_outside": {
    "zh-CN": "调查点所在地区“{region}”不在调查所属地区“{survey}”内",
    "en-US": "the community's region {region} is not within the survey's region {survey}",
  },
  "survey.community_exists": {
    "zh-CN": "本调查在该地区已有名为“{name}”的调查点",
    "en-US": "the survey already has a community named {name} in that region",
  },
  "survey.community_not_found": {
    "zh-CN": "调查点 {id} 不存在或不在您的管辖范围内",
    "en-US": "community {id} does not exist or is outside your region",
  },
  "survey.response_not_found": {
    "zh-CN": "答卷 {id} 不存在或不在您的管辖范围内",
    "en-US": "answer {id} does not exist or is outside your region",
  },
  "survey.override_reason": {
    "zh-CN": "人工认定有效或无效须填写理由",
    "en-US": "a reason is required to mark an answer valid or invalid by hand",
  },
  "survey.link_not_found": {
    "zh-CN": "问卷链接无效，请重新扫描小区张贴的二维码",
    "en-US": "this survey link is not valid: scan the code posted in the community again",
  },
  "survey.closed": {
    "zh-CN": "“{title}”目前不接收答卷（未发布或已结束）",
    "en-US": "{title} is not taking answers (not published or closed)",
  },
  "survey.access_code": {
    "zh-CN": "访问码不正确，请向社区工作人员询问本小区的访问码",
    "en-US": "the access code is wrong: ask the community office for it",
  },
  "survey.rate_limited": {
    "zh-CN": "同一网络在一小时内提交已超过 {limit} 份，请稍后再试",
    "en-US": "more than {limit} answers from this network within the hour: try again later",
  },
  "survey.access_code_throttled": {
    "zh-CN": "访问码错误次数过多，请 {minutes} 分钟后再试",
    "en-US": "too many wrong access codes: try again in {minutes} minutes",
  },
  "survey.ticket_invalid": {
    "zh-CN": "问卷页面凭据缺失、无效或不属于本小区，请重新扫描小区张贴的二维码，在打开的页面上填写",
    "en-US":
      "this page's ticket is missing, not valid or for another community: scan the community's code again and answer on the page it opens",
  },
  "survey.ticket_expired": {
    "zh-CN": "问卷页面已打开超过 {hours} 小时，请刷新页面后重新填写",
    "en-US": "this page was opened more than {hours} hours ago: reload it and answer again",
  },
  "survey.ticket_used": {
    "zh-CN": "本页面的答卷已经提交过，请勿重复提交",
    "en-US": "the answer from this page has already been received: please do not send it again",
  },
  "survey.year_mismatch": {
    "zh-CN": "调查年度（{survey}年）与评价任务年度（{task}年）不一致",
    "en-US": "the survey's year ({survey}) is not the task's ({task})",
  },
  "survey.region_mismatch": {
    "zh-CN": "调查所属地区“{survey}”与评价任务地区“{task}”无上下级关系",
    "en-US":
      "the survey's region {survey} and the task's region {task} are not one within the other",
  },
  "survey.not_choice_question": {
    "zh-CN": "题目 {question} 不是选择题或量表题，不能做交叉表",
    "en-US": "question {question} is not a choice or rating question: it cannot be cross-tabulated",
  },
  "survey.no_demographic": {
    "zh-CN": "问卷没有标记为 {demographic} 的人口属性题",
    "en-US": "the questionnaire has no question marked as the demographic {demographic}",
  },
} as const satisfies Record<string, Bilingual>;

/**
 * Codes of one problem among many: an allocation model's or a questionnaire's or an answer's. They are
 * listed in the details of allocation.invalid, survey.invalid and survey.answer_invalid, never thrown alone.
 */
export const LISTED_MESSAGES = { ...ALLOCATION_ISSUE_MESSAGES, ...SURVEY_ISSUE_MESSAGES } as const;

export const ERROR_MESSAGES = { ...THROWN_MESSAGES, ...LISTED_MESSAGES } as const;

/** A code a DomainError carries: each has its HTTP status in api/errors.ts. */
export type ThrownCode = keyof typeof THROWN_MESSAGES;
/** A code of one listed problem. */
export type ListedCode = keyof typeof LISTED_MESSAGES;
export type ErrorCode = ThrownCode | ListedCode;

/** A message in one language; a param `x_zh` / `x_en` fills `{x}` in its own language only. */
export function errorMessage(code: ErrorCode, locale: Locale, params: Params = {}): string {
  const suffix = locale === "zh-CN" ? "_zh" : "_en";
  const localised: Record<string, string | number> = { ...params };
  for (const [name, value] of Object.entries(params)) {
    if (name.endsWith(suffix)) localised[name.slice(0, -suffix.length)] = value;
  }
  return fill(ERROR_MESSAGES[code][locale], localised);
}

/** Where in an input a problem is: file, row, field (any may be absent). */
export interface ErrorDetails {
  [key: string]: unknown;
}

export class DomainError extends Error {
  readonly code: ThrownCode;
  readonly params: Params;
  readonly details: ErrorDetails | undefined;

  constructor(code: ThrownCode, params: Params = {}, details?: ErrorDetails) {
    super(errorMessage(code, "en-US", params));
    this.name = "DomainError";
    this.code = code;
    this.params = params;
    this.details = details;
  }

  messageIn(locale: Locale): string {
    return errorMessage(this.code, locale, this.params);
  }
}
