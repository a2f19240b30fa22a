/** Published indicator score tables: points, scores, subtotals, the total and the grade. */
import { Decimal, ZERO } from "../decimal.ts";
import { DEFAULT_GRADE_BANDS, type Framework, GradeBand } from "../frameworks/index.ts";
import { gradedValue, gradeFor } from "../scoring/grades.ts";
import { groupBy, num, plain, type RuleContext } from "./context.ts";
import type { CheckRow } from "./types.ts";

interface Node {
  row: CheckRow;
  path: string[];
  name: string;
  parts: Node[];
}

const LEVELS = ["level1", "level2", "indicator"] as const;

function pathOf(row: CheckRow): string[] {
  return LEVELS.map((k) => row.values[k]).filter((v): v is string => !!v);
}

const isPrefix = (a: readonly string[], b: readonly string[]) =>
  a.length < b.length && a.every((x, i) => b[i] === x);

/** The table as a tree: each row's parts are the nearest rows below it. */
function buildTree(rows: readonly CheckRow[]): Node[] {
  const nodes = rows.map((row) => {
    const path = pathOf(row);
    return { row, path, name: path.at(-1) ?? "", parts: [] as Node[] };
  });
  const roots: Node[] = [];
  for (const node of nodes) {
    const ancestors = nodes.filter((a) => isPrefix(a.path, node.path));
    const parent = ancestors.reduce<Node | undefined>(
      (best, a) => (!best || a.path.length > best.path.length ? a : best),
      undefined,
    );
    if (parent) parent.parts.push(node);
    else roots.push(node);
  }
  return roots;
}

/** A node's points or score, or the sum of its parts' when it leaves the cell blank. */
function effective(node: Node, key: "points" | "score"): Decimal | undefined {
  const own = num(node.row, key);
  if (own) return own;
  if (node.parts.length === 0) return undefined;
  const values = node.parts.map((p) => effective(p, key));
  if (values.some((v) => v === undefined)) return undefined;
  return (values as Decimal[]).reduce((a, b) => a.plus(b), ZERO);
}

const total = (values: readonly Decimal[]) => values.reduce((a, b) => a.plus(b), ZERO);

export function checkScores(c: RuleContext): void {
  const programmes = new Map(c.rows("programmes").map((r) => [r.id, r]));
  const tables = groupBy(c.rows("scores"), (r) => `${r.regionCode}|${r.values.programme}`);
  for (const rows of tables.values()) {
    const programmeId = c.programmeOf(rows[0] as CheckRow);
    const programme = programmeId === null ? undefined : programmes.get(programmeId);
    const frameworkCode = programme?.values.framework;
    const framework = frameworkCode ? c.data.frameworks.get(frameworkCode) : undefined;
    const roots = buildTree(rows);
    for (const row of rows) checkAbovePoints(c, row);
    const walk = (node: Node) => {
      if (node.parts.length > 0) checkSubtotal(c, node);
      node.parts.forEach(walk);
    };
    roots.forEach(walk);
    if (framework?.weightRule === "equal-share") {
      for (const root of roots) checkEqualShare(c, root);
    }
    if (programme) checkTotal(c, programme, roots, framework);
  }
}

function checkAbovePoints(c: RuleContext, row: CheckRow): void {
  const points = num(row, "points");
  const score = num(row, "score");
  if (!points || !score || score.lte(points)) return;
  const name = pathOf(row).at(-1);
  c.add("score.above-points", {
    dataset: "scores",
    row,
    field: "score",
    message: {
      zh: `「${name}」得分 ${plain(score)} 分，超过其分值 ${plain(points)} 分`,
      en: `"${name}" scores ${plain(score)}, above its ${plain(points)} points`,
    },
    figures: { score: plain(score), points: plain(points) },
  });
}

function checkSubtotal(c: RuleContext, node: Node): void {
  const points = num(node.row, "points");
  const partPoints = node.parts.map((p) => effective(p, "points"));
  const names = node.parts.map((p) => p.name);
  if (partPoints.every((p) => p !== undefined)) {
    const sum = total(partPoints as Decimal[]);
    if (!points) {
      c.add("score.points-blank", {
        dataset: "scores",
        row: node.row,
        field: "points",
        message: {
          zh: `「${node.name}」的分值为空，其下 ${node.parts.length} 项指标分值合计 ${plain(sum)} 分`,
          en: `"${node.name}" has no points; its ${node.parts.length} indicators carry ${plain(sum)}`,
        },
        figures: { sumOfParts: plain(sum) },
      });
    } else if (!sum.equals(points)) {
      c.add("sum.scores", {
        dataset: "scores",
        row: node.row,
        field: "points",
        message: {
          zh: `「${node.name}」分值 ${plain(points)} 分，其下指标分值合计 ${plain(sum)} 分（${names.join("、")}）`,
          en: `"${node.name}" is worth ${plain(points)}, its indicators ${plain(sum)}`,
        },
        figures: { points: plain(points), sumOfParts: plain(sum) },
      });
    }
  }
  const score = num(node.row, "score");
  if (!score) return;
  const blanks = node.parts.filter((p) => effective(p, "score") === undefined);
  const known = total(
    node.parts.map((p) => effective(p, "score")).filter((v): v is Decimal => v !== undefined),
  );
  for (const blank of blanks) {
    c.add("score.blank-counted", {
      dataset: "scores",
      row: blank.row,
      field: "score",
      message: {
        zh: `「${blank.name}」得分为空，但「${node.name}」得 ${plain(score)} 分已将其计入（其余指标合计 ${plain(known)} 分）`,
        en: `"${blank.name}" has no score, yet "${node.name}" counts it in its ${plain(score)} (the others give ${plain(known)})`,
      },
      figures: { subtotal: plain(score), others: plain(known), missing: plain(score.minus(known)) },
    });
  }
  if (blanks.length > 0 || known.equals(score)) return;
  c.add("sum.scores", {
    dataset: "scores",
    row: node.row,
    field: "score",
    message: {
      zh: `「${node.name}」得分 ${plain(score)} 分，其下指标得分合计 ${plain(known)} 分`,
      en: `"${node.name}" scores ${plain(score)}, its indicators ${plain(known)}`,
    },
    figures: { score: plain(score), sumOfParts: plain(known) },
  });
}

