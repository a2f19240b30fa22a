/**
 * 现场录入: an evaluator types in a paper questionnaire. The form follows the skip logic (a hidden
 * question is neither shown nor sent) and shows the server's problems under the questions they name.
 */
import {
  App,
  Button,
  Checkbox,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Typography,
} from "antd";
import { useCallback, useState } from "react";
import type { SurveyDetailT } from "../../../../src/shared/survey-schemas.ts";
import { errorMessage } from "../../api/error-message.ts";
import { surveyApi } from "../../api/survey-endpoints.ts";
import { useRemote } from "../../api/use-remote.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useSaving } from "../../components/use-saving.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { SurveyProblems } from "./survey-problems.tsx";
import {
  optionsOf,
  type PlacedIssue,
  placedIssues,
  type QuestionDraft,
  type QuestionnaireDraft,
  questionnaireOf,
  textOf,
} from "./survey-questionnaire.ts";

type Answer = string | string[];
const EMPTY: QuestionnaireDraft = {
  code: "-",
  title: "-",
  intro: "-",
  version: 1,
  sections: [],
  satisfaction: { questions: [], method: "share" },
};
type Answers = Record<string, Answer>;

/** Shown when it has no skip logic, or an earlier answer chose one of its options. */
function isShown(q: QuestionDraft, answers: Answers): boolean {
  if (!q.showIf) return true;
  const chosen = answers[q.showIf.question];
  if (chosen === undefined) return false;
  const keys = Array.isArray(chosen) ? chosen : [chosen];
  return keys.some((k) => q.showIf?.anyOf.includes(k));
}

/** The answers of the questions still shown, in order: a hidden question's answer is dropped. */
function shownAnswers(questionnaire: QuestionnaireDraft, answers: Answers): Answers {
  const kept: Answers = {};
  for (const q of questionnaire.sections.flatMap((s) => s.questions)) {
    const value = answers[q.key];
    if (!isShown(q, kept) || value === undefined) continue;
    if (Array.isArray(value) ? value.length > 0 : value.trim() !== "") kept[q.key] = value;
  }
  return kept;
}

function QuestionInput(props: {
  q: QuestionDraft;
  value: Answer | undefined;
  onChange: (v: Answer | undefined) => void;
}) {
  const { t, locale } = useI18n();
  const { q, value } = props;
  switch (q.kind) {
    case "single":
    case "rating":
      return (
        <Space wrap size={4}>
          <Radio.Group
            value={value ?? null}
            onChange={(e) => props.onChange(String(e.target.value))}
            options={optionsOf(q).map((o) => ({ value: o.key, label: textOf(o.label, locale) }))}
          />
          {value !== undefined && (
            <Button size="small" type="link" onClick={() => props.onChange(undefined)}>
              {t("survey.clearAnswer")}
            </Button>
          )}
        </Space>
      );
    case "multiple":
      return (
        <Checkbox.Group
          value={Array.isArray(value) ? value : []}
          onChange={(keys) => props.onChange(keys.map(String))}
          options={q.options.map((o) => ({ value: o.key, label: textOf(o.label, locale) }))}
        />
      );
    case "number":
      return (
        <InputNumber<string>
          stringMode
          value={typeof value === "string" ? value : null}
          min={q.min === undefined ? undefined : String(q.min)}
          max={q.max === undefined ? undefined : String(q.max)}
          suffix={q.unit ? textOf(q.unit, locale) : undefined}
          onChange={(v) => props.onChange(v ?? undefined)}
        />
      );
    case "text":
      return (
        <Input.TextArea
          value={typeof value === "string" ? value : ""}
          maxLength={q.maxLength ?? 200}
          autoSize={{ minRows: 1, maxRows: 4 }}
          onChange={(e) => props.onChange(e.target.value)}
        />
      );
  }
}

/** The server fills the community question from the collection point: the form leaves it out. */
const filledByServer = (q: QuestionDraft) => q.demographic === "community" && q.kind === "text";

/**
 * The questionnaire collecting answers: the page's own when nothing is drafted since, else the
 * published version as a collection point's public page serves it.
 */
