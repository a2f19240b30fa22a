/** Synthetic programme data at national scale: real region codes, plausible figures, chosen errors. */
import { Decimal } from "../domain/decimal.ts";
import { formatWan } from "../domain/money.ts";
import type { RegionRow } from "../domain/regions.ts";
import type { DataFileRow } from "../xlsx/write.ts";

export interface GenOptions {
  counties: number;
  communitiesPerCounty: number;
  year: number;
  seed: number;
  /** Share of community rows that get one deliberate error (0 = none). */
  errorRate: number;
  /** Only counties of this province (6-digit code). */
  province?: string | undefined;
}

export interface GeneratedFile {
  dataset: string;
  rows: DataFileRow[];
}

export interface InjectedError {
  dataset: string;
  /** The sheet row the error lands on in the written file (title, header and notes come first). */
  row: number;
  column: string;
  what: string;
}

export interface Generated {
  files: GeneratedFile[];
  errors: InjectedError[];
  counties: number;
  communities: number;
}

/** Data rows start on sheet row 4 of a data file: title, header, notes. */
export const FIRST_DATA_ROW = 4;

/** mulberry32: a small, fast, well-distributed 32-bit PRNG; the same seed gives the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = [
  "人民路",
  "解放路",
  "建设路",
  "中山路",
  "文化路",
  "和平路",
  "胜利街",
  "新华街",
  "红旗路",
  "东风路",
  "纺织厂",
  "机械厂",
  "供销社",
  "粮食局",
  "电业局",
  "铁路",
  "教育局",
  "卫生局",
  "棉纺厂",
  "化肥厂",
  "光明",
  "幸福",
  "团结",
  "朝阳",
  "向阳",
  "农机厂",
  "食品厂",
  "印刷厂",
  "水泥厂",
  "邮电局",
];
const KINDS = ["家属院", "小区", "宿舍", "新村", "花园", "公寓", "里"];

const ERROR_KINDS = [
  { column: "households", what: "非数字户数「三百」" },
  { column: "region", what: "不存在的地区「不存在县」" },
  { column: "content", what: "不在可选范围的改造内容「豪华类」" },
  { column: "name", what: "缺少小区名称" },
  { column: "investCentral", what: "负数金额「-5」" },
  { column: "startedOn", what: "无效日期「2024-02-30」" },
  { column: "name", what: "同一区县内重复的小区名称" },
] as const;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function dateAfter(year: number, dayOfYear: number): string {
  const d = new Date(Date.UTC(year, 0, 1) + dayOfYear * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Real counties, chosen deterministically: development zones and grouping rows left out. */
function pickCounties(
  regions: readonly RegionRow[],
  o: GenOptions,
  next: () => number,
): RegionRow[] {
  const pool = regions
    .filter((r) => r.level === "county")
    .filter((r) => !/开发区|高新|新区管委会|示范区|管理区|经济区/.test(r.name))
    .filter((r) => !o.province || r.path.includes(`/${o.province}/`));
  for (let i = pool.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [pool[i], pool[j]] = [pool[j] as RegionRow, pool[i] as RegionRow];
  }
  return pool.slice(0, o.counties).sort((a, b) => (a.code < b.code ? -1 : 1));
}

const labelOf = (r: RegionRow) => `${r.name}（${r.code}）`;

const wan = (yuan: Decimal) => formatWan(yuan, "half-up-2");

interface CountyTotals {
  communities: number;
  buildings: number;
  households: number;
  area: Decimal;
}

