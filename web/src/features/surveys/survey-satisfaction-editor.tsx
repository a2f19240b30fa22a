/** What the rate is made of (its rating questions, the overall question, the method) and the personal data declared. */
import { Alert, Card, Checkbox, Form, Input, Radio, Select } from "antd";
import { useI18n } from "../../i18n/i18n-context.tsx";
import {
  PERSONAL_KEYS,
  type PlacedIssue,
  type QuestionnaireDraft,
  questionsOf,
  textOf,
} from "./survey-questionnaire.ts";

type Spec = QuestionnaireDraft["satisfaction"];
type Personal = NonNullable<QuestionnaireDraft["personalData"]>;

function IssueList(props: { issues: readonly PlacedIssue[] }) {
  if (props.issues.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      title={props.issues.map((i) => i.message).join("；")}
    />
  );
}

export function SurveySatisfactionEditor(props: {
  questionnaire: QuestionnaireDraft;
  issues: readonly PlacedIssue[];
  onChange: (next: Spec) => void;
}) {
  const { t, locale } = useI18n();
  const spec = props.questionnaire.satisfaction;
  const ratings = questionsOf(props.questionnaire).filter((q) => q.kind === "rating");
  const choices = ratings.map((q) => ({
    value: q.key,
    label: `${q.key} · ${textOf(q.title, locale)}`,
  }));
  return (
    <Card
      size="small"
      title={t("survey.satisfaction")}
      style={{ marginBottom: 16 }}
      data-testid="survey-satisfaction"
    >
      <IssueList issues={props.issues.filter((i) => i.parts[0] === "satisfaction")} />
      <Form layout="vertical" component="div">
        <Form.Item
          label={t("survey.satisfactionQuestions")}
          extra={t("survey.satisfactionQuestionsHint")}
        >
          <Select
            mode="multiple"
            value={spec.questions}
            options={choices}
            onChange={(questions: string[]) => props.onChange({ ...spec, questions })}
            data-testid="survey-satisfaction-questions"
          />
        </Form.Item>
        <Form.Item label={t("survey.overallQuestion")} extra={t("survey.overallQuestionHint")}>
          <Select
            allowClear
            value={spec.overall}
            options={choices}
            onChange={(overall: string | undefined) => {
              const { overall: _, ...rest } = spec;
              props.onChange(overall ? { ...rest, overall } : rest);
            }}
          />
        </Form.Item>
        <Form.Item label={t("survey.settings.method")}>
          <Radio.Group
            value={spec.method}
            onChange={(e) => props.onChange({ ...spec, method: e.target.value as Spec["method"] })}
            options={(["share", "mean-score"] as const).map((m) => ({
              value: m,
              label: t(`survey.method.${m}`),
            }))}
          />
        </Form.Item>
      </Form>
    </Card>
  );
}

export function SurveyPersonalDataEditor(props: {
  personal: Personal | undefined;
  issues: readonly PlacedIssue[];
  onChange: (next: Personal | undefined) => void;
}) {
  const { t } = useI18n();
  const collects = props.personal?.collects ?? [];
  const purpose = props.personal?.purpose ?? "";
  return (
    <Card
      size="small"
      title={t("survey.personalData")}
      style={{ marginBottom: 16 }}
      data-testid="survey-personal-data"
    >
      <Alert
        type="warning"
        showIcon
        title={t("survey.personalWarning")}
        style={{ marginBottom: 12 }}
      />
      <IssueList issues={props.issues.filter((i) => i.parts[0] === "personalData")} />
      <Form layout="vertical" component="div">
        <Form.Item label={t("survey.personalCollects")}>
          <Checkbox.Group
            value={collects}
            options={PERSONAL_KEYS.map((p) => ({ value: p, label: t(`survey.personal.${p}`) }))}
            onChange={(next) =>
              props.onChange(next.length === 0 ? undefined : { collects: next, purpose })
            }
          />
        </Form.Item>
        <Form.Item label={t("survey.personalPurpose")} extra={t("survey.personalPurposeHint")}>
          <Input.TextArea
            value={purpose}
            disabled={collects.length === 0}
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 4 }}
            onChange={(e) => props.onChange({ collects, purpose: e.target.value })}
          />
        </Form.Item>
      </Form>
    </Card>
  );
}
