// The checks and monitoring API over the demo data: filters, paging, facets, region bounds.
import { beforeAll, expect, it } from "vitest";
import { describeOnBothDatabases } from "../../../../test/helpers/databases.ts";
import { addUser } from "../../../../test/helpers/fixtures.ts";
import { type ApiClient, signedIn, testApp } from "../../../../test/helpers/http.ts";
import { seedDemo, systemContext } from "../../../services/index.ts";

describeOnBothDatabases("checks API", (db) => {
  let viewer: ApiClient;

  beforeAll(async () => {
    await seedDemo(db().db, systemContext("test"), {});
    const app = testApp(db());
    await addUser(db(), "gd.reader", "viewer", "440000");
    viewer = await signedIn(app.app, "gd.reader");
  });

  it("filters by severity, pages, and counts the regions with findings", async () => {
    const res = await viewer.request(
      "GET",
      "/api/checks?year=2024&asOf=2025-06-30&severity=warning&pageSize=5",
    );
    expect(res.status).toBe(200);
    expect(res.json.region).toEqual({ code: "440000", name: "广东省" });
    expect(res.json.counts).toEqual({ error: 15, warning: 7, info: 2 });
    expect(res.json.total).toBe(7);
    expect(res.json.findings).toHaveLength(5);
    expect(res.json.regions).toEqual([
      { code: "440000", name: "广东省", count: 4 },
      { code: "441300", name: "惠州市", count: 1 },
      { code: "445200", name: "揭阳市", count: 1 },
      { code: "445300", name: "云浮市", count: 1 },
    ]);
    expect(res.json.problemsTotal).toBe(22);
  });

  it("narrows to one region inside the scope", async () => {
    const res = await viewer.request("GET", "/api/checks?year=2024&asOf=2025-06-30&within=445300");
    expect(res.json.total).toBe(2);
    expect(res.json.findings.map((f: { rule: string }) => f.rule)).toEqual([
      "monitor.spend-far-behind",
      "plausibility.outlier",
    ]);
  });

  it("refuses a region outside the user's own, as a filter too", async () => {
    const res = await viewer.request("GET", "/api/checks?year=2020&within=411700");
    expect(res.status).toBe(403);
  });

  it("answers the monitoring view with the ranked lines and the alerts", async () => {
    const res = await viewer.request("GET", "/api/monitoring?year=2024");
    expect(res.status).toBe(200);
    expect(res.json.total).toMatchObject({ budget: "18860", spent: "3623.35", rate: "19.21" });
    expect(res.json.lines).toHaveLength(16);
    expect(res.json.alertsTotal).toBe(15);
    expect(res.json.completion).toHaveLength(16);
  });
});
