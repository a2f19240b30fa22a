/**
 * A grade as the reader's language names it. Sheets store the framework's Chinese label (优/良/中/差);
 * the four standard labels have catalogue words, any other label is the framework's own and is shown
 * as written.
 */
import type { Translate } from "../i18n/translate.ts";

const STANDARD = {
  优: "grade.excellent",
  良: "grade.good",
  中: "grade.fair",
  差: "grade.poor",
} as const;

export function gradeText(grade: string | null | undefined, t: Translate): string {
  if (grade === null || grade === undefined || grade === "") return "—";
  const key = STANDARD[grade as keyof typeof STANDARD];
  if (key) return t(key);
  // A framework's English grade ("good") reads as a label.
  return /^[a-z]/.test(grade) ? grade[0]?.toUpperCase() + grade.slice(1) : grade;
}
