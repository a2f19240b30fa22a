/** Scores a built-in framework's example input as the CLI does, for the golden tests. */
import { fileURLToPath } from "node:url";
import type { Locale } from "../../src/domain/errors.ts";
import { type Scorecard, scoreValidated } from "../../src/domain/scoring/index.ts";
import {
  readFrameworkFile,
  readInputFile,
} from "../../src/services/evaluations/framework-files.ts";

export const FRAMEWORKS_DIR = fileURLToPath(new URL("../../frameworks/", import.meta.url));

export function scoreBuiltin(name: string, locale: Locale = "zh-CN"): Scorecard {
  const framework = readFrameworkFile(`${FRAMEWORKS_DIR}${name}/framework.yaml`);
  const input = readInputFile(framework, `${FRAMEWORKS_DIR}${name}/example-input.yaml`);
  return scoreValidated(framework, input, { locale });
}

/** Code → score as a plain decimal string ("9.1", "15"), for comparing with published tables. */
export function scoresByCode(card: Scorecard, kind: "indicator" | "group"): Record<string, string> {
  return Object.fromEntries(
    card.nodes.filter((n) => n.kind === kind).map((n) => [n.code, n.score.toString()]),
  );
}
