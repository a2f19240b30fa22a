/** Request and response shapes of satisfaction surveys (满意度调查): builder, collection points, answers, results. */
import { z } from "@hono/zod-openapi";
import { Id, IdParam, pathId, QueryId, RegionCode } from "./schemas.ts";

export const SurveyParams = IdParam;
export const SurveyCommunityParams = z.object({
  id: IdParam.shape.id,
  communityId: pathId("communityId"),
});
export const SurveyResponseParams = z.object({
  id: IdParam.shape.id,
  responseId: pathId("responseId"),
});
/** A collection point's public token: the part of /s/{token} a QR code carries. */
export const PublicTokenParams = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,40}$/)
    .openapi({ param: { name: "token", in: "path", required: true } }),
});

/** draft: being built, no public page; open: collecting; closed: the public page refuses answers. */
export const SURVEY_STATUSES = ["draft", "open", "closed"] as const;
export type SurveyStatusT = (typeof SURVEY_STATUSES)[number];
/** publish: freeze the draft questionnaire as a new version and open (or keep open) the survey. */
export const SURVEY_ACTIONS = ["publish", "close", "reopen"] as const;
export type SurveyActionT = (typeof SURVEY_ACTIONS)[number];
/** What a survey's page may offer: the publish flow's actions, and deleting a survey without answers. */
export const SURVEY_PAGE_ACTIONS = [...SURVEY_ACTIONS, "delete"] as const;
export const RESPONSE_MODES = ["online", "on-site"] as const;
export type ResponseModeT = (typeof RESPONSE_MODES)[number];

export const SurveyListQuery = z.object({
  year: z.coerce.number<string>().int().min(1900).max(2200).optional(),
  regionCode: RegionCode.optional(),
});

export const SurveySettings = z.object({
  /** questionnaires: each valid questionnaire once, by its overall question; answers: every satisfaction answer. */
  unit: z.enum(["questionnaires", "answers"]),
  /** share: 满意+基本满意 ÷ all; mean-score: mean score ÷ the scale's top. */
  method: z.enum(["share", "mean-score"]),
  /** Validity rules: fewer seconds is too fast; straight-lining from this many ratings; answered share. */
  minSeconds: z.number().int().min(0).max(3600),
  straightLineMin: z.number().int().min(2).max(100),
  minAnsweredShare: z.string().regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/),
  /** Answers accepted per network address per survey per hour (mobile networks share addresses). */
  ratePerHour: z.number().int().min(1).max(100000),
  /**
   * A device may send several questionnaires (a volunteer's phone or tablet at a collection point):
   * its later answers are not judged duplicates, and its page offers 再填写一份. Off unless set.
   */
  sharedDevices: z.boolean().optional(),
});
export type SurveySettingsT = z.infer<typeof SurveySettings>;

export const SurveySummary = z.object({
  id: z.number().int(),
  title: z.string(),
  year: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  status: z.enum(SURVEY_STATUSES),
  /** The version collecting answers; null before the first publication. */
  publishedVersion: z.number().int().nullable(),
  /** The version being edited, when there is a draft. */
  draftVersion: z.number().int().nullable(),
  communities: z.number().int(),
  answers: z.number().int(),
  valid: z.number().int(),
  /** The survey's overall rate in percent, two decimals: "82.75". */
  ratePercent: z.string().nullable(),
  updatedAt: z.string(),
});
export type SurveySummaryT = z.infer<typeof SurveySummary>;

export const SurveyCommunity = z.object({
  id: z.number().int(),
  /** The region (usually a county) the community lies in. */
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  /** Households, for the finite population correction; null when unknown. */
  households: z.number().int().nullable(),
  token: z.string(),
  /** The path of the public page: /s/{token}. */
  publicPath: z.string(),
  /** Shown to those who may edit; residents get it from the community, not the poster. */
  accessCode: z.string().nullable(),
  answers: z.number().int(),
  valid: z.number().int(),
});
export type SurveyCommunityT = z.infer<typeof SurveyCommunity>;

