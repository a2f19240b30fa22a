// Hostile input, generated from the OpenAPI document: every route, every parameter and body field gets
// NUL, lone surrogates, 2^31, -1, huge strings, wrong types, deep nesting, non-dates, prototype keys —
// as an administrator, a county administrator and a stranger. None may answer 5xx or leak internals.

import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";
import { community, dataFile } from "../../test/helpers/data-files.ts";
import { describeOnBothDatabases } from "../../test/helpers/databases.ts";
import { addUser } from "../../test/helpers/fixtures.ts";
import { ApiClient, signedIn, testApp } from "../../test/helpers/http.ts";

const SEED = Number(process.env.JIXIAO_FUZZ_SEED ?? 20261202);
const RUNS = { pglite: 3200, postgres: 640 } as const;
const COUNTY = "411702"; // 驿城区, 驻马店市

type Schema = Record<string, unknown>;
type Identity = "admin" | "county" | "anon";
const IDENTITIES: Identity[] = ["admin", "county", "anon"];

/** A marker replaced by 10,000 nested arrays in the JSON text (JSON.stringify would recurse). */
const DEEP = "\u{1F300}deep\u{1F300}";
const DEEP_TEXT = `${"[".repeat(10_000)}${"]".repeat(10_000)}`;
const HUGE = "x".repeat(1_000_000);

/** What goes where a value goes; each one has broken something somewhere before. */
const HOSTILE: unknown[] = [
  "\u0000",
  "a\u0000b",
  "\uD800",
  "x\uDFFFy",
  2 ** 31,
  "2147483648",
  2_147_483_647,
  999_999,
  -1,
  "-1",
  0,
  "0",
  1.5,
  1e308,
  "1e400",
  2 ** 53 + 1,
  "99999999999999999999999",
  "",
  HUGE,
  true,
  null,
  [],
  {},
  ["a", 1],
  { nested: { deeper: [1, "2"] } },
  DEEP,
  "__proto__",
  "constructor",
  "not-a-date",
  "2021-13-45",
  "2021-02-30",
  "0000-00-00",
  "NaN",
  "Infinity",
  "'; drop table users; --",
  "%00",
  "../../etc/passwd",
];
/** Whole bodies that are not what any route expects. */
const HOSTILE_BODIES: string[] = [
  "[]",
  '"text"',
  "42",
  "null",
  '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
  DEEP_TEXT,
  `{"a":${DEEP_TEXT}}`,
  '{"x":"\\u0000"}',
  '{"x":"\\ud800"}',
  "{",
];

/** Values a field of this name should have for the request to get past validation. */
const HINTS: Record<string, unknown> = {
  regionCode: COUNTY,
  parent: COUNTY,
  code: COUNTY,
  regions: [COUNTY],
  year: 2020,
  frameworkCode: "zhumadian-2020",
  template: "old-community-satisfaction",
  format: "xlsx",
  asOf: "2021-01-01",
  today: "2021-04-15",
  deadline: "2021-06-30",
  ids: "1,2",
  token: "abcdefgh1234",
  name: "communities",
  username: "fuzz.new",
  password: "Str0ng-Passw0rd!x",
  newPassword: "Str0ng-Passw0rd!y",
  reason: "核实",
  indicatorCode: "C.1",
  fileName: "分配.json",
};
/** The file of a multipart field: a valid communities file of the county (set before the run). */
let upload: Uint8Array = new Uint8Array([1, 2, 3]);

/** The hint for a field, when the schema admits it. */
function hint(name: string, s: Schema): { value: unknown } | null {
  if (!(name in HINTS)) return null;
  const value = HINTS[name];
  if (Array.isArray(s.enum) && !s.enum.includes(value)) return null;
  return { value };
}

interface Field {
  in: "path" | "query" | "body" | "form";
  name: string;
  schema: Schema;
}
interface Operation {
  method: string;
  path: string;
  fields: Field[];
  body: "json" | "form" | null;
  bodySchema: Schema | null;
}

