/** Maps DomainError codes to HTTP statuses and writes the one JSON error shape. */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { pgErrorOf } from "../db/pg-errors.ts";
import { DomainError, errorMessage, type ThrownCode } from "../domain/errors.ts";
import type { AppEnv } from "./env.ts";

/** Every thrown code has its status: a new code fails the type check until it is given one here. */
const STATUS = {
  "config.invalid": 400,
  "framework.invalid": 400,
  "input.invalid": 400,
  "framework.unknown_builtin": 400,
  "file.not_found": 400,
  "file.unsupported_type": 400,
  "evaluation.indicators_incomplete": 400,
  "evaluation.reasons_missing": 400,
  "survey.no_satisfaction_overall": 400,
  "survey.population_too_small": 400,
  "auth.required": 401,
  "auth.invalid_credentials": 401,
  "auth.session_expired": 401,
  "auth.locked": 423,
  "auth.disabled": 403,
  "auth.csrf": 403,
  "auth.wrong_password": 400,
  "access.forbidden": 403,
  "access.region": 403,
  "password.policy": 400,
  "password.contains_username": 400,
  "password.common": 400,
  "region.not_found": 404,
  "region.unknown": 422,
  "user.not_found": 404,
  "user.exists": 409,
  "user.self_lockout": 409,
  "user.scope_unconfirmed": 422,
  "request.invalid": 400,
  "request.malformed_json": 400,
  "request.too_large": 413,
  "request.not_found": 404,
  "request.invalid_text": 400,
  "request.too_deep": 400,
  "request.reference_unknown": 422,
  "request.out_of_range": 400,
  "request.reference_missing": 422,
  "file.invalid_text": 422,
  "dataset.unknown": 404,
  "import.invalid": 422,
  "import.not_found": 404,
  "import.already_committed": 409,
  "import.stale": 409,
  "import.file_missing": 400,
  "data.row_not_found": 404,
  "data.invalid_value": 422,
  "data.key_not_editable": 422,
  "data.unknown_field": 422,
  "file.unreadable": 422,
  "file.syntax": 422,
  "file.too_large": 413,
  "task.too_large": 413,
  "task.interrupted": 503,
  "file.alias_limit": 422,
  "file.too_deep": 422,
  "evaluation.task_not_found": 404,
  "evaluation.sheet_not_found": 404,
  "evaluation.framework_unknown": 422,
  "evaluation.regions_outside": 403,
  "evaluation.transition": 409,
  "evaluation.not_reviewer": 403,
  "evaluation.not_filler": 403,
  "report.narrative_unknown": 404,
  "report.narrative_editor": 403,
  "report.job_not_found": 404,
  "report.job_not_ready": 409,
  "report.queue_full": 429,
  "evaluation.self_approval": 403,
  "evaluation.reopen_by_approver": 403,
  "evaluation.reason_required": 422,
  "evaluation.version_conflict": 409,
  "evaluation.invalid_input": 422,
  "evaluation.rollup_empty": 422,
  "evaluation.framework_invalid": 422,
  "evaluation.rollup_failed": 422,
  "evaluation.task_cancelled": 409,
  "evaluation.task_version_conflict": 409,
  "evaluation.task_manager": 403,
  "evaluation.regions_present": 409,
  "evaluation.cancel_approved": 409,
  "evidence.type": 415,
  "evidence.content_mismatch": 415,
  "evidence.empty": 422,
  "evidence.too_large": 413,
  "evidence.not_found": 404,
  "evidence.indicator_unknown": 422,
  "rectification.problem_unknown": 404,
  "rectification.version_conflict": 409,
  "rectification.not_reviewer": 403,
  "rectification.result_required": 422,
  "allocation.invalid": 422,
  "allocation.plan_not_found": 404,
  "allocation.file_not_json": 422,
  "allocation.transition": 409,
  "allocation.not_editor": 403,
  "allocation.not_approver": 403,
  "allocation.self_approval": 403,
  "allocation.reopen_by_approver": 403,
  "allocation.comment_required": 422,
  "allocation.other_approved": 409,
  "allocation.cannot_compute": 422,
  "allocation.delete_scenario_only": 409,
  "allocation.version_conflict": 409,
  "allocation.region_mismatch": 422,
  "allocation.data_invalid": 422,
  "survey.invalid": 422,
  "survey.answer_invalid": 422,
  "survey.not_found": 404,
  "survey.not_editor": 403,
  "survey.transition": 409,
  "survey.nothing_to_publish": 409,
  "survey.has_answers": 409,
  "survey.community_outside": 422,
  "survey.community_exists": 409,
  "survey.community_not_found": 404,
  "survey.response_not_found": 404,
  "survey.override_reason": 422,
  "survey.link_not_found": 404,
  "survey.closed": 409,
  "survey.access_code": 403,
  "survey.rate_limited": 429,
  "survey.access_code_throttled": 429,
  "survey.ticket_invalid": 403,
  "survey.ticket_expired": 403,
  "survey.ticket_used": 409,
  "survey.year_mismatch": 422,
  "survey.region_mismatch": 422,
  "survey.not_choice_question": 422,
  "survey.no_demographic": 422,
  "db.unavailable": 503,
  internal: 500,
} as const satisfies Record<ThrownCode, ContentfulStatusCode>;

/** SQLSTATEs that mean the input was bad (a check missed upstream), never that the server is broken. */
const CLIENT_FAULTS: Record<string, ThrownCode> = {
  "23503": "request.reference_missing", // foreign_key_violation
  "22P02": "request.out_of_range", // invalid_text_representation
  "22003": "request.out_of_range", // numeric_value_out_of_range
  "22P05": "request.out_of_range", // untranslatable_character (NUL in jsonb)
  "22021": "request.out_of_range", // character_not_in_repertoire
  "22007": "request.out_of_range", // invalid_datetime_format
  "22008": "request.out_of_range", // datetime_field_overflow
  "54000": "request.out_of_range", // program_limit_exceeded (an index row too big)
};

/** The last resort for input the validators let through: the 4xx its SQLSTATE stands for, or null. */
export function clientFaultOf(err: unknown): DomainError | null {
  const code = pgErrorOf(err)?.code;
  const mapped = code === undefined ? undefined : CLIENT_FAULTS[code];
  return mapped ? new DomainError(mapped, {}, { sqlState: code }) : null;
}

export function statusOf(code: ThrownCode): ContentfulStatusCode {
  return STATUS[code];
}

export function errorResponse(c: Context<AppEnv>, err: DomainError) {
  const locale = c.get("locale") ?? "zh-CN";
  const status = statusOf(err.code);
  // A lockout or a throttle says when to come back (auth.locked, survey.access_code_throttled…).
  if (typeof err.details?.retryAfterSeconds === "number") {
    c.header("Retry-After", String(err.details.retryAfterSeconds));
  }
  const body = {
    error: {
      code: err.code,
      message: err.messageIn(locale),
      ...(err.details !== undefined && { details: err.details }),
    },
  };
  return c.json(body, status);
}

export function internalErrorBody(c: Context<AppEnv>) {
  const requestId = c.get("requestId") ?? "-";
  return {
    error: {
      code: "internal",
      message: errorMessage("internal", c.get("locale") ?? "zh-CN", { requestId }),
    },
  };
}