function usePublished(survey: SurveyDetailT) {
  const token = survey.communities[0]?.token;
  const load = useCallback(
    () =>
      survey.draftVersion === null || token === undefined
        ? Promise.resolve(questionnaireOf(survey))
        : surveyApi
            .publicSurvey(token)
            .then((p) => p.questionnaire as unknown as QuestionnaireDraft),
    [survey, token],
  );
  return useRemote(load);
}

export function SurveyOnSiteForm(props: {
  survey: SurveyDetailT;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { survey } = props;
  const published = usePublished(survey);
  const questionnaire = published.data ?? EMPTY;
  const [communityId, setCommunityId] = useState<number | undefined>(survey.communities[0]?.id);
  const [paperNo, setPaperNo] = useState("");
  const [answers, setAnswers] = useState<Answers>({});
  const { saving, failure: error, setError, run } = useSaving();
  const [issues, setIssues] = useState<PlacedIssue[]>([]);

  const set = (key: string, value: Answer | undefined) => {
    const next = { ...answers };
    if (value === undefined) delete next[key];
    else next[key] = value;
    setAnswers(next);
  };

  const submit = async () => {
    if (communityId === undefined) {
      setError(t("survey.communityRequired"));
      return;
    }
    setIssues([]);
    await run(
      async () => {
        const words = paperNo.trim();
        const saved = await surveyApi.enterPaper(survey.id, communityId, {
          ...(words ? { paperNo: words } : {}),
          answers: shownAnswers(questionnaire, answers),
        });
        message.success(t("survey.paperSaved", { id: saved.id }));
        setAnswers({});
        setPaperNo("");
        props.onSaved();
      },
      (err) => setIssues(placedIssues(err)),
    );
  };

  const kept = shownAnswers(questionnaire, answers);
  const problemsOf = (key: string) =>
    issues.filter((i) => i.parts[0] === "answers" && i.parts[1] === key).map((i) => i.message);

  return (
    <Drawer
      open
      title={t("survey.onSiteTitle")}
      onClose={props.onClose}
      size="large"
      styles={{ wrapper: { maxWidth: "100vw" } }}
      extra={
        <Button
          type="primary"
          loading={saving}
          onClick={() => void submit()}
          data-testid="survey-onsite-submit"
        >
          {t("survey.onSiteSubmit")}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t("survey.onSiteHint")}</Typography.Paragraph>
      <ErrorAlert
        message={published.error === undefined ? null : errorMessage(published.error, t)}
      />
      <SurveyProblems error={error} data-testid="survey-onsite-error" />
      <Form layout="vertical" component="div" data-testid="survey-onsite-form">
        <Space wrap style={{ width: "100%" }}>
          <Form.Item label={t("survey.communityName")} required>
            <Select<number>
              value={communityId}
              style={{ minWidth: 220 }}
              options={survey.communities.map((c) => ({ value: c.id, label: c.name }))}
              onChange={setCommunityId}
              data-testid="survey-onsite-community"
            />
          </Form.Item>
          <Form.Item label={t("survey.paperNo")}>
            <Input
              value={paperNo}
              maxLength={40}
              onChange={(e) => setPaperNo(e.target.value)}
              data-testid="survey-onsite-paper"
            />
          </Form.Item>
        </Space>
        {questionnaire.sections.map((s) => {
          const shown = s.questions.filter((q) => !filledByServer(q) && isShown(q, kept));
          if (shown.length === 0) return null;
          return (
            <div key={s.key}>
              <Typography.Title level={5}>{textOf(s.title, locale)}</Typography.Title>
              {shown.map((q) => {
                const found = problemsOf(q.key);
                return (
                  <Form.Item
                    key={q.key}
                    label={textOf(q.title, locale)}
                    required={q.required ?? false}
                    extra={q.help ? textOf(q.help, locale) : undefined}
                    validateStatus={found.length > 0 ? "error" : undefined}
                    help={found.length > 0 ? found.join("；") : undefined}
                    data-testid={`survey-onsite-q-${q.key}`}
                  >
                    <QuestionInput q={q} value={answers[q.key]} onChange={(v) => set(q.key, v)} />
                  </Form.Item>
                );
              })}
            </div>
          );
        })}
      </Form>
    </Drawer>
  );
}
