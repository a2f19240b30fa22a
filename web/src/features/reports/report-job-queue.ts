/** A queued report job's place in words: 「排队中，前面还有 N 个」, N the jobs that start before it. */
import type { ReportJobT } from "../../../../src/shared/report-schemas.ts";
import type { Translate } from "../../i18n/translate.ts";

export function queueText(job: Pick<ReportJobT, "queuePlace">, t: Translate): string {
  if (job.queuePlace === null || job.queuePlace <= 1) return t("jobs.queueNext");
  return t("jobs.queueAhead", { n: job.queuePlace - 1 });
}
