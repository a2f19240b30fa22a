/** The satisfaction rate (满意度) of valid questionnaires, its 95% margin of error, by group and rolled up over regions. */
import { Decimal, formatPercent, ONE, ZERO } from "../decimal.ts";
import { DomainError } from "../errors.ts";
import type { NormalisedAnswer } from "./check-answer.ts";
import {
  type Questionnaire,
  questionsOf,
  type RatingQuestion,
  type SatisfactionMethod,
  satisfiedOf,
  scaleOf,
} from "./questionnaire-schema.ts";

/** An accepted answer and whether it counts (the effective validity, override included). */
export interface JudgedAnswer {
  answer: NormalisedAnswer;
  valid: boolean;
}

/**
 * What one observation is. `answers`: every rating answer to a satisfaction question counts once
 * (a questionnaire with 9 such answers gives 9). `questionnaires`: each valid questionnaire counts
 * once, by its answer to the overall question (satisfaction.overall), as "综合满意度 82.75% of 458
 * 有效问卷" reads.
 */
export type RateUnit = "answers" | "questionnaires";

export interface SatisfactionOptions {
  unit: RateUnit;
  /** Overrides the questionnaire's method. */
  method?: SatisfactionMethod;
  /** Households (or residents) surveyed from: applies the finite population correction. */
  population?: number;
}

export interface SatisfactionRate {
  method: SatisfactionMethod;
  unit: RateUnit;
  /** Valid questionnaires counted. */
  valid: number;
  /** Questionnaires left out as invalid. */
  excluded: number;
  /** Observations the rate is over: answers or questionnaires, per `unit`. */
  sample: number;
  /** share: observations that are satisfied. */
  satisfied?: number;
  /** mean-score: the mean score, the top of the scale and the sample standard deviation. */
  meanScore?: Decimal;
  maxScore?: number;
  standardDeviation?: Decimal;
  /** The rate as a fraction; null without any observation. */
  rate: Decimal | null;
  /** The rate in percent with two decimals (formatPercent, half-up): "82.75". */
  ratePercent: string | null;
  /** Half the width of the 95% confidence interval, as a fraction; null when it cannot be estimated. */
  marginOfError: Decimal | null;
  marginOfErrorPercent: string | null;
  population?: number;
  /** √((N − n)/(N − 1)), n the respondents, when a population was given. */
  finitePopulationCorrection?: Decimal;
}

/** z of a two-sided 95% interval, as survey reports quote it. */
export const Z_95 = new Decimal("1.96");

/**
 * The rate over the VALID answers (invalid ones are only counted as excluded); the answers must have
 * passed checkAnswer, so hidden questions carry no answer.
 */
export function satisfactionRate(
  questionnaire: Questionnaire,
  answers: readonly JudgedAnswer[],
  options: SatisfactionOptions,
): SatisfactionRate {
  const method = options.method ?? questionnaire.satisfaction.method;
  const valid = answers.filter((a) => a.valid);
  const questions = rateQuestions(questionnaire, options.unit);

  // One observation per rating answer; `respondents` are the questionnaires that gave any.
  const observations: { score: number; satisfied: boolean; max: number }[] = [];
  let respondents = 0;
  for (const { answer } of valid) {
    let gave = false;
    for (const question of questions) {
      const key = answer.answers[question.key];
      const option = scaleOf(question).find((o) => o.key === key);
      if (!option) continue;
      gave = true;
      observations.push({
        score: option.score,
        satisfied: satisfiedOf(question).includes(option.key),
        max: Math.max(...scaleOf(question).map((o) => o.score)),
      });
    }
    if (gave) respondents += 1;
  }

  const n = observations.length;
  const result: SatisfactionRate = {
    method,
    unit: options.unit,
    valid: valid.length,
    excluded: answers.length - valid.length,
    sample: n,
    rate: null,
    ratePercent: null,
    marginOfError: null,
    marginOfErrorPercent: null,
  };
  let standardError: Decimal | null = null;
  if (method === "share") {
    const satisfied = observations.filter((o) => o.satisfied).length;
    result.satisfied = satisfied;
    if (n > 0) {
      const p = new Decimal(satisfied).div(n);
      result.rate = p;
      standardError = p.times(ONE.minus(p)).div(n).sqrt();
    }
  } else if (n > 0) {
    // Validation makes every satisfaction question share one top score.
    const max = observations[0]?.max ?? 1;
    const mean = observations.reduce((sum, o) => sum.plus(o.score), ZERO).div(n);
    result.meanScore = mean;
    result.maxScore = max;
    result.rate = mean.div(max);
    if (n > 1) {
      const squares = observations.reduce((sum, o) => sum.plus(mean.minus(o.score).pow(2)), ZERO);
      const s = squares.div(n - 1).sqrt();
      result.standardDeviation = s;
      standardError = s.div(new Decimal(n).sqrt()).div(max);
    }
  }

  if (options.population !== undefined) {
    const fpc = finitePopulationCorrection(options.population, respondents);
    result.population = options.population;
    result.finitePopulationCorrection = fpc;
    if (standardError) standardError = standardError.times(fpc);
  }
  if (result.rate) result.ratePercent = formatPercent(result.rate);
  if (standardError) {
    result.marginOfError = Z_95.times(standardError);
    result.marginOfErrorPercent = formatPercent(result.marginOfError);
  }
  return result;
}

