/**
 * One review workflow (draft → submitted → returned → approved, reopened with a reason) and the table
 * engine it runs on: a flow lists its actions, each with the statuses it leaves, the status it leads
 * to and the rules that may refuse it. transition() and allowedActions() read the same table, so what
 * a page offers and what the server accepts cannot disagree.
 */
import type { DomainError } from "../errors.ts";

export const REVIEW_STATUSES = ["draft", "submitted", "returned", "approved"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Who acts; the service works out the two flags from the role and the regions. */
export interface FlowActor {
  /** Null for the system (console, seeding). */
  userId: number | null;
  /** May change and submit this subject. */
  canEdit: boolean;
  /** May return and approve this subject. */
  canReview: boolean;
}

/** What the person acting brings with a step. */
export interface FlowInput {
  /** Comments per part (and "" for the whole) when returning. */
  comments?: Readonly<Record<string, string>> | undefined;
  /** Why: a return's comment, a reopening's reason. */
  reason?: string | undefined;
}

/** A rule that may refuse a step: the refusal, or null to let it pass. */
export type Rule<Subject> = (actor: FlowActor, subject: Subject) => DomainError | null;

export interface Step<Status extends string, Subject> {
  /** The statuses the step may be taken from. */
  from: readonly Status[];
  /** The status it leads to; absent when it leaves the status as it is. */
  to?: Status;
  /** Checked in order after the status: who acts, then the subject's own conditions. */
  rules?: readonly Rule<Subject>[];
  /** What the input must hold (checked last, and not by allowedActions: the input comes with the step). */
  needs?: (input: FlowInput) => DomainError | null;
}

export interface Flow<Status extends string, Action extends string, Subject> {
  /** The actions in the order a page shows them. */
  actions: readonly Action[];
  steps: { readonly [A in Action]: Step<Status, Subject> };
  /** The refusal of an action the status does not allow. */
  refuseStatus: (status: Status, action: Action) => DomainError;
}

/** Throws when the subject's status does not allow the action (before anything else is checked). */
export function assertFrom<Status extends string, Action extends string, Subject>(
  flow: Flow<Status, Action, Subject>,
  status: Status,
  action: Action,
): void {
  if (!flow.steps[action].from.includes(status)) throw flow.refuseStatus(status, action);
}

function refusal<Status extends string, Action extends string, Subject extends { status: Status }>(
  flow: Flow<Status, Action, Subject>,
  subject: Subject,
  action: Action,
  actor: FlowActor,
): DomainError | null {
  const step = flow.steps[action];
  if (!step.from.includes(subject.status)) return flow.refuseStatus(subject.status, action);
  for (const rule of step.rules ?? []) {
    const refused = rule(actor, subject);
    if (refused) return refused;
  }
  return null;
}

/** The status after an action, or the DomainError that says why it may not happen. */
export function transition<
  Status extends string,
  Action extends string,
  Subject extends { status: Status },
>(
  flow: Flow<Status, Action, Subject>,
  subject: Subject,
  action: Action,
  actor: FlowActor,
  input: FlowInput = {},
): Status {
  const refused =
    refusal(flow, subject, action, actor) ?? flow.steps[action].needs?.(input) ?? null;
  if (refused) throw refused;
  return flow.steps[action].to ?? subject.status;
}

/** The actions this actor may take on the subject now, in the flow's order. */
export function allowedActions<
  Status extends string,
  Action extends string,
  Subject extends { status: Status },
>(flow: Flow<Status, Action, Subject>, actor: FlowActor, subject: Subject): Action[] {
  return flow.actions.filter((action) => refusal(flow, subject, action, actor) === null);
}

/** Only those who may edit. */
export function byEditor<Subject>(refuse: (subject: Subject) => DomainError): Rule<Subject> {
  return (actor, subject) => (actor.canEdit ? null : refuse(subject));
}

/** Only those who may review. */
export function byReviewer<Subject>(refuse: (subject: Subject) => DomainError): Rule<Subject> {
  return (actor, subject) => (actor.canReview ? null : refuse(subject));
}

/** What the review steps need to know about their subject. */
export interface ReviewSubject {
  status: ReviewStatus;
  submittedBy: number | null;
  approvedBy: number | null;
}

/** A subject's own words for the review steps' refusals. */
export interface ReviewRefusals<Subject> {
  notEditor: (subject: Subject) => DomainError;
  notReviewer: (subject: Subject, action: "return" | "approve" | "reopen") => DomainError;
  selfApproval: () => DomainError;
  notApprover: () => DomainError;
  /** Checks the comments of a return. */
  returnNeeds: (input: FlowInput) => DomainError | null;
  /** Checks the reason of a reopening. */
  reopenNeeds: (input: FlowInput) => DomainError | null;
  /** Whether the system (no user) may reopen what it did not approve. */
  systemReopens: boolean;
}

/** The editable statuses: a draft and what came back. */
export const EDITABLE: readonly ReviewStatus[] = ["draft", "returned"];

/**
 * The review steps: save and submit by an editor while editable; return (with comments) and approve by
 * a reviewer once submitted, never by the submitter; reopen by the approver, with a reason, while
 * still a reviewer of it (an approver since made a viewer, or moved away, may no longer reopen).
 */
export function reviewSteps<Subject extends ReviewSubject>(r: ReviewRefusals<Subject>) {
  const editor = byEditor(r.notEditor);
  const notBySubmitter: Rule<Subject> = (actor, subject) =>
    actor.userId !== null && actor.userId === subject.submittedBy ? r.selfApproval() : null;
  const byApprover: Rule<Subject> = (actor, subject) =>
    (actor.userId === null ? !r.systemReopens : actor.userId !== subject.approvedBy)
      ? r.notApprover()
      : null;
  return {
    save: { from: EDITABLE, rules: [editor] },
    submit: { from: EDITABLE, to: "submitted", rules: [editor] },
    return: {
      from: ["submitted"],
      to: "returned",
      rules: [byReviewer((s: Subject) => r.notReviewer(s, "return"))],
      needs: r.returnNeeds,
    },
    approve: {
      from: ["submitted"],
      to: "approved",
      rules: [byReviewer((s: Subject) => r.notReviewer(s, "approve")), notBySubmitter],
    },
    reopen: {
      from: ["approved"],
      to: "returned",
      rules: [byApprover, byReviewer((s: Subject) => r.notReviewer(s, "reopen"))],
      needs: r.reopenNeeds,
    },
  } as const satisfies Record<string, Step<ReviewStatus, Subject>>;
}

/** A refusal unless some comment is not blank. */
export function needsComments(refuse: () => DomainError) {
  return (input: FlowInput): DomainError | null =>
    Object.values(input.comments ?? {}).some((c) => c.trim() !== "") ? null : refuse();
}

/** A refusal unless the reason is not blank. */
export function needsReason(refuse: () => DomainError) {
  return (input: FlowInput): DomainError | null => (input.reason?.trim() ? null : refuse());
}
