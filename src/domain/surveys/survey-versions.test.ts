import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { editedVersion, questionnaireFor, settingsForNewSurvey } from "./survey-versions.ts";
import { standardJson } from "./test-questionnaires.ts";

const standard = standardJson as Record<string, unknown>;

describe("editedVersion", () => {
  it("starts version 1 on a survey without versions", () => {
    expect(editedVersion([])).toEqual({ version: 1, replacesDraft: false });
  });

  it("overwrites the draft in place", () => {
    expect(editedVersion([{ version: 1, published: false }])).toEqual({
      version: 1,
      replacesDraft: true,
    });
    expect(
      editedVersion([
        { version: 1, published: true },
        { version: 2, published: false },
      ]),
    ).toEqual({ version: 2, replacesDraft: true });
  });

  it("keeps a published version frozen: the edit is the next version's draft", () => {
    expect(
      editedVersion([
        { version: 1, published: true },
        { version: 2, published: true },
      ]),
    ).toEqual({ version: 3, replacesDraft: false });
  });
});

describe("questionnaireFor", () => {
  it("sets the questionnaire's version field and keeps the rest", () => {
    const stored = questionnaireFor(standard, 3);
    expect(stored.version).toBe(3);
    expect(stored.sections).toEqual(standard.sections);
  });

  it("refuses a questionnaire that does not validate with survey.invalid naming the fault", () => {
    let refused: DomainError | null = null;
    try {
      questionnaireFor({ ...standard, satisfaction: { questions: ["nope"], method: "share" } }, 2);
    } catch (err) {
      if (err instanceof DomainError) refused = err;
    }
    expect(refused?.code).toBe("survey.invalid");
    expect(refused?.messageIn("zh-CN").split("\n")[0]).toBe("问卷有 1 处错误：");
    expect(refused?.messageIn("zh-CN")).toContain("nope");
  });
});

describe("settingsForNewSurvey", () => {
  const base = { method: "share" as const, minSeconds: 60 };
  const scored = { ...standard, satisfaction: { questions: [], method: "mean-score" } };

  it("takes the questionnaire's own rating method for a new survey", () => {
    expect(settingsForNewSurvey(base, scored, false)).toEqual({
      method: "mean-score",
      minSeconds: 60,
    });
  });

  it("keeps a copy's settings whatever its questionnaire says", () => {
    expect(settingsForNewSurvey(base, scored, true)).toBe(base);
  });

  it("keeps the defaults when the questionnaire names no method", () => {
    expect(settingsForNewSurvey(base, { satisfaction: { questions: [] } }, false)).toBe(base);
    expect(settingsForNewSurvey(base, {}, false)).toBe(base);
  });
});
