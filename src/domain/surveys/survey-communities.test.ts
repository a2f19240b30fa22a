import { describe, expect, it } from "vitest";
import { refusalNow } from "../../../test/helpers/refusals.ts";
import {
  assertCommunityDeletable,
  assertCommunityNameFree,
  communitiesFromProjects,
} from "./survey-communities.ts";

describe("assertCommunityNameFree", () => {
  it("accepts a name no other collection point of the region has", () => {
    expect(() => assertCommunityNameFree([], "湖滨小区")).not.toThrow();
    // Renaming a community to its own name is no clash.
    expect(() => assertCommunityNameFree([{ id: 7 }], "湖滨小区", 7)).not.toThrow();
  });

  it("refuses a name another collection point holds", () => {
    expect(refusalNow(() => assertCommunityNameFree([{ id: 7 }], "湖滨小区"))).toEqual({
      code: "survey.community_exists",
      message: "本调查在该地区已有名为“湖滨小区”的调查点",
    });
    expect(refusalNow(() => assertCommunityNameFree([{ id: 7 }], "湖滨小区", 8)).code).toBe(
      "survey.community_exists",
    );
  });
});

describe("assertCommunityDeletable", () => {
  it("deletes a collection point without answers and keeps one with answers", () => {
    expect(() => assertCommunityDeletable(0)).not.toThrow();
    expect(refusalNow(() => assertCommunityDeletable(3))).toEqual({
      code: "survey.has_answers",
      message: "已收集 3 份答卷，不能删除（答卷是评价的依据）",
    });
  });
});

describe("communitiesFromProjects", () => {
  it("adds each project once by region and trimmed name, skipping existing points and blank names", () => {
    const projects = [
      { regionCode: "330102", values: { name: " 湖滨小区 ", households: "1200" } },
      { regionCode: "330102", values: { name: "湖滨小区", households: "900" } },
      { regionCode: "330105", values: { name: "湖滨小区", households: null } },
      { regionCode: "330105", values: { name: "大关小区", households: "640" } },
      { regionCode: "330105", values: { name: "  ", households: "10" } },
      { regionCode: "330105", values: { households: "10" } },
    ];
    expect(communitiesFromProjects(projects, [{ regionCode: "330105", name: "大关小区" }])).toEqual(
      [
        { regionCode: "330102", name: "湖滨小区", households: 1200 },
        { regionCode: "330105", name: "湖滨小区", households: null },
      ],
    );
  });

  it("keeps a household count only when it is a positive whole number", () => {
    const counts = ["12.5", "0", "-4", "many", "", "36"].map(
      (households, i) =>
        communitiesFromProjects(
          [{ regionCode: "330102", values: { name: `小区${i}`, households } }],
          [],
        )[0]?.households,
    );
    expect(counts).toEqual([null, null, null, null, null, 36]);
  });
});