export const SurveyDetail = SurveySummary.extend({
  settings: SurveySettings,
  /** The questionnaire shown in the builder: the draft when there is one, else the published version. */
  questionnaire: z.record(z.string(), z.unknown()),
  versions: z.array(
    z.object({
      version: z.number().int(),
      publishedAt: z.string().nullable(),
      answers: z.number().int(),
    }),
  ),
  communities: z.array(SurveyCommunity),
  /** Evaluation tasks whose satisfaction indicator reads this survey. */
  linkedTasks: z.array(z.object({ id: z.number().int(), name: z.string() })),
  canEdit: z.boolean(),
  /** What the user may do now, in the order the page shows it (the server's publish flow decides). */
  actions: z.array(z.enum(SURVEY_PAGE_ACTIONS)),
  canCollect: z.boolean(),
  canJudge: z.boolean(),
}).openapi("Survey");
export type SurveyDetailT = z.infer<typeof SurveyDetail>;

export const NewSurveyRequest = z
  .object({
    regionCode: RegionCode,
    year: z.number().int().min(2000).max(2100),
    title: z.string().trim().min(1).max(200),
    /** Start from the standard 老旧小区改造满意度 questionnaire, a copy of another survey's, or a file. */
    template: z.literal("old-community-satisfaction").optional(),
    copyOf: Id.optional(),
    questionnaire: z.record(z.string(), z.unknown()).optional(),
  })
  .refine(
    (r) => [r.template, r.copyOf, r.questionnaire].filter((x) => x !== undefined).length === 1,
    { message: "template, copyOf or questionnaire, exactly one", path: ["template"] },
  )
  .openapi("NewSurvey");

export const UpdateSurveyRequest = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    settings: SurveySettings.optional(),
    /** The questionnaire as JSON; saved as the draft version (a new one when the last is published). */
    questionnaire: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi("UpdateSurvey");

export const SurveyActionRequest = z.object({ action: z.enum(SURVEY_ACTIONS) });

export const CommunityRequest = z
  .object({
    regionCode: RegionCode,
    name: z.string().trim().min(1).max(100),
    households: z.number().int().min(1).max(1_000_000).nullable().optional(),
    /** 4–12 letters or digits; null for none. */
    accessCode: z
      .string()
      .regex(/^[A-Za-z0-9]{4,12}$/)
      .nullable()
      .optional(),
  })
  .openapi("SurveyCommunityInput");

export const ValidityReasonT = z.object({ code: z.string(), text: z.string() });

export const SurveyResponseItem = z.object({
  id: z.number().int(),
  communityId: z.number().int(),
  communityName: z.string(),
  version: z.number().int(),
  mode: z.enum(RESPONSE_MODES),
  /** The receipt the resident was shown (and may quote). */
  receipt: z.string(),
  /** On-site entries: the number written on the paper questionnaire. */
  paperNo: z.string().nullable(),
  enteredBy: z.string().nullable(),
  receivedAt: z.string(),
  /** Seconds between opening the page and submitting; null for on-site entries. */
  seconds: z.number().nullable(),
  /** The validity that counts (the override when there is one). */
  valid: z.boolean(),
  /** What the rules found. */
  reasons: z.array(ValidityReasonT),
  override: z
    .object({ valid: z.boolean(), by: z.string(), reason: z.string(), at: z.string() })
    .nullable(),
  answers: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
});
export type SurveyResponseItemT = z.infer<typeof SurveyResponseItem>;

export const SurveyResponseQuery = z.object({
  communityId: QueryId,
  valid: z.enum(["true", "false"]).optional(),
  page: z.coerce.number<string>().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number<string>().int().min(1).max(200).default(50),
});

export const SurveyResponsePage = z.object({
  items: z.array(SurveyResponseItem),
  total: z.number().int(),
});

/** An evaluator overrides the rules (valid true/false, with a reason) or clears the override (null). */
export const ValidityOverrideRequest = z.object({
  valid: z.boolean().nullable(),
  reason: z.string().trim().max(500),
});

/** A paper questionnaire entered on site by an evaluator. */
export const OnSiteAnswerRequest = z
  .object({
    paperNo: z.string().trim().min(1).max(40).optional(),
    answers: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string()), z.null()])),
  })
  .openapi("OnSiteAnswer");

export const RateT = z.object({
  valid: z.number().int(),
  excluded: z.number().int(),
  sample: z.number().int(),
  satisfied: z.number().int().nullable(),
  meanScore: z.string().nullable(),
  ratePercent: z.string().nullable(),
  marginPercent: z.string().nullable(),
});
export type RateTT = z.infer<typeof RateT>;

