// A sheet scored from entries and data: Zhumadian 2020's 98.1 with its five completion rates read
// from 计划与完成 instead of typed in, and what is pending before it can be submitted.
import { describe, expect, it } from "vitest";
import { builtinFramework, checkData, row } from "../../../test/helpers/check-data.ts";
import { ZHUMADIAN_STARTED_2020 } from "../../../test/helpers/zhumadian-rows.ts";
import { DomainError } from "../errors.ts";
import { type SheetData, type SheetEntries, scoreEntries, scoreSheet } from "./index.ts";

const zhumadian = builtinFramework("zhumadian-2020");
const regions = checkData({}).regions;

// 驻马店市 2020 开工 (report, 二).
const started = ZHUMADIAN_STARTED_2020;
const data: SheetData = { regionCode: "411700", regions, rows: { "plan-actual": [started] } };

// What the people enter: the report's qualitative and count indicators (example-input.yaml).
const entered: SheetEntries = {
  "A.1": {
    facts: { parts: { local: { items: { arranged: true } }, social: { value: 16.4 } } },
    reason: "县区财政已安排配套资金；社会筹资比例基本达到20%",
  },
  "A.2": {
    facts: { items: { rules: true, timely: true, targeted: true } },
    reason: "资金管理办法健全规范，资金分配及时",
  },
  "A.3": {
    facts: {
      parts: {
        mechanisms: { items: { monitoring: true, targets: true } },
        violations: { count: 0 },
      },
    },
  },
  "B.1": { facts: { count: 0 } },
  "B.2": { facts: { count: 0 } },
  "C.6": { facts: { count: 0 } },
  "D.1": { facts: { parts: { satisfaction: { value: 80 }, petitions: { count: 0 } } } },
};

describe("scoreSheet", () => {
  it("reads the completion indicators from the data and reproduces 98.1", () => {
    const sheet = scoreSheet(zhumadian, entered, data, "驻马店市");
    expect(sheet.scorecard.total).toBe("98.1");
    expect(sheet.pending).toEqual([]);
    expect(sheet.bound.map((b) => [b.code, b.source.zh])).toEqual([
      ["C.1", "计划与完成（开工）：计划户数 33224户，实际 33623户，截至 2020-12-31"],
      [
        "C.2",
        "计划与完成（开工）：计划建筑面积 341.4058万平方米，实际 345.4602万平方米，截至 2020-12-31",
      ],
      ["C.3", "计划与完成（开工）：计划楼栋数 1766栋，实际 1804栋，截至 2020-12-31"],
      ["C.4", "计划与完成（开工）：计划小区数 320个，实际 336个，截至 2020-12-31"],
      [
        "C.5",
        "计划与完成（开工）：计划配建养老服务设施面积 63120平方米，实际 62395平方米，截至 2020-12-31",
      ],
    ]);
    const c5 = sheet.scorecard.indicators.find((i) => i.code === "C.5");
    expect(c5?.score).toBe("9.0");
    // No satisfaction row for 驻马店市: D.1 keeps the entered 80.
    expect(sheet.unbound).toEqual([
      {
        code: "D.1",
        missing: {
          zh: "「满意度」中没有该地区的满意度",
          en: "No satisfaction rate for the region",
        },
      },
    ]);
  });

  it("takes the satisfaction part from the data when there is a row, keeping the entered part", () => {
    const withSurvey: SheetData = {
      ...data,
      rows: {
        ...data.rows,
        satisfaction: [row("411700", { rate: "78.5", validResponses: "400" })],
      },
    };
    const sheet = scoreSheet(zhumadian, entered, withSurvey, "驻马店市");
    const d1 = sheet.scorecard.indicators.find((i) => i.code === "D.1");
    // 80% − 78.5% = 1.5 points below; "每低一个百分点扣1分" counts whole points: −1.
    expect(sheet.bound.find((b) => b.code === "D.1")?.source.zh).toBe(
      "满意度：78.5%（有效问卷 400 份）",
    );
    expect([d1?.score, d1?.reason]).toEqual([
      "4.0",
      "满意度：居民满意度78.5%，低于80%的标准1.5个百分点，扣1分，得4分；信访处置：未发现未及时处置的群众信访，得5分；满分5分，合计扣1分，得4分",
    ]);
  });

  it("lists what is pending and the judged indicators without a reason; pending ones score 0", () => {
    const { "A.2": _judged, "B.1": _count, ...rest } = entered;
    const sheet = scoreSheet(
      zhumadian,
      { ...rest, "A.2": { facts: { items: { rules: true, timely: true, targeted: true } } } },
      data,
      "驻马店市",
    );
    expect(sheet.pending).toEqual(["B.1"]);
    expect(sheet.reasonsMissing).toEqual(["A.2"]);
    expect(sheet.scorecard.indicators.find((i) => i.code === "B.1")?.score).toBe("0.0");
  });

  it("refuses facts the rule cannot take, naming the indicator", () => {
    try {
      scoreSheet(zhumadian, { ...entered, "B.1": { facts: { count: -1 } } }, data, "驻马店市");
      throw new Error("not refused");
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe("evaluation.invalid_input");
      expect((err as DomainError).messageIn("zh-CN")).toMatch(
        /^指标「B\.1 政策公开」的填报内容不合法：/,
      );
    }
  });
});

