// Launching a task over HTTP: a built-in framework or an uploaded file, never both; a broken file is
// refused with its problems in Chinese and nothing is launched.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { count } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { describeOnBothDatabases } from "../../../../test/helpers/databases.ts";
import { addUser } from "../../../../test/helpers/fixtures.ts";
import { type ApiClient, signedIn, testApp } from "../../../../test/helpers/http.ts";
import { evaluationTasks } from "../../../db/schema.ts";

const FRAMEWORK = readFileSync(
  join(import.meta.dirname, "../../../../frameworks/mof-common-2020/framework.yaml"),
  "utf8",
);
const task = {
  name: "按本市指标体系评价",
  year: 2020,
  type: "department",
  regionCode: "411700",
  regions: ["411702"],
};

describeOnBothDatabases("launching an evaluation over HTTP", (db) => {
  let city: ApiClient;
  const tasks = async () =>
    Number((await db().db.select({ n: count() }).from(evaluationTasks))[0]?.n);

  beforeAll(async () => {
    const app = testApp(db());
    await addUser(db(), "zmd.finance", "finance", "411700");
    city = await signedIn(app.app, "zmd.finance");
  });

  it("launches on an uploaded framework file", async () => {
    const res = await city.request("POST", "/api/evaluations", {
      body: { ...task, frameworkFile: { fileName: "本市指标体系.yaml", text: FRAMEWORK } },
    });
    expect(res.status).toBe(201);
    const detail = await city.request("GET", `/api/evaluations/${res.json.id}`);
    expect(detail.json.frameworkCode).toBe("mof-common-2020");
  });

  it("refuses both a code and a file, and a broken file with its problems, launching nothing", async () => {
    const before = await tasks();
    const both = await city.request("POST", "/api/evaluations", {
      body: {
        ...task,
        frameworkCode: "zhumadian-2020",
        frameworkFile: { fileName: "x.yaml", text: FRAMEWORK },
      },
    });
    expect(both.status).toBe(400);
    const broken = await city.request("POST", "/api/evaluations", {
      body: {
        ...task,
        frameworkFile: {
          fileName: "坏的.yaml",
          text: FRAMEWORK.replace(/^year: 2020$/m, "year: 二〇二〇"),
        },
      },
    });
    expect(broken.status).toBe(422);
    expect(broken.json.error.code).toBe("evaluation.framework_invalid");
    expect(broken.json.error.message).toMatch(
      /^上传的指标体系 坏的\.yaml 有 1 处错误：第 \d+ 行 year: /,
    );
    expect(await tasks()).toBe(before);
  });
});
