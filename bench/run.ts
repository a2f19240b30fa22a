/** `npm run bench`: runs every benchmark and prints its figures. */
import { runScoreBenchmark } from "./score.ts";

const ms = (value: number) => `${Math.round(value)} ms`;
const score = runScoreBenchmark();
console.log(
  [
    `bench/score: ${score.counties} counties × ${score.indicators} indicators`,
    `  validate inputs (zod):        ${ms(score.validateMs)}`,
    `  score, decimal + reasons:     ${ms(score.decimalMs)}`,
    `  score, float baseline:        ${ms(score.floatMs)}`,
    `  ratio decimal ÷ float:        ${Math.round(score.ratio * 10) / 10}×`,
    `  goal: scoring under 1000 ms on one core — ${score.decimalMs < 1000 ? "met" : "NOT met"}`,
  ].join("\n"),
);
