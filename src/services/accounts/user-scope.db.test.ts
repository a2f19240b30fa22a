// A national-scope account is never granted by a slip: the request must say it is meant. And the
// region pickers' search finds regions below the user by name or code, never the user's own region.
import { beforeAll, expect, it } from "vitest";
import { describeOnBothDatabases } from "../../../test/helpers/databases.ts";
import { addUser } from "../../../test/helpers/fixtures.ts";
import type { DomainError } from "../../domain/errors.ts";
import type { ServiceContext } from "../context.ts";
import { searchRegions } from "../data/region-search-service.ts";
import { contextOfUser, createUser, updateUser } from "./user-service.ts";

const PASSWORD = "Str0ng-Password!";
const input = (username: string, regionCode: string) => ({
  username,
  displayName: username,
  password: PASSWORD,
  role: "viewer" as const,
  regionCode,
});

describeOnBothDatabases("scope of new accounts and the region search", (db) => {
  let nation: ServiceContext;
  let city: ServiceContext;

  beforeAll(async () => {
    await addUser(db(), "chief", "admin", "000000");
    await addUser(db(), "zmd.chief", "admin", "411700");
    nation = await contextOfUser(db().db, "chief");
    city = await contextOfUser(db().db, "zmd.chief");
  });

  it("refuses a national account unless confirmScope is true, naming the field and scope", async () => {
    const refused = createUser(db().db, nation, input("everywhere", "000000"));
    await expect(refused).rejects.toMatchObject({
      code: "user.scope_unconfirmed",
      details: { field: "regionCode", value: "000000" },
    });
    const err = (await refused.then(
      () => null,
      (e: unknown) => e,
    )) as DomainError;
    expect(err.messageIn("zh-CN")).toBe(
      "字段 regionCode：将授予 全国 范围的权限，请确认后再提交（confirmScope: true）",
    );
    const made = await createUser(db().db, nation, {
      ...input("everywhere", "000000"),
      confirmScope: true,
    });
    expect(made.regionCode).toBe("000000");
    // A province needs no second word from the server (the form asks), a city neither.
    expect((await createUser(db().db, nation, input("henan.view", "410000"))).regionName).toBe(
      "河南省",
    );
  });

  it("refuses moving an account to national scope unless confirmed", async () => {
    const u = await createUser(db().db, nation, input("mover", "411721"));
    await expect(updateUser(db().db, nation, u.id, { regionCode: "000000" })).rejects.toMatchObject(
      {
        code: "user.scope_unconfirmed",
      },
    );
    const moved = await updateUser(db().db, nation, u.id, {
      regionCode: "000000",
      confirmScope: true,
    });
    expect(moved.regionCode).toBe("000000");
    // Editing the name of a national account asks nothing: its scope does not change.
    const renamed = await updateUser(db().db, nation, u.id, { displayName: "Mover" });
    expect(renamed.displayName).toBe("Mover");
  });

  it("finds regions by name and by code prefix, with the names above them", async () => {
    const found = await searchRegions(db().db, nation, "驻马店");
    expect(found[0]).toMatchObject({
      code: "411700",
      name: "驻马店市",
      level: "city",
      parents: ["河南省"],
    });
    const byCode = await searchRegions(db().db, nation, "41172");
    expect(byCode.map((r) => r.code)).toContain("411721");
    expect(byCode.find((r) => r.code === "411721")).toMatchObject({
      name: "西平县",
      parents: ["河南省", "驻马店市"],
    });
  });

  it("never offers the user's own region, nor anything outside it", async () => {
    expect((await searchRegions(db().db, nation, "全国")).map((r) => r.code)).not.toContain(
      "000000",
    );
    expect(await searchRegions(db().db, city, "驻马店")).toEqual([]);
    const inCity = await searchRegions(db().db, city, "西平");
    expect(inCity.map((r) => r.code)).toEqual(["411721"]);
    expect(await searchRegions(db().db, city, "杭州")).toEqual([]);
    expect(await searchRegions(db().db, city, "%")).toEqual([]);
  });
});
