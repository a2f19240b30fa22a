/** The committed JSON Schemas of framework and input files match the zod schemas that validate them. */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { frameworkJsonSchema, inputJsonSchema } from "../../src/domain/frameworks/index.ts";

const dir = fileURLToPath(new URL("../../frameworks/schema/", import.meta.url));
const biome = fileURLToPath(new URL("../../node_modules/.bin/biome", import.meta.url));
const files = [
  ["framework.schema.json", frameworkJsonSchema],
  ["input.schema.json", inputJsonSchema],
] as const;

describe("frameworks/schema", () => {
  // To regenerate after changing a schema: UPDATE_SCHEMAS=1 npx vitest run test/scoring/json-schema.test.ts
  // The files are compared as JSON: Biome, not JSON.stringify, decides their layout.
  it.each(files)("%s is up to date", (name, generate) => {
    const file = `${dir}${name}`;
    if (process.env.UPDATE_SCHEMAS === "1") {
      writeFileSync(file, `${JSON.stringify(generate(), null, 2)}\n`);
      execFileSync(biome, ["format", "--write", file]);
    }
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(generate());
  });

  it("describes the rule types and the decimal format", () => {
    const schema = JSON.stringify(frameworkJsonSchema());
    for (const type of ["completion-band", "shortfall", "threshold", "composite", "expert"]) {
      expect(schema).toContain(`"const":"${type}"`);
    }
    expect(schema).toContain('"pattern":"^-?\\\\d+(\\\\.\\\\d+)?$"');
  });
});
