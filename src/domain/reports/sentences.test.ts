import { describe, expect, it } from "vitest";
import { chineseDate, reportTitle } from "./sentences.ts";

describe("reportTitle", () => {
  it("says the region and the year once, whatever the task's name already says", () => {
    // The demo's task name (Zhumadian 2020 report title).
    const zmd = "驻马店市2020年城镇老旧小区改造财政资金绩效评价";
    expect(reportTitle("驻马店市", 2020, zmd)).toBe(
      "驻马店市2020年城镇老旧小区改造财政资金绩效评价报告",
    );
    expect(reportTitle("驿城区", 2020, zmd)).toBe(
      "驿城区2020年城镇老旧小区改造财政资金绩效评价报告",
    );
    expect(reportTitle("苏州市", 2020, "2020年度老旧小区改造资金绩效自评")).toBe(
      "苏州市2020年老旧小区改造资金绩效自评报告",
    );
    expect(reportTitle("广东省", 2024, "老旧小区改造省级专项资金")).toBe(
      "广东省2024年老旧小区改造省级专项资金评价报告",
    );
    expect(reportTitle("杭州市", 2020, "杭州市2020年老旧小区改造绩效评价报告")).toBe(
      "杭州市2020年老旧小区改造绩效评价报告",
    );
    // A name that merely starts like a region, without a year after it, is kept whole.
    expect(reportTitle("河南省", 2024, "城市更新专项评价")).toBe(
      "河南省2024年城市更新专项评价报告",
    );
  });

  it("writes ISO dates the Chinese way", () => {
    expect(chineseDate("2024-12-31")).toBe("2024年12月31日");
  });
});
