import { describe, expect, it } from "vitest";
import { questionsOf } from "./questionnaire-schema.ts";
import { formatSurveyIssue, SurveyError } from "./survey-issues.ts";
import { standardJson, template } from "./test-questionnaires.ts";
import { prepareQuestionnaire, validateQuestionnaire } from "./validate-questionnaire.ts";

// biome-ignore lint/suspicious/noExplicitAny: the cases break the JSON in ways no type allows.
type Json = any;

/** The standard questionnaire with `change` applied to a deep copy. */
function changed(change: (q: Json) => void): unknown {
  const copy: Json = structuredClone(standardJson);
  change(copy);
  return copy;
}

/** Each issue as "code path: English message". */
function problems(json: unknown): string[] {
  const result = validateQuestionnaire(json);
  return result.ok ? [] : result.issues.map((i) => `${i.code} ${formatSurveyIssue(i, "en-US")}`);
}

describe("the standard 老旧小区改造满意度 questionnaire", () => {
  it("is valid", () => {
    expect(problems(standardJson)).toEqual([]);
  });

  it("has the four demographics, the eight aspects, no personal data", () => {
    const questions = questionsOf(template);
    expect(questions.flatMap((q) => q.demographic ?? [])).toEqual([
      "community",
      "building",
      "age-band",
      "tenure",
    ]);
    expect(template.satisfaction.questions).toHaveLength(9);
    expect(template.personalData).toBeUndefined();
    expect(questions.some((q) => q.personal)).toBe(false);
    const improve = questions.find((q) => q.key === "improve");
    expect(improve?.kind === "multiple" && improve.maxChoices).toBe(3);
  });
});