function operations(doc: {
  paths: Record<string, Record<string, Schema>>;
  components?: { schemas?: Record<string, Schema> };
}): Operation[] {
  const resolve = refResolver(doc.components?.schemas ?? {});
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const fields: Field[] = [];
      for (const p of (op.parameters as Schema[] | undefined) ?? []) {
        fields.push({
          in: p.in as "path" | "query",
          name: p.name as string,
          schema: resolve(p.schema as Schema),
        });
      }
      const content = (op.requestBody as { content?: Record<string, { schema: Schema }> })?.content;
      let body: Operation["body"] = null;
      let bodySchema: Schema | null = null;
      const jsonSchema = content?.["application/json"]?.schema;
      const formSchema = content?.["multipart/form-data"]?.schema;
      if (jsonSchema || formSchema) {
        body = jsonSchema ? "json" : "form";
        bodySchema = resolve((jsonSchema ?? formSchema) as Schema);
        const props = propertiesOf(bodySchema, resolve);
        for (const [name, schema] of Object.entries(props)) {
          fields.push({ in: body === "json" ? "body" : "form", name, schema: resolve(schema) });
        }
      }
      ops.push({ method: method.toUpperCase(), path, fields, body, bodySchema });
    }
  }
  return ops;
}

function refResolver(components: Record<string, Schema>) {
  return function resolve(schema: Schema): Schema {
    let s = schema;
    for (let i = 0; i < 10 && typeof s?.$ref === "string"; i++) {
      s = components[(s.$ref as string).replace("#/components/schemas/", "")] ?? {};
    }
    return s ?? {};
  };
}

/** The properties of an object schema, or of the first branch of a union. */
function propertiesOf(schema: Schema, resolve: (s: Schema) => Schema): Record<string, Schema> {
  if (schema.properties) return schema.properties as Record<string, Schema>;
  const branches = (schema.anyOf ?? schema.oneOf ?? schema.allOf) as Schema[] | undefined;
  const merged: Record<string, Schema> = {};
  for (const b of branches ?? []) Object.assign(merged, propertiesOf(resolve(b), resolve));
  return merged;
}

/** A plausible value for a schema (the hints by field name first), so a hostile field is the only fault. */
function plausible(
  name: string,
  schema: Schema,
  resolve: (s: Schema) => Schema,
  depth = 0,
): unknown {
  const s = resolve(schema);
  const hinted = hint(name, s);
  if (hinted) return hinted.value;
  if (s.example !== undefined) return s.example;
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.enum)) return s.enum[0];
  const branches = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (branches?.length) {
    const first = branches.map(resolve).find((b) => b.type !== "null") ?? branches[0];
    return plausible(name, first as Schema, resolve, depth + 1);
  }
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  switch (type) {
    case "integer":
    case "number":
      return Math.max(Number(s.minimum ?? 1), 1);
    case "boolean":
      return false;
    case "array":
      return Number(s.minItems ?? 0) > 0 && depth < 4
        ? [plausible(name, (s.items as Schema) ?? {}, resolve, depth + 1)]
        : [];
    case "object": {
      const out: Record<string, unknown> = {};
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const required = new Set((s.required as string[] | undefined) ?? []);
      for (const [key, prop] of Object.entries(props)) {
        // Optional fields only where a hint says what they are for (one of "exactly one" pairs).
        if (depth >= 4 || (!required.has(key) && !hint(key, resolve(prop)))) continue;
        out[key] = plausible(key, prop, resolve, depth + 1);
      }
      return out;
    }
    case "string": {
      if (s.format === "binary") return new File([upload as Uint8Array<ArrayBuffer>], "小区.xlsx");
      if (s.format === "date-time") return "2021-01-01T00:00:00Z";
      if (typeof s.pattern === "string" && s.pattern.includes("\\d{6}")) return COUNTY;
      if (typeof s.pattern === "string" && s.pattern.includes("\\d{4}-")) return "2021-01-01";
      return "x".repeat(Math.max(Number(s.minLength ?? 1), 1));
    }
    default:
      return "x";
  }
}

interface Case {
  op: Operation;
  identity: Identity;
  /** A field and its hostile value, or a whole hostile body, or nothing (the plausible request). */
  field: Field | null;
  value: unknown;
  rawBody: string | null;
}

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** A URL has no lone surrogates: send the bytes a careless client would (ED A0 80, not UTF-8). */
const encodeText = (v: string) =>
  encodeURIComponent(v.replace(LONE, "\uFFFD")).replaceAll("%EF%BF%BD", "%ED%A0%80");

