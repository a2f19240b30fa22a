/**
 * 问卷: the questionnaire edited visually and saved as the draft, with the server's problems shown next
 * to the questions they concern. A published version is read-only; editing it saves a new draft version.
 */
import {
  DownloadOutlined,
  EditOutlined,
  PlusOutlined,
  SaveOutlined,
  UndoOutlined,
} from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  ConfigProvider,
  Form,
  Input,
  Row,
  Space,
  Table,
  Tag,
} from "antd";
import { useEffect, useState } from "react";
import type { SurveyDetailT } from "../../../../src/shared/survey-schemas.ts";
import { surveyApi } from "../../api/survey-endpoints.ts";
import { useSaving } from "../../components/use-saving.ts";
import { formatDateTime } from "../../format/date-time.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { SurveyProblems } from "./survey-problems.tsx";
import {
  freshKey,
  moved,
  type PlacedIssue,
  placedIssues,
  type QuestionnaireDraft,
  questionnaireOf,
  questionsOf,
  renameQuestion,
  type SectionDraft,
} from "./survey-questionnaire.ts";
import {
  SurveyPersonalDataEditor,
  SurveySatisfactionEditor,
} from "./survey-satisfaction-editor.tsx";
import { SurveySectionEditor } from "./survey-section-editor.tsx";
import { SurveyTextInput } from "./survey-text-input.tsx";

type Version = SurveyDetailT["versions"][number];

function VersionList(props: { survey: SurveyDetailT }) {
  const { t } = useI18n();
  return (
    <Table<Version>
      size="small"
      rowKey="version"
      pagination={false}
      dataSource={props.survey.versions}
      data-testid="survey-versions"
      columns={[
        {
          title: t("survey.version"),
          dataIndex: "version",
          render: (v: number) => t("survey.versionN", { version: v }),
        },
        {
          title: t("survey.publishedAt"),
          dataIndex: "publishedAt",
          render: (at: string | null) => (at ? formatDateTime(at) : <Tag>{t("survey.draft")}</Tag>),
        },
        { title: t("survey.answers"), dataIndex: "answers", align: "right" },
      ]}
    />
  );
}

