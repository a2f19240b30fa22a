import { describe, expect, it } from "vitest";
import { LISTED_MESSAGES, THROWN_MESSAGES, type ThrownCode } from "../domain/errors.ts";
import { statusOf } from "./errors.ts";

describe("the HTTP status of a thrown code", () => {
  it("is the one each kind of refusal has always had", () => {
    const expected: [ThrownCode, number][] = [
      ["auth.required", 401],
      ["auth.session_expired", 401],
      ["auth.disabled", 403],
      ["access.region", 403],
      ["evaluation.sheet_not_found", 404],
      ["survey.link_not_found", 404],
      ["evaluation.transition", 409],
      ["allocation.version_conflict", 409],
      ["evidence.type", 415],
      ["import.invalid", 422],
      ["allocation.invalid", 422],
      ["survey.answer_invalid", 422],
      ["auth.locked", 423],
      ["request.too_large", 413],
      ["survey.rate_limited", 429],
      ["request.invalid", 400],
      ["internal", 500],
      ["db.unavailable", 503],
      ["task.interrupted", 503],
    ];
    expect(expected.map(([code]) => [code, statusOf(code)])).toEqual(expected);
  });

  it("stays 400 for the codes that had no entry and fell back to it", () => {
    const fellBack: ThrownCode[] = [
      "config.invalid",
      "framework.invalid",
      "input.invalid",
      "framework.unknown_builtin",
      "file.not_found",
      "file.unsupported_type",
      "evaluation.indicators_incomplete",
      "evaluation.reasons_missing",
      "survey.no_satisfaction_overall",
      "survey.population_too_small",
    ];
    expect(fellBack.map(statusOf)).toEqual(fellBack.map(() => 400));
  });

  it("exists for every thrown code, and no per-problem code is among them", () => {
    const isThrown = (code: string): code is ThrownCode => Object.hasOwn(THROWN_MESSAGES, code);
    const thrown = Object.keys(THROWN_MESSAGES).filter(isThrown);
    expect(thrown.length).toBe(131);
    const statuses = thrown.map(statusOf);
    expect(statuses.every((s) => Number.isInteger(s) && s >= 400 && s < 600)).toBe(true);
    expect(thrown.filter((code) => Object.hasOwn(LISTED_MESSAGES, code))).toEqual([]);
    // Per-problem codes are listed in the details of these three, never thrown alone.
    expect(Object.keys(LISTED_MESSAGES).filter((c) => c.startsWith("allocation.")).length).toBe(29);
    expect(Object.keys(LISTED_MESSAGES).filter((c) => c.startsWith("survey.")).length).toBe(37);
  });
});
