/** One section of the builder: its key and title, and its questions to open, reorder, add and remove. */
import { PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Col,
  Collapse,
  Dropdown,
  Flex,
  Input,
  Row,
  Space,
  Tag,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { type MoveButtonsProps, SurveyMoveButtons } from "./survey-move-buttons.tsx";
import { SurveyQuestionEditor } from "./survey-question-editor.tsx";
import {
  freshKey,
  issuesUnder,
  moved,
  type PlacedIssue,
  QUESTION_KINDS,
  type QuestionDraft,
  type QuestionKind,
  questionOfKind,
  type SectionDraft,
  textOf,
} from "./survey-questionnaire.ts";
import { SurveyTextInput } from "./survey-text-input.tsx";

function MoveButtons(props: MoveButtonsProps) {
  return (
    // Buttons in a panel's header must not open or close it.
    // biome-ignore lint/a11y/noStaticElementInteractions: only stops the click from reaching the header
    // biome-ignore lint/a11y/useKeyWithClickEvents: the buttons inside take the keyboard
    <span onClick={(e) => e.stopPropagation()}>
      <Space size={4}>
        <SurveyMoveButtons {...props} />
      </Space>
    </span>
  );
}

export function SurveySectionEditor(props: {
  section: SectionDraft;
  index: number;
  count: number;
  /** Every question of the questionnaire before this section's. */
  earlier: readonly QuestionDraft[];
  allKeys: readonly string[];
  issues: readonly PlacedIssue[];
  readOnly: boolean;
  onChange: (next: SectionDraft) => void;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
  onRenameQuestion: (question: number, key: string) => void;
}) {
  const { t, locale } = useI18n();
  const { section, index } = props;
  const questions = section.questions;
  const [open, setOpen] = useState<string[]>([]);
  const own = issuesUnder(props.issues, "sections", index).filter(
    (i) => i.parts[2] !== "questions",
  );

  // A question the server found fault with opens, so its problems show.
  useEffect(() => {
    const faulty = questions
      .map((q, j) => ({ q, j }))
      .filter(({ j }) => issuesUnder(props.issues, "sections", index, "questions", j).length > 0)
      .map(({ j }) => String(j));
    if (faulty.length > 0) setOpen((current) => [...new Set([...current, ...faulty])]);
  }, [props.issues, index, questions]);

  const setQuestions = (next: QuestionDraft[]) => props.onChange({ ...section, questions: next });
  const add = (kind: QuestionKind) => {
    const blank: QuestionDraft = {
      key: freshKey("q", props.allKeys),
      kind: "text",
      title: { "zh-CN": t("survey.newQuestion") },
    };
    setQuestions([...questions, questionOfKind(kind, blank)]);
    setOpen((current) => [...current, String(questions.length)]);
  };

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid={`survey-section-${index}`}
      title={
        <Typography.Text strong>
          {t("survey.sectionN", { n: index + 1 })} · {textOf(section.title, locale)}
        </Typography.Text>
      }
      extra={
        !props.readOnly && (
          <MoveButtons
            index={index}
            count={props.count}
            onMove={props.onMove}
            onRemove={props.onRemove}
            removable={props.count > 1}
            testId={`survey-section-${index}`}
          />
        )
      }
    >
      {own.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={own.map((i) => i.message).join("；")}
        />
      )}
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col xs={24} md={6}>
          <Input
            prefix={`${t("survey.sectionKey")}:`}
            aria-label={t("survey.sectionKey")}
            value={section.key}
            maxLength={40}
            onChange={(e) => props.onChange({ ...section, key: e.target.value.trim() })}
          />
        </Col>
        <Col xs={24} md={18}>
          <SurveyTextInput
            value={section.title}
            maxLength={200}
            onChange={(title) => title && props.onChange({ ...section, title })}
          />
        </Col>
      </Row>
      <Collapse
        size="small"
        activeKey={open}
        onChange={(keys) => setOpen(Array.isArray(keys) ? keys : [keys])}
        items={questions.map((q, j) => {
          const found = issuesUnder(props.issues, "sections", index, "questions", j);
          const earlier = [...props.earlier, ...questions.slice(0, j)];
          return {
            key: String(j),
            label: (
              <Flex gap={6} wrap align="center" data-testid={`survey-question-header-${q.key}`}>
                <span>
                  {j + 1}. {textOf(q.title, locale)}
                </span>
                <Tag>{t(`survey.kind.${q.kind}`)}</Tag>
                {q.required && <Tag color="blue">{t("survey.required")}</Tag>}
                {q.showIf && <Tag color="purple">{t("survey.conditional")}</Tag>}
                {q.demographic && (
                  <Tag color="cyan">{t(`survey.demographic.${q.demographic}`)}</Tag>
                )}
                {q.personal && <Tag color="orange">{t(`survey.personal.${q.personal}`)}</Tag>}
                {found.length > 0 && (
                  <Tag color="red">{t("survey.problemsN", { count: found.length })}</Tag>
                )}
              </Flex>
            ),
            extra: !props.readOnly && (
              <MoveButtons
                index={j}
                count={questions.length}
                onMove={(step) => setQuestions(moved(questions, j, step))}
                onRemove={() => setQuestions(questions.filter((_, k) => k !== j))}
                removable={questions.length > 1}
                testId={`survey-question-${q.key}`}
              />
            ),
            children: (
              <SurveyQuestionEditor
                question={q}
                earlier={earlier}
                issues={found}
                onChange={(next) => setQuestions(questions.map((x, k) => (k === j ? next : x)))}
                onRename={(key) => props.onRenameQuestion(j, key)}
              />
            ),
          };
        })}
      />
      {!props.readOnly && (
        <Dropdown
          menu={{
            items: QUESTION_KINDS.map((k) => ({
              key: k,
              label: <span data-testid={`survey-add-${k}`}>{t(`survey.kind.${k}`)}</span>,
            })),
            onClick: ({ key }) => {
              const kind = QUESTION_KINDS.find((k) => k === key);
              if (kind) add(kind);
            },
          }}
        >
          <Button
            icon={<PlusOutlined />}
            style={{ marginTop: 12 }}
            data-testid={`survey-section-${index}-add-question`}
          >
            {t("survey.addQuestion")}
          </Button>
        </Dropdown>
      )}
    </Card>
  );
}