/** The request of a case: URL, body as JSON text or form. */
function build(c: Case, resolve: (s: Schema) => Schema) {
  const paramText = (v: unknown) =>
    v === DEEP ? DEEP_TEXT : typeof v === "string" ? v : JSON.stringify(v);
  let path = c.op.path;
  const query = new URLSearchParams();
  for (const f of c.op.fields) {
    const hit = c.field === f;
    if (f.in === "path") {
      const value = hit ? paramText(c.value) : String(plausible(f.name, f.schema, resolve));
      path = path.replace(`{${f.name}}`, encodeText(value));
    } else if (f.in === "query") {
      if (hit) {
        // Arrays where a scalar goes: the name repeated.
        if (Array.isArray(c.value)) for (const v of c.value) query.append(f.name, paramText(v));
        else query.set(f.name, paramText(c.value));
      } else if (f.name in HINTS || f.schema.default === undefined) {
        query.set(f.name, String(plausible(f.name, f.schema, resolve)));
      }
    }
  }
  const qs = query.toString().replaceAll("%EF%BF%BD", "%ED%A0%80");
  const url = qs ? `${path}?${qs}` : path;
  if (c.op.body === "json") {
    if (c.rawBody !== null) return { url, raw: c.rawBody };
    const body = plausible("", c.op.bodySchema ?? {}, resolve) as Record<string, unknown>;
    if (c.field?.in === "body") {
      // An own "__proto__" key in the JSON text, as an attacker writes it.
      body[c.field.name] = c.value;
      if (c.value === "__proto__") {
        Object.defineProperty(body, "__proto__", { value: { polluted: true }, enumerable: true });
      }
    }
    return { url, raw: JSON.stringify(body).replace(`"${DEEP}"`, DEEP_TEXT) };
  }
  if (c.op.body === "form") {
    const form = new FormData();
    const fields = c.op.fields.filter((f) => f.in === "form");
    for (const f of fields) {
      const plain = plausible(f.name, f.schema, resolve);
      if (c.field !== f) {
        form.set(f.name, plain instanceof File ? plain : String(plain));
      } else if (plain instanceof File) {
        // A hostile file name, or text where the file goes.
        if (typeof c.value === "string" && c.value.length < 1000)
          form.set(f.name, new File([new Uint8Array([80, 75, 3, 4])], `${c.value}.xlsx`));
        else form.set(f.name, paramText(c.value));
      } else {
        form.set(f.name, paramText(c.value));
      }
    }
    return { url, form };
  }
  return { url };
}

/** A small allocation model with its data (the factor method over two communities). */
const PLAN_FILE = {
  name: "驿城区小区改造补助分配",
  year: 2020,
  unit: "元",
  total: "1000",
  factors: [{ key: "households", name: "户数", weight: "100", source: { kind: "entered" } }],
  rounding: "元",
  regions: [
    { code: "P01", name: "幸福小区" },
    { code: "P02", name: "和平小区" },
  ],
  data: {
    regions: { P01: { factors: { households: "300" } }, P02: { factors: { households: "100" } } },
  },
};

const LAST_RESORT = new Set(["request.out_of_range", "request.reference_missing"]);
const STACK = /\n\s+at .+:\d+:\d+|node_modules|\/work\/|\bsrc\/[\w/-]+\.ts\b/;
const SQL =
  /\b(select|insert|update|delete)\b[^\n]*\b(from|into|set)\b|violates|relation "|syntax error at|\$\d+\b/i;

