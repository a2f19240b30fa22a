import { describe, expect, it } from "vitest";
import { refusalNow } from "../../../test/helpers/refusals.ts";
import {
  assertCommunityInSurvey,
  assertTaskMatchesSurvey,
  mayEditSurvey,
  regionsAbove,
  surveyViewPath,
  visibleInView,
} from "./survey-scope.ts";

// Region paths as the regions table holds them: nation / 浙江省 / 杭州市 / its districts, and 宁波市.
const ZHEJIANG = "/000000/330000/";
const HANGZHOU = "/000000/330000/330100/";
const SHANGCHENG = "/000000/330000/330100/330102/";
const GONGSHU = "/000000/330000/330100/330105/";
const NINGBO = "/000000/330000/330200/";

describe("surveyViewPath", () => {
  it("shows the whole survey to the region holding it and to the regions above", () => {
    expect(surveyViewPath(HANGZHOU, HANGZHOU)).toBe(HANGZHOU);
    expect(surveyViewPath(HANGZHOU, ZHEJIANG)).toBe(HANGZHOU);
    expect(surveyViewPath(HANGZHOU, "/")).toBe(HANGZHOU);
  });

  it("shows a county inside the survey's region only its own part", () => {
    expect(surveyViewPath(HANGZHOU, GONGSHU)).toBe(GONGSHU);
  });

  it("hides the survey from a region beside it", () => {
    expect(surveyViewPath(HANGZHOU, NINGBO)).toBeNull();
    expect(surveyViewPath(SHANGCHENG, GONGSHU)).toBeNull();
  });
});

describe("visibleInView", () => {
  it("keeps the communities within the view's path", () => {
    expect(visibleInView(GONGSHU, GONGSHU)).toBe(true);
    expect(visibleInView(GONGSHU, HANGZHOU)).toBe(true);
    expect(visibleInView(SHANGCHENG, GONGSHU)).toBe(false);
  });
});

describe("regionsAbove", () => {
  it("lists the paths above a county from the top, without its own", () => {
    expect(regionsAbove(GONGSHU)).toEqual(["/000000/", ZHEJIANG, HANGZHOU]);
  });

  it("has nothing above the console operator's root", () => {
    expect(regionsAbove("/")).toEqual([]);
    expect(regionsAbove("/000000/")).toEqual([]);
  });
});

describe("mayEditSurvey", () => {
  it("lets an editor change the surveys of their region and below", () => {
    const city = { mayEditSurveys: true, regionPath: HANGZHOU };
    expect(mayEditSurvey(city, HANGZHOU)).toBe(true);
    expect(mayEditSurvey(city, GONGSHU)).toBe(true);
    expect(mayEditSurvey(city, NINGBO)).toBe(false);
  });

  it("refuses a county editor the city's survey, and a role without the permission its own", () => {
    expect(mayEditSurvey({ mayEditSurveys: true, regionPath: GONGSHU }, HANGZHOU)).toBe(false);
    expect(mayEditSurvey({ mayEditSurveys: false, regionPath: HANGZHOU }, HANGZHOU)).toBe(false);
  });

  it("lets the system (no actor) change any survey", () => {
    expect(mayEditSurvey(null, NINGBO)).toBe(true);
  });
});

describe("assertCommunityInSurvey", () => {
  it("accepts a community of the survey's region and refuses one outside it", () => {
    expect(() =>
      assertCommunityInSurvey(
        { name: "拱墅区", path: GONGSHU },
        { name: "杭州市", path: HANGZHOU },
      ),
    ).not.toThrow();
    expect(
      refusalNow(() =>
        assertCommunityInSurvey(
          { name: "宁波市", path: NINGBO },
          { name: "杭州市", path: HANGZHOU },
        ),
      ),
    ).toEqual({
      code: "survey.community_outside",
      message: "调查点所在地区“宁波市”不在调查所属地区“杭州市”内",
    });
  });
});

describe("assertTaskMatchesSurvey", () => {
  const survey = { name: "杭州市", path: HANGZHOU, year: 2021 };

  it("links a task of the survey's year whose region is above or below the survey's", () => {
    expect(() =>
      assertTaskMatchesSurvey({ name: "杭州市", path: HANGZHOU, year: 2021 }, survey),
    ).not.toThrow();
    expect(() =>
      assertTaskMatchesSurvey({ name: "拱墅区", path: GONGSHU, year: 2021 }, survey),
    ).not.toThrow();
    expect(() =>
      assertTaskMatchesSurvey({ name: "浙江省", path: ZHEJIANG, year: 2021 }, survey),
    ).not.toThrow();
  });

  it("refuses another year first, then a region beside the survey's", () => {
    expect(
      refusalNow(() =>
        assertTaskMatchesSurvey({ name: "宁波市", path: NINGBO, year: 2020 }, survey),
      ),
    ).toEqual({
      code: "survey.year_mismatch",
      message: "调查年度（2021年）与评价任务年度（2020年）不一致",
    });
    expect(
      refusalNow(() =>
        assertTaskMatchesSurvey({ name: "宁波市", path: NINGBO, year: 2021 }, survey),
      ),
    ).toEqual({
      code: "survey.region_mismatch",
      message: "调查所属地区“杭州市”与评价任务地区“宁波市”无上下级关系",
    });
  });
});
