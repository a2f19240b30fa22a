import { describe, expect, it } from "vitest";
import { buildRegionRows, isWithin, NATION_CODE } from "./regions.ts";

const lists = {
  province_list: { "110000": "北京市", "410000": "河南省" },
  city_list: { "110100": "北京市", "411700": "驻马店市" },
  county_list: { "110101": "东城区", "411702": "驿城区", "419001": "济源市" },
};

describe("buildRegionRows", () => {
  const rows = buildRegionRows(lists);
  const byCode = new Map(rows.map((r) => [r.code, r]));

  it("puts the nation at the root and every region under its parent", () => {
    expect(rows).toHaveLength(1 + 2 + 2 + 3);
    expect(byCode.get(NATION_CODE)).toEqual({
      code: "000000",
      name: "全国",
      level: "nation",
      parentCode: null,
      path: "/000000/",
    });
    expect(byCode.get("411702")).toEqual({
      code: "411702",
      name: "驿城区",
      level: "county",
      parentCode: "411700",
      path: "/000000/410000/411700/411702/",
    });
  });

  it("hangs a county whose city is not listed under its province", () => {
    // 济源市 419001 is a province-administered county-level city: no 419000 row here.
    expect(byCode.get("419001")?.parentCode).toBe("410000");
    expect(byCode.get("419001")?.path).toBe("/000000/410000/419001/");
  });

  it("refuses a city whose province is missing", () => {
    expect(() =>
      buildRegionRows({ province_list: {}, city_list: { "411700": "驻马店市" }, county_list: {} }),
    ).toThrow("region 411700: parent 410000 missing");
  });
});

describe("isWithin", () => {
  it("is true for the region itself and below, false for siblings and parents", () => {
    const city = "/000000/410000/411700/";
    expect(isWithin(city, city)).toBe(true);
    expect(isWithin("/000000/410000/411700/411702/", city)).toBe(true);
    expect(isWithin("/000000/410000/411600/", city)).toBe(false);
    expect(isWithin("/000000/410000/", city)).toBe(false);
  });
});
