/** Builds the region tree (nation → province → city → county) from a province/city/county code list. */

export type RegionLevel = "nation" | "province" | "city" | "county";

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  /** Codes from the nation down to this region, joined by "/", with a leading and trailing "/". */
  path: string;
}

export interface DivisionLists {
  province_list: Record<string, string>;
  city_list: Record<string, string>;
  county_list: Record<string, string>;
}

export const NATION_CODE = "000000";
export const NATION_NAME = "全国";

/**
 * Turns division lists keyed by 6-digit code into rows with parents and paths.
 * A county whose city is missing hangs under its province, as do municipalities' districts
 * where the list has no city row.
 */
export function buildRegionRows(lists: DivisionLists): RegionRow[] {
  const rows: RegionRow[] = [
    {
      code: NATION_CODE,
      name: NATION_NAME,
      level: "nation",
      parentCode: null,
      path: `/${NATION_CODE}/`,
    },
  ];
  const pathOf = new Map<string, string>([[NATION_CODE, `/${NATION_CODE}/`]]);
  const add = (code: string, name: string, level: RegionLevel, parentCode: string) => {
    const parentPath = pathOf.get(parentCode);
    if (parentPath === undefined) throw new Error(`region ${code}: parent ${parentCode} missing`);
    const path = `${parentPath}${code}/`;
    pathOf.set(code, path);
    rows.push({ code, name, level, parentCode, path });
  };
  for (const [code, name] of sorted(lists.province_list)) add(code, name, "province", NATION_CODE);
  for (const [code, name] of sorted(lists.city_list)) {
    add(code, name, "city", `${code.slice(0, 2)}0000`);
  }
  for (const [code, name] of sorted(lists.county_list)) {
    const city = `${code.slice(0, 4)}00`;
    add(code, name, "county", pathOf.has(city) ? city : `${code.slice(0, 2)}0000`);
  }
  return rows;
}

function sorted(list: Record<string, string>): [string, string][] {
  return Object.entries(list).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** True when `path` lies in the subtree rooted at the region whose path is `rootPath`. */
export function isWithin(path: string, rootPath: string): boolean {
  return path.startsWith(rootPath);
}
