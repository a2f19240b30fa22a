/** One question of the builder: key, kind, title, required, skip logic, demographic and personal markers, and what its kind needs. */
import { Alert, Col, Form, Input, InputNumber, Row, Select, Switch } from "antd";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { ChoiceOptionsEditor, RatingScaleEditor } from "./survey-options-editor.tsx";
import {
  DEMOGRAPHIC_KEYS,
  isChoice,
  optionsOf,
  PERSONAL_KEYS,
  type PlacedIssue,
  QUESTION_KINDS,
  type QuestionDraft,
  questionOfKind,
  textOf,
} from "./survey-questionnaire.ts";
import { SurveyTextInput } from "./survey-text-input.tsx";

const NONE = "";

export function SurveyQuestionEditor(props: {
  question: QuestionDraft;
  /** The questions before this one: the skip logic may only look back. */
  earlier: readonly QuestionDraft[];
  issues: readonly PlacedIssue[];
  onChange: (next: QuestionDraft) => void;
  onRename: (key: string) => void;
}) {
  const { t, locale } = useI18n();
  const q = props.question;
  const set = (patch: Partial<QuestionDraft>) =>
    props.onChange({ ...q, ...patch } as QuestionDraft);
  const without = (field: "help" | "showIf" | "demographic" | "personal") => {
    const next = { ...q };
    delete next[field];
    props.onChange(next);
  };
  const targets = props.earlier.filter(isChoice);
  const target = targets.find((x) => x.key === q.showIf?.question);

  return (
    <Form layout="vertical" component="div" data-testid={`survey-question-${q.key}`}>
      {props.issues.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <ul style={{ margin: 0, paddingInlineStart: 16 }}>
              {props.issues.map((i) => (
                <li key={`${i.path}:${i.code}`}>{i.message}</li>
              ))}
            </ul>
          }
          data-testid="survey-question-issues"
        />
      )}
      <Row gutter={12}>
        <Col xs={24} sm={12} md={8}>
          <Form.Item label={t("survey.questionKey")} extra={t("survey.keyHint")}>
            <Input
              value={q.key}
              maxLength={40}
              onChange={(e) => props.onRename(e.target.value.trim())}
              data-testid="survey-question-key"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={8}>
          <Form.Item label={t("survey.kind")}>
            <Select
              value={q.kind}
              options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`survey.kind.${k}`) }))}
              onChange={(kind) => props.onChange(questionOfKind(kind, q))}
              data-testid="survey-question-kind"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t("survey.required")}>
            <Switch
              checked={q.required ?? false}
              onChange={(on) => set({ required: on })}
              data-testid="survey-question-required"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t("survey.questionTitle")} required>
        <SurveyTextInput
          value={q.title}
          onChange={(title) => title && set({ title })}
          maxLength={300}
          data-testid="survey-question-title"
        />
      </Form.Item>
      <Form.Item label={t("survey.help")}>
        <SurveyTextInput
          optional
          value={q.help}
          onChange={(help) => (help ? set({ help }) : without("help"))}
          maxLength={500}
        />
      </Form.Item>
      {(q.kind === "single" || q.kind === "multiple") && (
        <Form.Item label={t("survey.options")}>
          <ChoiceOptionsEditor options={q.options} onChange={(options) => set({ options })} />
        </Form.Item>
      )}
      {q.kind === "multiple" && (
        <Form.Item label={t("survey.maxChoices")} extra={t("survey.maxChoicesHint")}>
          <InputNumber<number>
            min={1}
            max={q.options.length}
            precision={0}
            value={q.maxChoices ?? null}
            onChange={(v) =>
              props.onChange(v === null ? { ...q, maxChoices: undefined } : { ...q, maxChoices: v })
            }
          />
        </Form.Item>
      )}
      {q.kind === "rating" && (
        <Form.Item label={t("survey.scale")}>
          <RatingScaleEditor question={q} onChange={props.onChange} />
        </Form.Item>
      )}
      {q.kind === "number" && (
        <Row gutter={12}>
          <Col xs={12} md={6}>
            <Form.Item label={t("survey.min")}>
              <InputNumber<number>
                value={q.min ?? null}
                onChange={(v) => props.onChange({ ...q, min: v ?? undefined })}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t("survey.max")}>
              <InputNumber<number>
                value={q.max ?? null}
                onChange={(v) => props.onChange({ ...q, max: v ?? undefined })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item label={t("survey.integer")}>
              <Switch
                checked={q.integer ?? false}
                onChange={(on) => props.onChange({ ...q, integer: on })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t("survey.unit")}>
              <SurveyTextInput
                optional
                value={q.unit}
                maxLength={20}
                onChange={(unit) => props.onChange({ ...q, unit })}
              />
            </Form.Item>
          </Col>
        </Row>
      )}
      {q.kind === "text" && (
        <Form.Item label={t("survey.maxLength")}>
          <InputNumber<number>
            min={1}
            max={500}
            precision={0}
            value={q.maxLength ?? 200}
            onChange={(v) => props.onChange({ ...q, maxLength: v ?? 200 })}
          />
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item label={t("survey.showIf")} extra={t("survey.showIfHint")}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              value={q.showIf?.question}
              placeholder={t("survey.showIfAlways")}
              options={targets.map((x) => ({
                value: x.key,
                label: `${x.key} · ${textOf(x.title, locale)}`,
              }))}
              onChange={(key: string | undefined) =>
                key ? set({ showIf: { question: key, anyOf: [] } }) : without("showIf")
              }
              data-testid="survey-question-showif"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          {q.showIf && (
            <Form.Item label={t("survey.showIfAnyOf")}>
              <Select
                mode="multiple"
                value={q.showIf.anyOf}
                options={(target ? optionsOf(target) : []).map((o) => ({
                  value: o.key,
                  label: textOf(o.label, locale),
                }))}
                onChange={(anyOf: string[]) =>
                  q.showIf && set({ showIf: { question: q.showIf.question, anyOf } })
                }
                data-testid="survey-question-showif-options"
              />
            </Form.Item>
          )}
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item label={t("survey.demographic")} extra={t("survey.demographicHint")}>
            <Select
              value={q.demographic ?? NONE}
              options={[
                { value: NONE, label: t("survey.demographic.none") },
                ...DEMOGRAPHIC_KEYS.map((d) => ({ value: d, label: t(`survey.demographic.${d}`) })),
              ]}
              onChange={(d: string) => {
                const found = DEMOGRAPHIC_KEYS.find((x) => x === d);
                if (found) set({ demographic: found });
                else without("demographic");
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t("survey.personal")} extra={t("survey.personalHint")}>
            <Select
              value={q.personal ?? NONE}
              options={[
                { value: NONE, label: t("survey.personal.none") },
                ...PERSONAL_KEYS.map((p) => ({ value: p, label: t(`survey.personal.${p}`) })),
              ]}
              onChange={(p: string) => {
                const found = PERSONAL_KEYS.find((x) => x === p);
                if (found) set({ personal: found });
                else without("personal");
              }}
            />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
