/**
 * A survey's publish flow: publish the draft questionnaire (the survey opens, or stays open), close
 * collection, reopen it, delete a survey without answers. Every step is the editor's.
 */
import { DomainError } from "../errors.ts";
import { byEditor, type Flow } from "./review.ts";

export const SURVEY_FLOW_STATUSES = ["draft", "open", "closed"] as const;
export type SurveyFlowStatus = (typeof SURVEY_FLOW_STATUSES)[number];
export const SURVEY_FLOW_ACTIONS = ["publish", "close", "reopen", "delete"] as const;
export type SurveyFlowAction = (typeof SURVEY_FLOW_ACTIONS)[number];

/** What the flow needs to know about a survey. */
export interface SurveyState {
  status: SurveyFlowStatus;
  regionName: string;
  publishedVersion: number | null;
  /** A questionnaire version not published yet. */
  hasDraft: boolean;
  /** Answers collected (evidence of an evaluation: a survey with answers is kept). */
  answers: number;
}

const STATUS_ZH: Record<SurveyFlowStatus, string> = {
  draft: "草稿",
  open: "收集中",
  closed: "已关闭",
};
const ACTION_ZH: Record<SurveyFlowAction, string> = {
  publish: "发布",
  close: "关闭收集",
  reopen: "重新开放",
  delete: "删除",
};

function refuseStatus(status: SurveyFlowStatus, action: SurveyFlowAction): DomainError {
  return new DomainError("survey.transition", {
    status_zh: STATUS_ZH[status],
    status_en: status,
    action_zh: ACTION_ZH[action],
    action_en: action,
  });
}

const editor = byEditor(
  (survey: SurveyState) => new DomainError("survey.not_editor", { region: survey.regionName }),
);

export const SURVEY_FLOW: Flow<SurveyFlowStatus, SurveyFlowAction, SurveyState> = {
  actions: SURVEY_FLOW_ACTIONS,
  steps: {
    publish: {
      from: SURVEY_FLOW_STATUSES,
      to: "open",
      rules: [
        editor,
        (_, survey) => (survey.hasDraft ? null : new DomainError("survey.nothing_to_publish")),
      ],
    },
    close: { from: ["open"], to: "closed", rules: [editor] },
    reopen: {
      from: ["closed"],
      to: "open",
      rules: [
        editor,
        // Only what was published can collect again.
        (_, survey) => (survey.publishedVersion ? null : refuseStatus(survey.status, "reopen")),
      ],
    },
    delete: {
      from: SURVEY_FLOW_STATUSES,
      rules: [
        editor,
        (_, survey) =>
          survey.answers > 0
            ? new DomainError("survey.has_answers", { count: survey.answers })
            : null,
      ],
    },
  },
  refuseStatus,
};