function checkEqualShare(c: RuleContext, root: Node): void {
  const points = effective(root, "points");
  const parts = root.parts.map((p) => num(p.row, "points"));
  if (!points || parts.length === 0 || parts.some((p) => p === undefined)) return;
  const share = points.div(parts.length).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  if ((parts as Decimal[]).every((p) => p.equals(share))) return;
  c.add("score.equal-share", {
    dataset: "scores",
    row: root.row,
    field: "points",
    message: {
      zh: `「${root.name}」${plain(points)} 分、${parts.length} 项指标，按“各项指标分值＝该类总分值÷指标个数”每项应为 ${plain(share)} 分，表中为 ${(parts as Decimal[]).map(plain).join("、")} 分`,
      en: `"${root.name}": ${plain(points)} points over ${parts.length} indicators is ${plain(share)} each by the framework's rule, the table has ${(parts as Decimal[]).map(plain).join(", ")}`,
    },
    figures: {
      points: plain(points),
      indicators: String(parts.length),
      share: plain(share),
      weights: (parts as Decimal[]).map(plain).join("、"),
    },
  });
}

function checkTotal(
  c: RuleContext,
  programme: CheckRow,
  roots: Node[],
  framework: Framework | undefined,
): void {
  const published = num(programme, "publishedScore");
  const rootScores = roots.map((r) => effective(r, "score"));
  if (published && rootScores.every((s) => s !== undefined)) {
    const sum = total(rootScores as Decimal[]);
    if (!sum.equals(published)) {
      c.add("sum.score-total", {
        dataset: "programmes",
        row: programme,
        programmeId: programme.id,
        field: "publishedScore",
        message: {
          zh: `总分 ${plain(published)} 分，评分表各项得分合计 ${plain(sum)} 分（相差 ${plain(published.minus(sum))} 分）`,
          en: `The total is ${plain(published)}, the score table adds up to ${plain(sum)}`,
        },
        figures: { published: plain(published), sumOfScores: plain(sum) },
      });
    }
  }
  const rootPoints = roots.map((r) => effective(r, "points"));
  if (framework && rootPoints.every((p) => p !== undefined)) {
    const sum = total(rootPoints as Decimal[]);
    if (!sum.equals(framework.points)) {
      c.add("score.points-total", {
        dataset: "scores",
        row: roots[0]?.row,
        programmeId: programme.id,
        field: "points",
        message: {
          zh: `评分表各项分值合计 ${plain(sum)} 分，与指标体系总分 ${plain(new Decimal(framework.points))} 分不符`,
          en: `The points add up to ${plain(sum)}, not the framework's ${framework.points}`,
        },
        figures: { sumOfPoints: plain(sum), frameworkPoints: String(framework.points) },
      });
    }
  }
  checkGrade(c, programme, framework);
}

/** 财预〔2020〕10号's bands, for a programme without a framework. */
const NATIONAL_BANDS = DEFAULT_GRADE_BANDS.map((b) => GradeBand.parse(b));

function checkGrade(c: RuleContext, programme: CheckRow, framework: Framework | undefined): void {
  const published = num(programme, "publishedScore");
  const grade = programme.values.publishedGrade;
  if (!published || !grade) return;
  const value = framework ? gradedValue(framework, published) : published;
  const bands = framework?.grades.bands ?? NATIONAL_BANDS;
  const expected = gradeFor(value, bands);
  if (expected.label === grade) return;
  c.add("score.grade", {
    dataset: "programmes",
    row: programme,
    programmeId: programme.id,
    field: "publishedGrade",
    message: {
      zh: `总分 ${plain(published)} 分应评为“${expected.label}”（${expected.label} ≥ ${expected.min}），表中为“${grade}”`,
      en: `A total of ${plain(published)} grades as ${expected.en}, not ${grade}`,
    },
    figures: { published: plain(published), grade, expected: expected.label },
  });
}