describeOnBothDatabases("hostile input from the OpenAPI document", (db, kind) => {
  let app: ReturnType<typeof testApp>;
  const clients = {} as Record<Identity, ApiClient>;
  const logins: Record<Exclude<Identity, "anon">, string> = {
    admin: "fuzz.admin",
    county: "fuzz.county",
  };

  beforeAll(async () => {
    app = testApp(db());
    // Users 1 and 2 are there to be edited, reset and disabled by the fuzzed id 1 and 2.
    await addUser(db(), "victim.one", "viewer", COUNTY);
    await addUser(db(), "victim.two", "finance", COUNTY);
    await addUser(db(), logins.admin, "admin", "000000");
    await addUser(db(), logins.county, "admin", COUNTY);
    clients.admin = await signedIn(app.app, logins.admin);
    clients.county = await signedIn(app.app, logins.county);
    clients.anon = new ApiClient(app.app);
    // Something for id 1 to find: a task with its sheet, and a survey.
    const task = await clients.admin.request("POST", "/api/evaluations", {
      body: {
        name: "驿城区自评",
        year: 2020,
        type: "self",
        frameworkCode: "zhumadian-2020",
        regionCode: COUNTY,
        regions: [COUNTY],
      },
    });
    expect(task.status).toBe(201);
    const survey = await clients.admin.request("POST", "/api/surveys", {
      body: {
        regionCode: COUNTY,
        year: 2020,
        title: "满意度",
        template: "old-community-satisfaction",
      },
    });
    expect(survey.status).toBe(201);
    const surveyId = survey.json.id;
    expect(
      (
        await clients.admin.request("POST", `/api/surveys/${surveyId}/actions`, {
          body: { action: "publish" },
        })
      ).status,
    ).toBe(200);
    const place = await clients.admin.request("POST", `/api/surveys/${surveyId}/communities`, {
      body: { regionCode: COUNTY, name: "幸福小区" },
    });
    expect(place.status).toBe(201);
    HINTS.token = place.json.token;
    HINTS.text = JSON.stringify(PLAN_FILE);
    upload = await dataFile("communities", [community("驿城区", "幸福小区")], {
      year: 2020,
      scopeName: "驿城区",
    });
    const plan = await clients.admin.request("POST", "/api/allocations", {
      body: { regionCode: COUNTY, fileName: "分配.json", text: JSON.stringify(PLAN_FILE) },
    });
    expect(plan.status).toBe(201);
  });

  it("answers the measured reproductions of issue 18 with a 4xx naming the field", async () => {
    const { admin, anon } = clients;
    const nulLogin = await anon.request("POST", "/api/auth/login", {
      body: { username: "fuzz.admin\u0000", password: "x" },
    });
    expect(nulLogin.status).toBe(400);
    expect(nulLogin.json.error).toEqual({
      code: "request.invalid_text",
      message: "字段 username 含有不允许的字符（NUL 或不成对的代理项）",
      details: { field: "username", location: "body" },
    });
    const surrogate = await anon.request("POST", "/api/auth/login", {
      raw: '{"username":"a","password":"\\ud800"}',
      headers: { "accept-language": "en-US" },
    });
    expect(surrogate.status).toBe(400);
    expect(surrogate.json.error.message).toBe(
      "Field password contains a character that is not allowed (NUL or an unpaired surrogate)",
    );
    const search = await admin.request("GET", "/api/datasets/communities/rows?q=%00");
    expect([search.status, search.json.error.details]).toEqual([
      400,
      { field: "q", location: "query" },
    ]);
    const key = await admin.request("PUT", "/api/evaluation-sheets/1", {
      body: { version: 1, entries: { "B.1\u0000": { facts: {} } } },
    });
    expect([key.status, key.json.error.code]).toEqual([400, "request.invalid_text"]);
    const form = new FormData();
    form.set("file", new File([upload as Uint8Array<ArrayBuffer>], "小区\u0000.xlsx"));
    form.set("regionCode", COUNTY);
    form.set("year", "2020");
    const named = await admin.request("POST", "/api/datasets/communities/imports", { form });
    expect([named.status, named.json.error.details]).toEqual([
      400,
      { field: "file", location: "body" },
    ]);

    // Excel writes a control character as _x0000_; read back it is a NUL, refused in its cell.
    const cells = new FormData();
    const nulCell = await dataFile("communities", [community("驿城区", "幸福_x0000_小区")], {
      year: 2020,
      scopeName: "驿城区",
    });
    cells.set("file", new File([nulCell as Uint8Array<ArrayBuffer>], "小区.xlsx"));
    cells.set("regionCode", COUNTY);
    cells.set("year", "2020");
    const cell = await admin.request("POST", "/api/datasets/communities/imports", { form: cells });
    expect(cell.status).toBe(422);
    expect(cell.json.error.details.issues).toEqual([
      expect.objectContaining({
        row: 4,
        column: "C",
        value: "幸福\uFFFD小区",
        code: "cell.invalid_text",
      }),
    ]);

    // A NUL written as \u0000 inside an uploaded JSON model file: refused, not stored.
    const model = JSON.stringify({ ...PLAN_FILE, name: "分配\u0000方案" });
    const modelFile = await admin.request("POST", "/api/allocations", {
      body: { regionCode: COUNTY, fileName: "分配.json", text: model },
    });
    expect([modelFile.status, modelFile.json.error.code, modelFile.json.error.details]).toEqual([
      422,
      "file.invalid_text",
      { file: "分配.json", path: "name" },
    ]);

    const big = await admin.request("GET", "/api/evaluations/2147483648");
    expect(big.status).toBe(400);
    expect(big.json.error.details.issues.map((i: { field: string }) => i.field)).toEqual(["id"]);
    expect((await admin.request("GET", "/api/evaluations/2147483647")).status).toBe(404);
    const bigBody = await admin.request("POST", "/api/report-jobs", {
      body: { subject: "task", taskId: 2 ** 31, format: "xlsx" },
    });
    expect([bigBody.status, bigBody.json.error.code]).toEqual([400, "request.invalid"]);

    for (const url of [
      `/api/checks?regionCode=${COUNTY}&year=2020&asOf=2021-13-45`,
      `/api/monitoring?regionCode=${COUNTY}&year=2020&asOf=2021-02-30`,
      "/api/reminders?today=9999-99-99",
    ]) {
      const res = await admin.request("GET", url);
      expect(res.status).toBe(400);
      const fields = res.json.error.details.issues.map((i: { field: string }) => i.field);
      expect(fields).toEqual([url.includes("today") ? "today" : "asOf"]);
    }
    // An impossible date is named as one, in the reader's language (not zod's bare 无效输入).
    const feb30 = await admin.request(
      "GET",
      `/api/monitoring?regionCode=${COUNTY}&year=2020&asOf=2021-02-30`,
    );
    expect(feb30.json.error.details.issues[0].message).toBe(
      "不是有效的日期（YYYY-MM-DD，如 2025-06-30）",
    );
    const feb30en = await admin.request(
      "GET",
      `/api/monitoring?regionCode=${COUNTY}&year=2020&asOf=2021-02-30`,
      { headers: { "accept-language": "en" } },
    );
    expect(feb30en.json.error.details.issues[0].message).toBe(
      "not a calendar date (YYYY-MM-DD, e.g. 2025-06-30)",
    );

    const deep = await admin.request("POST", "/api/surveys", { raw: DEEP_TEXT });
    expect([deep.status, deep.json.error.code]).toEqual([400, "request.too_deep"]);
  });

  it("refuses a programme that does not exist or is of another county with 422", async () => {
    const inserted = await db().db.execute(sql`
      insert into programmes (year, region_code, name, department, evaluation_type) values
        (2020, ${COUNTY}, '驿城区老旧小区改造', '住建局', 'self'),
        (2020, '411721', '西平县老旧小区改造', '住建局', 'self')
      returning id`);
    const [own, sibling] = (inserted as unknown as { rows: { id: number }[] }).rows.map((r) =>
      Number(r.id),
    );
    const launch = (programmeId: number) =>
      clients.county.request("POST", "/api/evaluations", {
        body: {
          name: "驿城区自评",
          year: 2020,
          type: "self",
          frameworkCode: "zhumadian-2020",
          regionCode: COUNTY,
          regions: [COUNTY],
          programmeId,
        },
      });
    for (const id of [999_999, sibling as number]) {
      const res = await launch(id);
      expect(res.status).toBe(422);
      expect(res.json.error).toEqual({
        code: "request.reference_unknown",
        message: `字段 programmeId 引用的对象 ${id} 不存在或不在您的管辖范围内`,
        details: { field: "programmeId", value: id },
      });
    }
    expect((await launch(own as number)).status).toBe(201);
  });

  it(`answers ${RUNS[kind]} hostile requests with 4xx and the JSON error shape (seed ${SEED})`, async () => {
    console.info(`fuzz seed ${SEED} (set JIXIAO_FUZZ_SEED to replay), ${RUNS[kind]} requests`);
    const doc = (await clients.anon.request("GET", "/api/openapi.json")).json;
    const resolve = refResolver(doc.components?.schemas ?? {});
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(70);

    // Every route and every field at least once (values cycle), then random draws to the total.
    const cases: Case[] = [];
    let turn = 0;
    for (const op of ops) {
      for (const identity of IDENTITIES) {
        cases.push({ op, identity, field: null, value: null, rawBody: null });
      }
      for (const field of op.fields) {
        cases.push({
          op,
          identity: IDENTITIES[turn % 3] as Identity,
          field,
          value: HOSTILE[turn % HOSTILE.length],
          rawBody: null,
        });
        turn++;
      }
      if (op.body === "json") {
        cases.push({
          op,
          identity: "admin",
          field: null,
          value: null,
          rawBody: HOSTILE_BODIES[turn++ % HOSTILE_BODIES.length] as string,
        });
      }
    }
    const withFields = ops.filter((o) => o.fields.length > 0);
    const random = fc.sample(
      fc
        .record({
          op: fc.constantFrom(...withFields),
          identity: fc.constantFrom<Identity>("admin", "admin", "county", "county", "anon"),
          pick: fc.nat(),
          value: fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
            { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
            { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt().map(String)) },
            { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
          ),
          raw: fc.option(fc.constantFrom(...HOSTILE_BODIES), { freq: 8 }),
        })
        .map(({ op, identity, pick, value, raw }) => ({
          op,
          identity,
          field: op.fields[pick % op.fields.length] as Field,
          value,
          rawBody: op.body === "json" ? raw : null,
        })),
      { seed: SEED, numRuns: Math.max(RUNS[kind] - cases.length, 0) },
    );
    cases.push(...random);
    // Deleting what id 1 names comes last, so the other routes find it.
    cases.sort((a, b) => Number(a.op.method === "DELETE") - Number(b.op.method === "DELETE"));

    const failures: string[] = [];
    const statuses = new Map<string, number>();
    const codes = new Map<string, Set<string>>();
    for (const [i, c] of cases.entries()) {
      const client = clients[c.identity];
      const req = build(c, resolve);
      const res = await client.request(c.op.method, req.url, {
        ...(req.raw !== undefined && { raw: req.raw }),
        ...(req.form !== undefined && { form: req.form }),
      });
      const band = `${Math.floor(res.status / 100)}xx`;
      statuses.set(band, (statuses.get(band) ?? 0) + 1);
      const text = new TextDecoder().decode(res.bytes.slice(0, 200_000));
      const what = () =>
        `#${i} ${c.identity} ${c.op.method} ${req.url.slice(0, 120)} ${
          c.field ? `${c.field.in}:${c.field.name}=${JSON.stringify(c.value)?.slice(0, 40)}` : ""
        }${c.rawBody ? ` raw=${c.rawBody.slice(0, 40)}` : ""} → ${res.status} ${text.slice(0, 200)}`;
      const type = res.headers.get("content-type") ?? "";
      if (process.env.JIXIAO_FUZZ_VERBOSE) {
        const key = `${c.op.method} ${c.op.path}`;
        const seen = codes.get(key) ?? new Set<string>();
        seen.add(`${res.status}${res.json?.error?.code ? ` ${res.json.error.code}` : ""}`);
        codes.set(key, seen);
        if (c.field === null && c.rawBody === null && c.identity === "admin" && res.status >= 400)
          console.info(`plausible request refused: ${what()}`);
      }
      if (res.status >= 500) failures.push(what());
      else if (res.status >= 400) {
        const e = res.json?.error;
        if (!type.includes("json") || typeof e?.code !== "string" || typeof e?.message !== "string")
          failures.push(`not the error shape: ${what()}`);
        else if (SQL.test(e.message) || STACK.test(text)) failures.push(`leak: ${what()}`);
        // The central SQLSTATE mapping is a last resort: reaching it means a check is missing.
        else if (LAST_RESORT.has(e.code)) failures.push(`unchecked: ${what()}`);
      } else if ((type.includes("json") || type.startsWith("text/")) && STACK.test(text)) {
        failures.push(`leak: ${what()}`);
      }
      // A fuzzed logout, password change or user edit may end a session: sign in again.
      if (c.identity !== "anon" && (client.cookie === null || res.status === 401)) {
        clients[c.identity] = await signedIn(app.app, logins[c.identity]);
      }
    }
    console.info(
      `fuzz [${kind}]: ${cases.length} requests over ${ops.length} routes:`,
      Object.fromEntries([...statuses].sort()),
    );
    for (const [key, seen] of codes) console.info(key, [...seen].sort().join(", "));
    for (const failure of failures.slice(0, 200)) console.info(`FAILED ${failure}`);
    // Background report jobs started by the fuzz finish before the database goes.
    await expect
      .poll(
        async () => {
          const jobs = await clients.admin.request("GET", "/api/report-jobs");
          return (jobs.json?.items ?? []).filter(
            (j: { status: string }) => j.status === "queued" || j.status === "running",
          ).length;
        },
        { timeout: 60_000 },
      )
      .toBe(0);
    expect(cases.length).toBeGreaterThanOrEqual(RUNS[kind]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(failures).toEqual([]);
  }, 900_000);
});
