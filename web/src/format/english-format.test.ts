// Grades, units and plurals as the English pages show them.
import { describe, expect, it } from "vitest";
import { translator } from "../i18n/translate.ts";
import { gradeText } from "./grade.ts";
import { unitText, withUnit } from "./unit.ts";

describe("grades", () => {
  const en = translator("en-US");
  const zh = translator("zh-CN");
  it("names the four standard grades in the reader's language", () => {
    expect(["优", "良", "中", "差"].map((g) => gradeText(g, en))).toEqual([
      "Excellent",
      "Good",
      "Fair",
      "Poor",
    ]);
    expect(gradeText("良", zh)).toBe("良");
  });
  it("shows a framework's own label as written, an English one capitalised, none as a dash", () => {
    expect(gradeText("合格", en)).toBe("合格");
    expect(gradeText("good", en)).toBe("Good");
    expect(gradeText(null, en)).toBe("—");
  });
});

describe("units", () => {
  it("writes a heading's unit in parentheses, in words in English", () => {
    expect(withUnit("Floor area", "平方米", "en-US")).toBe("Floor area (m²)");
    expect(withUnit("Budget", "万元", "en-US")).toBe("Budget (10k yuan)");
    expect(withUnit("建筑面积", "平方米", "zh-CN")).toBe("建筑面积（平方米）");
    expect(withUnit("Communities", "个", "en-US")).toBe("Communities");
  });
  it("keeps a unit it does not know", () => {
    expect(unitText("m³", "en-US")).toBe("m³");
    expect(unitText("户", "zh-CN")).toBe("户");
  });
});

describe("plurals", () => {
  const en = translator("en-US");
  it("picks the English form for the number", () => {
    expect(en("regionPick.selected", { count: 1 })).toBe("1 region selected");
    expect(en("regionPick.selected", { count: 3 })).toBe("3 regions selected");
    expect(en("evidence.files", { count: 0 })).toBe("0 files");
  });
  it("leaves Chinese, which has one form, as it is", () => {
    expect(translator("zh-CN")("evidence.files", { count: 1 })).toBe("1 份");
  });
});
