/** Every built-in framework validates, has an example input, and scores it; the template adds up. */
import { describe, expect, it } from "vitest";
import { listBuiltinFrameworks } from "../../src/services/evaluations/framework-files.ts";
import { scoreBuiltin, scoresByCode } from "./builtin-helpers.ts";

describe("built-in frameworks", () => {
  const builtins = listBuiltinFrameworks();

  it("lists the four built-ins, each with its example input", () => {
    expect(builtins.map((b) => b.code)).toEqual([
      "hangzhou-2020",
      "mof-common-2020",
      "suzhou-2020",
      "zhumadian-2020",
    ]);
    for (const b of builtins) expect(b.exampleInput, b.code).toMatch(/example-input\.yaml$/);
  });

  it.each(["hangzhou-2020", "mof-common-2020", "suzhou-2020", "zhumadian-2020"])(
    "%s scores its example in both languages",
    (name) => {
      const zh = scoreBuiltin(name, "zh-CN");
      const en = scoreBuiltin(name, "en-US");
      expect(en.total.eq(zh.total)).toBe(true);
      for (const row of en.indicators) expect(row.reason, row.code).toMatch(/score [\d.]+$/);
    },
  );

  it("scores the template's made-up example to figures worked out by hand", () => {
    const card = scoreBuiltin("mof-common-2020");
    expect(scoresByCode(card, "indicator")).toMatchObject({
      "A.1.2": "3", // checklist: 2 + 1, appraisal not done
      "B.1.1": "3.84", // 4 × 4800/5000
      "B.1.2": "3.8", // 4 × 4560/4800
      "B.1.3": "5", // one misuse, −1
      "C.1.1": "7.92", // 46/48 = 95.83%, 4.1667 points short × 0.5 = 2.0833 off
      "C.2.1": "7.8", // 8 × 97.5%
      "C.3.1": "4", // two sub-projects late
      "C.4.1": "3", // 3% over budget
      "D.1.3": "2", // missing, explained, evaluator's 2
      "D.2.1": "8.2", // 86.4%: 3.6 points under 90 × 0.5
    });
    expect(card.total.toString()).toBe("82.56");
    expect(card.grade.label).toBe("良");
  });
});