function download(q: QuestionnaireDraft, name: string) {
  const blob = new Blob([`${JSON.stringify(q, null, 2)}\n`], { type: "application/json" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = `${name}.json`;
  a.click();
  URL.revokeObjectURL(a.href);
}

export function SurveyBuilder(props: {
  survey: SurveyDetailT;
  onDirty: (dirty: boolean) => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { survey, onDirty } = props;
  const [draft, setDraft] = useState<QuestionnaireDraft>(() => questionnaireOf(survey));
  const [dirty, setDirty] = useState(false);
  const { saving, failure: error, setError, run } = useSaving();
  const [issues, setIssues] = useState<PlacedIssue[]>([]);
  const [unlocked, setUnlocked] = useState(false);
  const frozen = survey.draftVersion === null && survey.publishedVersion !== null;
  const readOnly = !survey.canEdit || (frozen && !unlocked);

  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  const update = (next: QuestionnaireDraft) => {
    setDraft(next);
    setDirty(true);
  };
  const setSections = (sections: SectionDraft[]) => update({ ...draft, sections });
  /** Moving or removing puts the server's problems out of place: they go until the next save. */
  const restructure = (sections: SectionDraft[]) => {
    setIssues([]);
    setSections(sections);
  };

  const save = async () => {
    await run(
      async () => {
        const saved = await surveyApi.save(survey.id, {
          questionnaire: draft as unknown as Record<string, unknown>,
        });
        setDraft(questionnaireOf(saved));
        setDirty(false);
        setIssues([]);
        setUnlocked(false);
        message.success(t("survey.draftSaved", { version: saved.draftVersion ?? "" }));
        props.onSaved();
      },
      (err) => setIssues(placedIssues(err)),
    );
  };

  const reset = () => {
    setDraft(questionnaireOf(survey));
    setDirty(false);
    setIssues([]);
    setError(null);
  };

  const allKeys = questionsOf(draft).map((q) => q.key);
  const top = issues.filter((i) => ["title", "intro", "code"].includes(String(i.parts[0])));

  return (
    <div data-testid="survey-builder">
      {frozen && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("survey.frozen", {
            version: survey.publishedVersion ?? "",
            next: (survey.publishedVersion ?? 0) + 1,
          })}
          action={
            survey.canEdit &&
            !unlocked && (
              <Button
                size="small"
                icon={<EditOutlined />}
                onClick={() => setUnlocked(true)}
                data-testid="survey-unlock"
              >
                {t("survey.editNewVersion")}
              </Button>
            )
          }
        />
      )}
      {survey.canEdit && !readOnly && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={saving}
            onClick={() => void save()}
            data-testid="survey-save"
          >
            {t("survey.saveDraft")}
          </Button>
          <Button
            icon={<UndoOutlined />}
            disabled={!dirty}
            onClick={reset}
            data-testid="survey-reset"
          >
            {t("survey.discard")}
          </Button>
          {dirty && <Tag color="warning">{t("survey.unsaved")}</Tag>}
        </Space>
      )}
      <SurveyProblems error={error} data-testid="survey-save-error" />
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <ConfigProvider componentDisabled={readOnly}>
            <Card size="small" style={{ marginBottom: 16 }}>
              {top.length > 0 && (
                <Alert
                  type="error"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={top.map((i) => i.message).join("；")}
                />
              )}
              <Form layout="vertical" component="div">
                <Form.Item label={t("survey.questionnaireTitle")}>
                  <SurveyTextInput
                    value={draft.title}
                    maxLength={200}
                    onChange={(title) => title && update({ ...draft, title })}
                    data-testid="survey-q-title"
                  />
                </Form.Item>
                <Form.Item
                  label={t("survey.questionnaireIntro")}
                  extra={t("survey.questionnaireIntroHint")}
                >
                  <SurveyTextInput
                    multiline
                    value={draft.intro}
                    maxLength={2000}
                    onChange={(intro) => intro && update({ ...draft, intro })}
                  />
                </Form.Item>
                <Form.Item label={t("survey.questionnaireCode")}>
                  <Input
                    value={draft.code}
                    maxLength={40}
                    style={{ maxWidth: 320 }}
                    onChange={(e) => update({ ...draft, code: e.target.value.trim() })}
                  />
                </Form.Item>
              </Form>
            </Card>
            {draft.sections.map((section, i) => (
              <SurveySectionEditor
                // biome-ignore lint/suspicious/noArrayIndexKey: a section's key is being typed; its place is its identity
                key={i}
                section={section}
                index={i}
                count={draft.sections.length}
                earlier={draft.sections.slice(0, i).flatMap((s) => s.questions)}
                allKeys={allKeys}
                issues={issues}
                readOnly={readOnly}
                onChange={(next) => setSections(draft.sections.map((s, k) => (k === i ? next : s)))}
                onMove={(step) => restructure(moved(draft.sections, i, step))}
                onRemove={() => restructure(draft.sections.filter((_, k) => k !== i))}
                onRenameQuestion={(j, key) =>
                  update(renameQuestion(draft, { section: i, question: j }, key))
                }
              />
            ))}
            {!readOnly && (
              <Button
                icon={<PlusOutlined />}
                style={{ marginBottom: 16 }}
                data-testid="survey-add-section"
                onClick={() =>
                  setSections([
                    ...draft.sections,
                    {
                      key: freshKey(
                        "s",
                        draft.sections.map((s) => s.key),
                      ),
                      title: { "zh-CN": t("survey.newSection") },
                      questions: [
                        {
                          key: freshKey("q", allKeys),
                          kind: "rating",
                          title: { "zh-CN": t("survey.newQuestion") },
                        },
                      ],
                    },
                  ])
                }
              >
                {t("survey.addSection")}
              </Button>
            )}
          </ConfigProvider>
        </Col>
        <Col xs={24} xl={7}>
          <ConfigProvider componentDisabled={readOnly}>
            <SurveySatisfactionEditor
              questionnaire={draft}
              issues={issues}
              onChange={(satisfaction) => update({ ...draft, satisfaction })}
            />
            <SurveyPersonalDataEditor
              personal={draft.personalData}
              issues={issues}
              onChange={(personalData) => {
                const { personalData: _, ...rest } = draft;
                update(personalData ? { ...rest, personalData } : rest);
              }}
            />
          </ConfigProvider>
          <Card
            size="small"
            title={t("survey.versions")}
            style={{ marginBottom: 16 }}
            extra={
              <Button
                size="small"
                icon={<DownloadOutlined />}
                onClick={() => download(draft, draft.code)}
                data-testid="survey-download-json"
              >
                JSON
              </Button>
            }
          >
            <VersionList survey={survey} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