function rateQuestions(questionnaire: Questionnaire, unit: RateUnit): RatingQuestion[] {
  const ratings = questionsOf(questionnaire).filter(
    (q): q is RatingQuestion => q.kind === "rating",
  );
  const spec = questionnaire.satisfaction;
  if (unit === "answers") return ratings.filter((q) => spec.questions.includes(q.key));
  const overall = ratings.find((q) => q.key === spec.overall);
  if (!overall) throw new DomainError("survey.no_satisfaction_overall");
  return [overall];
}

/**
 * √((N − n)/(N − 1)). n counts respondents, not answers: the population counts households, and one
 * household answers many questions.
 */
function finitePopulationCorrection(population: number, respondents: number): Decimal {
  if (!Number.isInteger(population) || population < respondents || population < 1)
    throw new DomainError("survey.population_too_small", {
      population,
      sample: respondents,
    });
  if (population === 1) return ZERO;
  return new Decimal(population - respondents).div(population - 1).sqrt();
}

export interface GroupRate {
  group: string;
  result: SatisfactionRate;
}

export interface GroupOptions extends Omit<SatisfactionOptions, "population"> {
  /** The population of a group (its households), for the finite population correction. */
  populationOf?: (group: string) => number | undefined;
}

/** The rate of each group (小区, 楼栋, 年龄段…), groups in the order they first appear. */
export function rateByGroup(
  questionnaire: Questionnaire,
  answers: readonly JudgedAnswer[],
  options: GroupOptions,
  groupOf: (answer: NormalisedAnswer) => string,
): GroupRate[] {
  const groups = new Map<string, JudgedAnswer[]>();
  for (const judged of answers) {
    const group = groupOf(judged.answer);
    const members = groups.get(group);
    if (members) members.push(judged);
    else groups.set(group, [judged]);
  }
  return [...groups].map(([group, members]) => ({
    group,
    result: satisfactionRate(questionnaire, members, withPopulation(options, group)),
  }));
}

export interface RollUpNode {
  /** The place's own name or code: 浙江省, 杭州市, 上城区, a 小区. */
  key: string;
  /** From the top: ["浙江省", "杭州市", "上城区"]. */
  path: readonly string[];
  result: SatisfactionRate;
  children: RollUpNode[];
}

export interface RollUpOptions extends Omit<SatisfactionOptions, "population"> {
  populationOf?: (path: readonly string[]) => number | undefined;
}

/**
 * Rates from the communities up to the province. A level POOLS the answers below it and computes
 * its rate from them: 90/100 and 10/50 give 100/150 = 66.67%, not the mean of the rates (55%),
 * which would let a community of 50 weigh as much as one of 100 and has no margin of error.
 * `placeOf` gives an answer's places from the top, e.g. [province, city, county, community].
 */
export function rollUpRates(
  questionnaire: Questionnaire,
  answers: readonly JudgedAnswer[],
  options: RollUpOptions,
  placeOf: (answer: NormalisedAnswer) => readonly string[],
): RollUpNode[] {
  interface Draft {
    key: string;
    path: string[];
    members: JudgedAnswer[];
    children: Map<string, Draft>;
  }
  const top = new Map<string, Draft>();
  for (const judged of answers) {
    let level = top;
    const path: string[] = [];
    for (const key of placeOf(judged.answer)) {
      path.push(key);
      let draft = level.get(key);
      if (!draft) {
        draft = { key, path: [...path], members: [], children: new Map() };
        level.set(key, draft);
      }
      draft.members.push(judged);
      level = draft.children;
    }
  }
  const { populationOf, ...rest } = options;
  const finish = (draft: Draft): RollUpNode => {
    const population = populationOf?.(draft.path);
    return {
      key: draft.key,
      path: draft.path,
      result: satisfactionRate(
        questionnaire,
        draft.members,
        population === undefined ? rest : { ...rest, population },
      ),
      children: [...draft.children.values()].map(finish),
    };
  };
  return [...top.values()].map(finish);
}

function withPopulation(options: GroupOptions, group: string): SatisfactionOptions {
  const { populationOf, ...rest } = options;
  const population = populationOf?.(group);
  return population === undefined ? rest : { ...rest, population };
}
