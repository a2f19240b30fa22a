// The years with anything in a region, over the demo data (Hangzhou, Suzhou, Zhumadian 2020; Guangdong 2024).
import { expect, it } from "vitest";
import { describeOnBothDatabases } from "../../../test/helpers/databases.ts";
import { actingAs, addUser } from "../../../test/helpers/fixtures.ts";
import { DomainError } from "../../domain/errors.ts";
import { systemContext } from "../context.ts";
import { listDataYears } from "./data-years-service.ts";

const system = systemContext("test");

describeOnBothDatabases("the years with data", "demo", (db) => {
  it("answers the years of each region's demo data, newest first, and none where nothing is", async () => {
    expect(await listDataYears(db().db, system, "000000")).toEqual({
      years: [2024, 2020],
      latest: 2024,
    });
    expect(await listDataYears(db().db, system, "410000")).toEqual({
      years: [2020],
      latest: 2020,
    });
    expect(await listDataYears(db().db, system, "440000")).toEqual({
      years: [2024],
      latest: 2024,
    });
    expect(await listDataYears(db().db, system, "110000")).toEqual({ years: [], latest: null });
  });

  it("answers one data set's years alone when asked, and names an unknown data set", async () => {
    expect(await listDataYears(db().db, system, "410000", "targets")).toEqual({
      years: [2020],
      latest: 2020,
    });
    // 河南省's demo data (驻马店市's) has no community rows: 2020 is not a year of that set.
    expect(await listDataYears(db().db, system, "410000", "communities")).toEqual({
      years: [],
      latest: null,
    });
    const unknown = await listDataYears(db().db, system, "410000", "nothing").catch((e) => e);
    expect((unknown as DomainError).code).toBe("dataset.unknown");
  });

  it("counts a county's sheet of its city's task, and keeps a user inside their own region", async () => {
    await addUser(db(), "years.xiping", "viewer", "411721");
    const county = await actingAs(db(), "years.xiping");
    expect(await listDataYears(db().db, county, "411721")).toEqual({
      years: [2020],
      latest: 2020,
    });
    const refused = await listDataYears(db().db, county, "410000").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe("access.region");
  });
});
