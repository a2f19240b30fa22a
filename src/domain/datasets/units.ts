/** Units a header or a cell may declare, with their exact factor to the family's base unit. */
import type { UnitFamily } from "./types.ts";

export interface UnitDef {
  /** The unit as Jixiao writes it. */
  name: string;
  family: UnitFamily;
  /** How many base units (元, m²) one of this unit is: an exact decimal string. */
  factor: string;
  aliases: readonly string[];
}

export const UNITS: readonly UnitDef[] = [
  { name: "元", family: "money", factor: "1", aliases: ["人民币元"] },
  { name: "万元", family: "money", factor: "10000", aliases: [] },
  { name: "亿元", family: "money", factor: "100000000", aliases: [] },
  { name: "平方米", family: "area", factor: "1", aliases: ["m²", "m2", "㎡", "平米"] },
  {
    name: "万平方米",
    family: "area",
    factor: "10000",
    aliases: ["万m²", "万m2", "万㎡", "万平米"],
  },
  { name: "分", family: "points", factor: "1", aliases: [] },
];

export const BASE_UNIT: Record<UnitFamily, string> = { money: "元", area: "平方米", points: "分" };

/** The units of a family in words, for messages: 「元、万元或亿元」. */
export function unitsInWords(family: UnitFamily): string {
  const names = unitsOf(family).map((u) => u.name);
  if (names.length === 1) return names[0] ?? "";
  return `${names.slice(0, -1).join("、")}或${names.at(-1)}`;
}

/** The unit a text names (after NFKC and trimming), or undefined. */
export function findUnit(text: string): UnitDef | undefined {
  const t = text.normalize("NFKC").replace(/\s+/g, "");
  const same = (a: string) => a.normalize("NFKC") === t;
  return UNITS.find((u) => same(u.name) || u.aliases.some(same));
}

export function unitsOf(family: UnitFamily): UnitDef[] {
  return UNITS.filter((u) => u.family === family);
}