describe("validateQuestionnaire", () => {
  it("reports shape problems with their path", () => {
    const json = changed((q) => {
      q.sections[3].questions[1].maxLength = 600;
      q.sections[1].questions[0].kind = "slider";
    });
    expect(problems(json)).toEqual([
      expect.stringMatching(/^survey\.shape sections\[1\]\.questions\[0\]\.kind: .*slider/),
      "survey.shape sections[3].questions[1].maxLength: 600 must be at most 500",
    ]);
  });

  it("refuses duplicate keys of sections, questions and options", () => {
    const json = changed((q) => {
      q.sections[1].key = "about-you";
      q.sections[2].questions[1].key = "infrastructure";
      q.sections[0].questions[2].options[1].key = "under-30";
    });
    expect(problems(json)).toEqual([
      "survey.duplicate_section sections[1].key: the section key about-you is used twice",
      "survey.duplicate_question sections[2].questions[1].key: the question key infrastructure is used twice",
      "survey.duplicate_option sections[0].questions[2].options[1].key: question age-band uses the option key under-30 twice",
      // Renaming facade-roof leaves the rate naming a question that is gone.
      "survey.satisfaction_unknown_question satisfaction.questions[2]: the satisfaction rate names the question facade-roof, which does not exist",
    ]);
  });

  it("refuses skip logic on a later, unknown or non-choice question, or an unknown option", () => {
    const later = changed((q) => {
      q.sections[0].questions[1].showIf = { question: "overall", anyOf: ["satisfied"] };
    });
    expect(problems(later)).toEqual([
      "survey.show_if_not_earlier sections[0].questions[1].showIf.question: question building is shown depending on overall, which does not come before it",
    ]);
    const unknown = changed((q) => {
      q.sections[1].questions[1].showIf = { question: "overal", anyOf: ["satisfied"] };
    });
    expect(problems(unknown)[0]).toMatch(/^survey\.show_if_unknown_question .*overal/);
    const text = changed((q) => {
      q.sections[1].questions[1].showIf = { question: "community", anyOf: ["x"] };
    });
    expect(problems(text)[0]).toMatch(/^survey\.show_if_not_choice/);
    const option = changed((q) => {
      q.sections[1].questions[1].showIf.anyOf = ["dissatisfied", "angry"];
    });
    expect(problems(option)).toEqual([
      expect.stringMatching(
        /^survey\.show_if_unknown_option sections\[1\]\.questions\[1\]\.showIf\.anyOf\[1\]: .*option angry of overall/,
      ),
    ]);
  });

  it("refuses a scale with a repeated score, or a scale of its own without satisfied options", () => {
    const json = changed((q) => {
      q.sections[2].questions[0].scale = [
        { key: "good", label: "好", score: 2 },
        { key: "fair", label: "一般", score: 2 },
      ];
      q.sections[2].questions[1].scale = [
        { key: "good", label: "好", score: 2 },
        { key: "bad", label: "差", score: 1 },
      ];
      q.sections[2].questions[2].satisfied = ["satisfied", "pleased"];
    });
    expect(problems(json)).toEqual([
      "survey.duplicate_score sections[2].questions[0].scale[1].score: the scale of question infrastructure gives the score 2 to two options",
      "survey.satisfied_required sections[2].questions[0].satisfied: question infrastructure has its own scale: list the options that count as satisfied in `satisfied`",
      "survey.satisfied_required sections[2].questions[1].satisfied: question facade-roof has its own scale: list the options that count as satisfied in `satisfied`",
      expect.stringMatching(
        /^survey\.satisfied_unknown_option sections\[2\]\.questions\[2\]\.satisfied\[1\]: .*pleased/,
      ),
    ]);
  });

  it("refuses maxChoices above the options, and a number range upside down", () => {
    const json = changed((q) => {
      q.sections[3].questions[0].maxChoices = 12;
      q.sections[0].questions.push({
        key: "years",
        kind: "number",
        title: "居住年限",
        min: 80,
        max: 1,
      });
    });
    expect(problems(json)).toEqual([
      "survey.number_range sections[0].questions[4].min: question years: the minimum 80 is above the maximum 1",
      "survey.max_choices sections[3].questions[0].maxChoices: question improve allows up to 12 choices but has only 9 options",
    ]);
  });

  it("allows personal data only when declared with a purpose, and spots undeclared ones", () => {
    const phone = { key: "phone", kind: "text", title: "联系电话", personal: "phone" };
    const undeclared = changed((q) => q.sections[3].questions.push(phone));
    expect(problems(undeclared)).toEqual([
      "survey.personal_undeclared sections[3].questions[2].personal: question phone asks for the phone, which the questionnaire's personalData does not declare",
    ]);
    const noPurpose = changed((q) => {
      q.sections[3].questions.push(phone);
      q.personalData = { collects: ["phone"], purpose: "  " };
    });
    expect(problems(noPurpose)).toEqual([
      "survey.personal_data_purpose personalData.purpose: the questionnaire collects personal data (phone): state the purpose",
    ]);
    const declared = changed((q) => {
      q.sections[3].questions.push(phone);
      q.personalData = { collects: ["phone"], purpose: "回访整改情况" };
    });
    expect(problems(declared)).toEqual([]);
    const unmarked = changed((q) =>
      q.sections[3].questions.push({ key: "who", kind: "text", title: "您的姓名" }),
    );
    expect(problems(unmarked)[0]).toMatch(/^survey\.personal_unmarked .*您的姓名/);
  });

  it("refuses two questions marked as one demographic, or a demographic on a rating", () => {
    const json = changed((q) => {
      q.sections[0].questions[1].demographic = "community";
      q.sections[1].questions[0].demographic = "tenure";
    });
    expect(problems(json).map((p) => p.split(" ")[0])).toEqual([
      "survey.duplicate_demographic",
      "survey.duplicate_demographic",
      "survey.demographic_kind",
    ]);
  });

  it("checks the satisfaction questions: existing, rating, once, one top score for a mean", () => {
    const json = changed((q) => {
      q.satisfaction.questions = ["overall", "overall", "tenure", "nope"];
      q.satisfaction.overall = "community";
    });
    expect(problems(json)).toEqual([
      "survey.satisfaction_duplicate satisfaction.questions[1]: the satisfaction rate lists the question overall twice",
      "survey.satisfaction_not_rating satisfaction.questions[2]: the satisfaction rate names the question tenure, which is not a rating question",
      "survey.satisfaction_unknown_question satisfaction.questions[3]: the satisfaction rate names the question nope, which does not exist",
      "survey.satisfaction_not_rating satisfaction.overall: the satisfaction rate names the question community, which is not a rating question",
    ]);
    const mean = changed((q) => {
      q.satisfaction.method = "mean-score";
      q.sections[2].questions[0].scale = [
        { key: "good", label: "好", score: 10 },
        { key: "bad", label: "差", score: 0 },
      ];
      q.sections[2].questions[0].satisfied = ["good"];
    });
    expect(problems(mean)).toEqual([
      "survey.satisfaction_scale_max satisfaction.questions[1]: a mean-score satisfaction rate needs one top score: question infrastructure has 10, the others 5",
    ]);
  });

  it("throws a SurveyError listing the problems in Chinese", () => {
    const json = changed((q) => {
      q.sections[1].key = "about-you";
    });
    try {
      prepareQuestionnaire(json, "q.json");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(SurveyError);
      expect((err as SurveyError).messageIn("zh-CN")).toBe(
        "问卷 q.json 有 1 处错误：\n  q.json sections[1].key: 部分代码 about-you 重复",
      );
    }
  });
});