export interface RateNodeT {
  /** A region code, or "c{id}" for a community. */
  key: string;
  name: string;
  level: "province" | "city" | "county" | "community" | "nation";
  rate: RateTT;
  children: RateNodeT[];
}
// Named, so that the OpenAPI document refers to itself instead of unfolding the recursion.
export const RateNode: z.ZodType<RateNodeT> = z
  .lazy(() =>
    z.object({
      key: z.string(),
      name: z.string(),
      level: z.enum(["province", "city", "county", "community", "nation"]),
      rate: RateT,
      children: z.array(RateNode),
    }),
  )
  .openapi("SurveyRateNode");

export const QuestionInfo = z.object({
  key: z.string(),
  title: z.string(),
  kind: z.enum(["single", "multiple", "rating", "number", "text"]),
  demographic: z.string().nullable(),
  options: z.array(z.object({ key: z.string(), label: z.string() })),
});

export const SurveyResults = z
  .object({
    settings: SurveySettings,
    /** The overall rate of every answer the actor may see. */
    overall: RateT,
    tree: z.array(RateNode),
    questions: z.array(QuestionInfo),
    /** Each satisfaction question's own rate. */
    byQuestion: z.array(z.object({ key: z.string(), title: z.string(), rate: RateT })),
    /** Free-text answers, newest first. */
    texts: z.array(
      z.object({
        question: z.string(),
        title: z.string(),
        answers: z.array(
          z.object({ responseId: z.number().int(), community: z.string(), text: z.string() }),
        ),
        /** The same answers, identical words grouped with their count, the most frequent first. */
        groups: z.array(
          z.object({
            text: z.string(),
            count: z.number().int(),
            communities: z.array(z.string()),
            /** Up to 20 of the answers' ids, newest first. */
            responseIds: z.array(z.number().int()),
          }),
        ),
      }),
    ),
  })
  .openapi("SurveyResults");
export type SurveyResultsT = z.infer<typeof SurveyResults>;

export const CrossTabQuery = z.object({
  question: z.string().min(1).max(40),
  demographic: z.enum(["community", "building", "age-band", "tenure"]),
});

export const CrossTabAnswer = z.object({
  question: z.string(),
  title: z.string(),
  demographic: z.string(),
  options: z.array(z.object({ key: z.string(), label: z.string() })),
  rows: z.array(
    z.object({
      value: z.string().nullable(),
      label: z.string(),
      counts: z.record(z.string(), z.number().int()),
      respondents: z.number().int(),
    }),
  ),
});

/** What the public page's script reads: the questionnaire and nothing else. */
export const PublicSurvey = z
  .object({
    title: z.string(),
    communityName: z.string(),
    status: z.enum(SURVEY_STATUSES),
    needsAccessCode: z.boolean(),
    /** This device has answered already (the signed cookie). */
    answered: z.boolean(),
    questionnaire: z.record(z.string(), z.unknown()),
  })
  .openapi("PublicSurvey");

export const PublicAnswerRequest = z
  .object({
    questionnaireVersion: z.number().int(),
    answers: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string()), z.null()])),
    /** Ignored (older pages send it): the answering time runs from the ticket's issue time. */
    startedAt: z.string().max(40).optional(),
    /** Ignored: the server's clock says when an answer arrived. */
    submittedAt: z.string().max(40).optional(),
    honeypot: z.string().max(200).optional(),
    accessCode: z.string().max(40).optional(),
    /**
     * The page's signed single-use ticket (the hidden field of /s/{token}, or
     * GET /api/public/surveys/{token}/ticket): its issue time starts the answering time.
     */
    ticket: z.string().max(200).optional(),
  })
  .openapi("PublicAnswer");

export const PublicTicket = z
  .object({
    /** Sent back with one answer: `{issued ms}.{nonce}.{signature}`. */
    ticket: z.string(),
    issuedAt: z.string(),
    /** After this the ticket takes no answer (JIXIAO_SURVEY_TICKET_HOURS after issue). */
    expiresAt: z.string(),
  })
  .openapi("PublicTicket");

export const PublicAnswerReceipt = z.object({
  /** A short receipt the resident may quote. */
  receipt: z.string(),
});

export const TaskSurveyRequest = z.object({ surveyId: Id.nullable() });