describe("a draft entered in part", () => {
  it("saves a checklist with an item not yet given as pending, naming no internal key", () => {
    const sheet = scoreSheet(
      zhumadian,
      { ...entered, "A.2": { facts: { items: { rules: true, timely: true } }, reason: "部分" } },
      data,
      "驻马店市",
    );
    expect(sheet.pending).toEqual(["A.2"]);
    expect(sheet.incomplete).toEqual(["A.2"]);
    expect(sheet.scorecard.indicators.find((i) => i.code === "A.2")?.score).toBe("0.0");
  });

  it("scores an unticked item (false) as not done: 5 − 1 for 'targeted'", () => {
    const sheet = scoreSheet(
      zhumadian,
      { ...entered, "A.2": { facts: { items: { rules: true, timely: true, targeted: false } } } },
      data,
      "驻马店市",
    );
    expect(sheet.pending).toEqual([]);
    expect(sheet.scorecard.indicators.find((i) => i.code === "A.2")?.score).toBe("4.0");
  });

  it("keeps a ratio with only its actual value, and a composite with one part, as incomplete", () => {
    const sheet = scoreSheet(
      zhumadian,
      {
        ...entered,
        "A.3": { facts: { parts: { violations: { count: 1 } } } },
        "D.1": { facts: { parts: { satisfaction: { value: 80 } } } },
      },
      { ...data, rows: {} },
      "驻马店市",
    );
    expect(sheet.incomplete).toEqual(["A.3", "D.1"]);
    expect(sheet.pending).toEqual(["A.3", "C.1", "C.2", "C.3", "C.4", "C.5", "D.1"]);
  });

  it("still refuses a wrong figure in a draft, with the problem in both languages", () => {
    try {
      scoreSheet(
        zhumadian,
        { ...entered, "A.1": { facts: { parts: { social: { value: "abc" } } } } },
        data,
        "驻马店市",
      );
      throw new Error("not refused");
    } catch (err) {
      expect((err as DomainError).code).toBe("evaluation.invalid_input");
      expect((err as DomainError).messageIn("zh-CN")).toMatch(
        /^指标「A\.1 资金筹集」的填报内容不合法：/,
      );
      expect((err as DomainError).messageIn("en-US")).toBe(
        `Indicator A.1 Fund raising: "abc" is not a number (write 62395 or 341.4058, no units or separators)`,
      );
    }
  });
});

describe("scoreEntries (the live score in the browser)", () => {
  const bound = scoreSheet(zhumadian, {}, data, "驻马店市").bound;

  it("scores a blank draft with nothing but the data's indicators, all others pending", () => {
    const live = scoreEntries(zhumadian, {}, bound, "驻马店市");
    expect(live.pending).toEqual(["A.1", "A.2", "A.3", "B.1", "B.2", "C.6", "D.1"]);
    expect(live.invalid).toEqual([]);
  });

  it("lists a wrong figure instead of throwing, and gives reasons in English on request", () => {
    const live = scoreEntries(
      zhumadian,
      { ...entered, "B.1": { facts: { count: "-1" } } },
      bound,
      "驻马店市",
      { locale: "en-US" },
    );
    expect(live.invalid.map((i) => [i.code, i.indicator.en])).toEqual([
      ["B.1", "B.1 Policy disclosure"],
    ]);
    expect(live.pending).toEqual(["B.1"]);
    const b2 = live.card.indicators.find((i) => i.code === "B.2");
    expect(b2?.reason).toMatch(/^[\x20-\x7e]+$/);
  });
});
