import { beforeAll, expect, it } from "vitest";
import { describeOnBothDatabases } from "../../../test/helpers/databases.ts";
import { addUser } from "../../../test/helpers/fixtures.ts";
import type { ServiceContext } from "../context.ts";
import {
  countRegionsUnder,
  ensureRegions,
  getRegionDetail,
  listChildRegions,
} from "./region-service.ts";

const as = (
  userId: number,
  username: string,
  regionCode: string,
  regionPath: string,
): ServiceContext => ({
  actor: { userId, username, role: "finance", regionCode, regionPath },
  ip: null,
  requestId: null,
});

describeOnBothDatabases("regions", (db) => {
  let city: ServiceContext;

  beforeAll(async () => {
    const u = await addUser(db(), "zmd.fin", "finance", "411700");
    city = as(u.id, u.username, "411700", "/000000/410000/411700/");
  });

  it("holds every province, city and county of China once, and loading again adds none", async () => {
    expect(await countRegionsUnder(db().db, "/000000/")).toBe(3883);
    // Henan: the province, 18 city-level rows (17 cities + 省直辖县), 174 county-level rows —
    // the 157 official ones plus development zones such as 410171 郑州经济技术开发区 (see README).
    expect(await countRegionsUnder(db().db, "/000000/410000/")).toBe(1 + 18 + 174);
    expect(await ensureRegions(db().db)).toBe(0);
    expect(await countRegionsUnder(db().db, "/")).toBe(3883);
  });

  it("starts a user's tree at their own region and lists children one level at a time", async () => {
    expect(await listChildRegions(db().db, city, undefined)).toEqual([
      { code: "411700", name: "驻马店市", level: "city", parentCode: "410000", hasChildren: true },
    ]);
    const counties = await listChildRegions(db().db, city, "411700");
    expect(counties.map((r) => `${r.code} ${r.name}`)).toEqual([
      "411702 驿城区",
      "411721 西平县",
      "411722 上蔡县",
      "411723 平舆县",
      "411724 正阳县",
      "411725 确山县",
      "411726 泌阳县",
      "411727 汝南县",
      "411728 遂平县",
      "411729 新蔡县",
    ]);
    expect(counties.every((r) => r.level === "county" && !r.hasChildren)).toBe(true);
  });

  it("refuses a region outside the user's own", async () => {
    await expect(listChildRegions(db().db, city, "410000")).rejects.toMatchObject({
      code: "access.region",
    });
    await expect(getRegionDetail(db().db, city, "411600")).rejects.toMatchObject({
      code: "access.region",
    });
  });

  it("gives a region's path from the nation down", async () => {
    const detail = await getRegionDetail(db().db, city, "411702");
    expect(detail.path.map((p) => p.name)).toEqual(["全国", "河南省", "驻马店市", "驿城区"]);
    expect(detail.level).toBe("county");
  });
});
