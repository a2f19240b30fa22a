// region_ancestors, kept by triggers on regions: subtrees, ancestors, inserts, moves and deletes, the
// migration's backfill, on both databases.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeOnBothDatabases } from "../../test/helpers/databases.ts";
import { MIGRATIONS_DIR, queryRows } from "./index.ts";

describeOnBothDatabases("region_ancestors", (db) => {
  const subtree = async (code: string) =>
    (
      await queryRows<{ code: string }>(
        db().db,
        sql`select region_code as code from region_ancestors where ancestor_code = ${code} order by 1`,
      )
    ).map((r) => r.code);
  const ancestors = async (code: string) =>
    (
      await queryRows<{ code: string; depth: number }>(
        db().db,
        sql`select ancestor_code as code, depth from region_ancestors where region_code = ${code} order by depth`,
      )
    ).map((r) => `${r.code}:${r.depth}`);
  const byPath = async (path: string) =>
    (
      await queryRows<{ code: string }>(
        db().db,
        sql`select code from regions where path like ${`${path}%`} order by 1`,
      )
    ).map((r) => r.code);

  it("holds every region's ancestors from its path, itself at depth 0", async () => {
    expect(await ancestors("440103")).toEqual(["440103:0", "440100:1", "440000:2", "000000:3"]);
    expect(await ancestors("000000")).toEqual(["000000:0"]);
    const [counts] = await queryRows<{ regions: number; rows: number; expected: number }>(
      db().db,
      sql`select (select count(*)::int from regions) as regions,
        (select count(*)::int from region_ancestors) as rows,
        (select sum(array_length(string_to_array(trim(both '/' from path), '/'), 1))::int from regions) as expected`,
    );
    expect(counts?.regions).toBeGreaterThan(3000);
    expect(counts?.rows).toBe(counts?.expected);
  });

  it("finds the same subtree as the path prefix", async () => {
    const guangdong = await subtree("440000");
    expect(guangdong).toEqual(await byPath("/000000/440000/"));
    expect(guangdong).toContain("440103");
    expect(guangdong.length).toBeGreaterThan(100);
    expect(await subtree("440100")).toEqual(await byPath("/000000/440000/440100/"));
  });

  it("follows an insert, a move of a city with its counties, and a delete", async () => {
    await db().db.execute(
      sql`insert into regions (code, name, level, parent_code, path)
        values ('449901', '试验市', 'city', '440000', '/000000/440000/449901/'),
               ('449902', '试验县', 'county', '449901', '/000000/440000/449901/449902/')`,
    );
    expect(await ancestors("449902")).toEqual(["449902:0", "449901:1", "440000:2", "000000:3"]);
    // Move the city under Guangxi: its own path and its county's, in one statement.
    await db().db.execute(
      sql`update regions set path = replace(path, '/440000/', '/450000/'),
        parent_code = case when code = '449901' then '450000' else parent_code end
        where path like '/000000/440000/449901/%'`,
    );
    expect(await ancestors("449902")).toEqual(["449902:0", "449901:1", "450000:2", "000000:3"]);
    expect(await subtree("440000")).not.toContain("449902");
    expect(await subtree("450000")).toEqual(expect.arrayContaining(["449901", "449902"]));
    expect(await subtree("450000")).toEqual(await byPath("/000000/450000/"));
    await db().db.execute(sql`delete from regions where code in ('449901', '449902')`);
    expect(await ancestors("449902")).toEqual([]);
    expect(await subtree("450000")).toEqual(await byPath("/000000/450000/"));
  });

  it("is rebuilt by the migration's backfill exactly as the triggers keep it", async () => {
    const before = await queryRows(
      db().db,
      sql`select region_code, ancestor_code, depth from region_ancestors order by 1, 2`,
    );
    const migration = readFileSync(
      join(MIGRATIONS_DIR, "0015_region_ancestors_data_versions.sql"),
      "utf8",
    );
    const backfill = migration
      .split("--> statement-breakpoint")
      .map((s) => s.trim())
      .find((s) => s.startsWith("INSERT INTO region_ancestors"));
    expect(backfill).toBeDefined();
    await db().db.transaction(async (tx) => {
      await tx.execute(sql`delete from region_ancestors`);
      await tx.execute(sql.raw(backfill as string));
    });
    expect(
      await queryRows(
        db().db,
        sql`select region_code, ancestor_code, depth from region_ancestors order by 1, 2`,
      ),
    ).toEqual(before);
  });
});
