/**
 * When a survey takes an answer: only while open with a published version, from a page ticket no
 * older than its hours, the answering time running from the ticket's issue (the server's clock).
 */
import { DomainError } from "../errors.ts";

export interface CollectingFacts {
  /** null when the survey is gone. */
  status: string | null;
  publishedVersion: number | null;
}

/** Whether the survey takes answers now: open, and a version published to answer. */
export function isCollecting<S extends CollectingFacts>(
  survey: S,
): survey is S & { publishedVersion: number } {
  return survey.status === "open" && survey.publishedVersion !== null;
}

/** `survey.closed` unless the survey takes answers now. */
export function assertCollecting<S extends CollectingFacts>(
  survey: S,
  title: string,
): asserts survey is S & { publishedVersion: number } {
  if (!isCollecting(survey)) throw new DomainError("survey.closed", { title });
}

/** Whether a ticket issued at `issuedAt` is past its `hours` at `now`. */
export function ticketExpired(issuedAt: Date, now: Date, hours: number): boolean {
  return now.getTime() - issuedAt.getTime() > hours * 3600_000;
}

/**
 * When the answering began: the ticket's issue, or `now` when a server whose clock runs ahead
 * issued it (the time cannot be negative). What the phone says it started at is not asked.
 */
export function answeringStart(issuedAt: Date, now: Date): Date {
  return new Date(Math.min(issuedAt.getTime(), now.getTime()));
}