export function generate(regions: readonly RegionRow[], o: GenOptions): Generated {
  const next = rng(o.seed);
  const normal = () => {
    const u = Math.max(next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const counties = pickCounties(regions, o, next);
  const communities: DataFileRow[] = [];
  const errors: InjectedError[] = [];
  const totals = new Map<string, CountyTotals>();

  for (const county of counties) {
    const count = Math.max(1, Math.round(o.communitiesPerCounty * (0.5 + next())));
    const used = new Set<string>();
    const t: CountyTotals = { communities: 0, buildings: 0, households: 0, area: new Decimal(0) };
    for (let i = 0; i < count; i += 1) {
      let name = `${PLACES[Math.floor(next() * PLACES.length)]}${KINDS[Math.floor(next() * KINDS.length)]}`;
      for (let n = 2; used.has(name); n += 1) name = `${name.replace(/\d+号院$/, "")}${n}号院`;
      used.add(name);
      const households = Math.min(
        3000,
        Math.max(30, Math.round(Math.exp(Math.log(250) + 0.6 * normal()))),
      );
      const buildings = Math.max(1, Math.round(households / 25 + next() * 2));
      const area = households * (75 + Math.floor(next() * 21));
      const built = next() < 0.05 ? 2001 + Math.floor(next() * 5) : 1975 + Math.floor(next() * 26);
      const content = [
        "basic",
        ...(next() < 0.6 ? ["improvement"] : []),
        ...(next() < 0.2 ? ["upgrade"] : []),
      ];
      const total = new Decimal(area).times(250 + Math.floor(next() * 351));
      const share = (p: string) => wan(total.times(p));
      const approved = 5 + Math.floor(next() * 60);
      const tendered = approved + 15 + Math.floor(next() * 30);
      const started = tendered + 10 + Math.floor(next() * 30);
      const accepted = started + 90 + Math.floor(next() * 110);
      const r = next();
      const status =
        r < 0.1 ? "planned" : r < 0.4 ? "in-progress" : r < 0.85 ? "accepted" : "settled";
      const values: Record<string, string | null> = {
        name,
        address: `${county.name}${PLACES[Math.floor(next() * PLACES.length)]}${1 + Math.floor(next() * 200)}号`,
        builtYear: String(built),
        households: String(households),
        buildings: String(buildings),
        area: String(area),
        content: content.join(","),
        investCentral: share("0.5"),
        investProvincial: share("0.1"),
        investLocal: share("0.25"),
        investSocial: share("0.05"),
        investResidents: share("0.05"),
        investUtilities: share("0.05"),
        approvedOn: dateAfter(o.year, approved),
        tenderedOn: status === "planned" ? null : dateAfter(o.year, tendered),
        startedOn: status === "planned" ? null : dateAfter(o.year, started),
        acceptedOn:
          status === "accepted" || status === "settled" ? dateAfter(o.year, accepted) : null,
        settledOn: status === "settled" ? dateAfter(o.year, accepted + 30) : null,
        status,
      };
      // Names with codes: county names repeat across the country (朝阳区), codes do not.
      const row: DataFileRow = { regionName: labelOf(county), values };
      if (o.errorRate > 0 && next() < o.errorRate) {
        const kind = ERROR_KINDS[Math.floor(next() * ERROR_KINDS.length)] ?? ERROR_KINDS[0];
        const previous = communities[communities.length - 1];
        const duplicate = kind.what.startsWith("同一区县") && i > 0 && previous;
        if (kind.column === "households") values.households = "三百";
        else if (kind.column === "region") row.regionName = "不存在县";
        else if (kind.column === "content") values.content = "豪华类";
        else if (kind.column === "investCentral") values.investCentral = "-5";
        else if (kind.column === "startedOn") values.startedOn = "2024-02-30";
        else if (duplicate) values.name = previous.values.name ?? null;
        else values.name = null;
        const what = kind.column === "name" && !duplicate ? "缺少小区名称" : kind.what;
        errors.push({
          dataset: "communities",
          row: FIRST_DATA_ROW + communities.length,
          column: kind.column,
          what,
        });
      } else {
        t.communities += 1;
        t.households += households;
        t.buildings += buildings;
        t.area = t.area.plus(area);
      }
      communities.push(row);
    }
    totals.set(county.code, t);
  }
  return {
    files: [
      ...programmeFiles(counties, totals, byCode, o, next),
      { dataset: "communities", rows: communities },
    ],
    errors,
    counties: counties.length,
    communities: communities.length,
  };
}

/** The province-level programme, its funds, and the per-region data derived from the communities. */
function programmeFiles(
  counties: readonly RegionRow[],
  totals: Map<string, CountyTotals>,
  byCode: Map<string, RegionRow>,
  o: GenOptions,
  next: () => number,
): GeneratedFile[] {
  const provinceOf = (county: RegionRow) =>
    byCode.get(`${county.code.slice(0, 2)}0000`) as RegionRow;
  const provinces = [...new Map(counties.map((c) => [provinceOf(c).code, provinceOf(c)])).values()];
  const programme = (p: RegionRow) => `${o.year}年${p.name}城镇老旧小区改造补助资金`;
  const programmes = provinces.map((p) => ({
    regionName: p.name,
    values: {
      name: programme(p),
      department: `${p.name}住房和城乡建设厅`,
      evaluationType: "self",
      annualGoal: "完成年度城镇老旧小区改造任务，改善居民居住条件",
    },
  }));
  const funds: DataFileRow[] = [];
  const allocations: DataFileRow[] = [];
  for (const p of provinces) {
    const central = 20000 + Math.floor(next() * 200000);
    funds.push({
      regionName: p.name,
      values: { programme: programme(p), source: "central", amount: String(central) },
    });
    funds.push({
      regionName: p.name,
      values: {
        programme: programme(p),
        source: "provincial",
        amount: String(Math.round(central * 0.2)),
      },
    });
  }
  const planActual: DataFileRow[] = [];
  const satisfaction: DataFileRow[] = [];
  for (const county of counties) {
    const t = totals.get(county.code);
    if (!t) continue;
    const p = provinceOf(county);
    const budget = 500 + Math.floor(next() * 5000);
    const spent = new Decimal(budget).times(next()).toDecimalPlaces(2);
    allocations.push({
      regionName: labelOf(county),
      values: {
        programme: programme(p),
        asOf: `${o.year}-12-31`,
        budget: String(budget),
        arrived: String(budget),
        spent: spent.toFixed(2),
      },
    });
    const plan = (n: number) => String(Math.max(0, Math.round(n * (0.9 + next() * 0.15))));
    planActual.push({
      regionName: labelOf(county),
      values: {
        stage: "started",
        planCommunities: plan(t.communities),
        planBuildings: plan(t.buildings),
        planHouseholds: plan(t.households),
        planArea: t.area.div(10000).toDecimalPlaces(2).toFixed(2),
        actualCommunities: String(t.communities),
        actualBuildings: String(t.buildings),
        actualHouseholds: String(t.households),
        actualArea: t.area.div(10000).toFixed(4).replace(/0+$/, "").replace(/\.$/, ""),
        asOf: `${o.year}-12-31`,
      },
    });
    const valid = 100 + Math.floor(next() * 400);
    const satisfied = Math.round(valid * (0.8 + next() * 0.19));
    satisfaction.push({
      regionName: labelOf(county),
      values: {
        validResponses: String(valid),
        satisfied: String(satisfied),
        rate: new Decimal(satisfied).div(valid).times(100).toDecimalPlaces(2).toFixed(2),
        method: "现场问卷",
      },
    });
  }
  return [
    { dataset: "programmes", rows: programmes },
    { dataset: "funds", rows: funds },
    { dataset: "allocations", rows: allocations },
    { dataset: "plan-actual", rows: planActual },
    { dataset: "satisfaction", rows: satisfaction },
  ];
}
