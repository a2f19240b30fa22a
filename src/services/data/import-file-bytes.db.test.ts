// The uploaded file is kept byte for byte (it travels as base64 text both ways) and a commit reads it back.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { community, dataFile } from "../../../test/helpers/data-files.ts";
import { describeOnBothDatabases } from "../../../test/helpers/databases.ts";
import { addUser } from "../../../test/helpers/fixtures.ts";
import { dataImports } from "../../db/schema.ts";
import type { ServiceContext } from "../context.ts";
import { commitImport, previewImport } from "./import-service.ts";
import { getRegion } from "./region-service.ts";

const YICHENG = "411702"; // 驿城区

describeOnBothDatabases("an import's stored file", (db) => {
  let county: ServiceContext;

  beforeAll(async () => {
    const user = await addUser(db(), "bytes.clerk", "implementer", YICHENG);
    const { path } = await getRegion(db().db, YICHENG);
    county = {
      actor: {
        userId: user.id,
        username: "bytes.clerk",
        role: "implementer",
        regionCode: YICHENG,
        regionPath: path,
      },
      ip: null,
      requestId: null,
    };
  });

  describe("preview and commit", () => {
    it("stores the uploaded bytes exactly, every byte value included, and commits from them", async () => {
      const xlsx = await dataFile(
        "communities",
        Array.from({ length: 300 }, (_, i) => community("驿城区", `字节小区${i + 1}`)),
        { year: 2020, scopeName: "驿城区" },
      );
      const preview = await previewImport(db().db, county, {
        dataset: "communities",
        regionCode: YICHENG,
        year: 2020,
        fileName: "字节.xlsx",
        bytes: xlsx,
      });
      const [stored] = await db()
        .db.select({ file: dataImports.file, length: sql<number>`octet_length(file)` })
        .from(dataImports)
        .where(eq(dataImports.id, preview.importId));
      expect(Number(stored?.length)).toBe(xlsx.byteLength);
      expect(Buffer.from(stored?.file ?? []).equals(Buffer.from(xlsx))).toBe(true);
      // A zip holds every byte value: the base64 path loses none.
      expect(new Set(stored?.file).size).toBe(256);
      const committed = await commitImport(db().db, county, preview.importId);
      expect(committed).toMatchObject({ status: "committed", added: 300, changed: 0 });
    });
  });
});
