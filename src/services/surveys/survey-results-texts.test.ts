// The residents' words on the results page: identical comments as one line with its count (×79),
// not listed 79 times; the most frequent first, ties newest first.
import { describe, expect, it } from "vitest";
import { groupTexts } from "./survey-results-service.ts";

const said = (responseId: number, community: string, text: string) => ({
  responseId,
  community,
  text,
});

describe("groupTexts", () => {
  it("counts identical comments once each, with their communities, the most frequent first", () => {
    // Newest first, as the results list them.
    const answers = [
      said(90, "大关苑小区", "希望增加电动自行车充电桩"),
      ...Array.from({ length: 79 }, (_, i) =>
        said(89 - i, i % 2 ? "荷花池头小区" : "大关苑小区", "楼道内管线仍较杂乱"),
      ),
      said(10, "荷花池头小区", "希望增加电动自行车充电桩"),
      said(9, "荷花池头小区", "夜间不要施工"),
    ];
    const groups = groupTexts(answers);
    expect(groups.map((g) => [g.text, g.count])).toEqual([
      ["楼道内管线仍较杂乱", 79],
      ["希望增加电动自行车充电桩", 2],
      ["夜间不要施工", 1],
    ]);
    expect(groups[0]?.communities).toEqual(["大关苑小区", "荷花池头小区"]);
    // At most 20 answers' ids per group, newest first.
    expect(groups[0]?.responseIds).toHaveLength(20);
    expect(groups[0]?.responseIds[0]).toBe(89);
    expect(groups[1]).toEqual({
      text: "希望增加电动自行车充电桩",
      count: 2,
      communities: ["大关苑小区", "荷花池头小区"],
      responseIds: [90, 10],
    });
  });

  it("treats spaces around and within as the same words, and drops empty answers", () => {
    const groups = groupTexts([
      said(3, "湖滨小区", " 增加  充电桩 "),
      said(2, "湖滨小区", "增加 充电桩"),
      said(1, "湖滨小区", "   "),
    ]);
    expect(groups).toEqual([
      { text: "增加 充电桩", count: 2, communities: ["湖滨小区"], responseIds: [3, 2] },
    ]);
  });

  it("keeps the order of first (newest) appearance among equal counts", () => {
    const groups = groupTexts([said(3, "甲", "乙"), said(2, "甲", "甲"), said(1, "甲", "丙")]);
    expect(groups.map((g) => g.text)).toEqual(["乙", "甲", "丙"]);
  });
});
