/** 答卷: every answer received, filtered by community and validity, with the rules' reasons, overrides and paper entry. */
import { EditOutlined, FormOutlined } from "@ant-design/icons";
import { Button, Descriptions, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useCallback, useState } from "react";
import type { SurveyDetailT, SurveyResponseItemT } from "../../../../src/shared/survey-schemas.ts";
import { errorMessage } from "../../api/error-message.ts";
import { surveyApi } from "../../api/survey-endpoints.ts";
import { useRemote } from "../../api/use-remote.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useServerPaging } from "../../components/use-server-paging.tsx";
import { formatDateTime } from "../../format/date-time.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { SurveyOnSiteForm } from "./survey-onsite-form.tsx";
import { SurveyOverrideDialog } from "./survey-override-dialog.tsx";
import {
  isChoice,
  optionsOf,
  questionnaireOf,
  questionsOf,
  textOf,
} from "./survey-questionnaire.ts";

type Validity = "true" | "false";

/** The answers of one response, worded by the questionnaire shown in the builder where it still fits. */
function AnswerList(props: { survey: SurveyDetailT; response: SurveyResponseItemT }) {
  const { locale } = useI18n();
  const questions = new Map(questionsOf(questionnaireOf(props.survey)).map((q) => [q.key, q]));
  return (
    <Descriptions size="small" column={1} bordered>
      {Object.entries(props.response.answers).map(([key, value]) => {
        const q = questions.get(key);
        const labels =
          q && isChoice(q)
            ? new Map(optionsOf(q).map((o) => [o.key, textOf(o.label, locale)]))
            : null;
        const words = (Array.isArray(value) ? value : [value]).map((v) => labels?.get(v) ?? v);
        return (
          <Descriptions.Item key={key} label={q ? textOf(q.title, locale) : key}>
            {words.join("、")}
          </Descriptions.Item>
        );
      })}
    </Descriptions>
  );
}

export function SurveyResponses(props: { survey: SurveyDetailT; onChanged: () => void }) {
  const { t } = useI18n();
  const { survey } = props;
  const [communityId, setCommunityId] = useState<number | undefined>(undefined);
  const [valid, setValid] = useState<Validity | undefined>(undefined);
  const [judging, setJudging] = useState<SurveyResponseItemT | null>(null);
  const [entering, setEntering] = useState(false);
  const { page, pageSize, setPage, pagination } = useServerPaging(20);
  const load = useCallback(
    () => surveyApi.responses(survey.id, { communityId, valid, page, pageSize }),
    [survey.id, communityId, valid, page, pageSize],
  );
  const responses = useRemote(load);
  const changed = () => {
    responses.reload();
    props.onChanged();
  };
  const canEnter = survey.canCollect && survey.status === "open" && survey.communities.length > 0;

  return (
    <div data-testid="survey-responses">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<number>
          allowClear
          placeholder={t("survey.allCommunities")}
          style={{ minWidth: 180 }}
          value={communityId}
          options={survey.communities.map((c) => ({ value: c.id, label: c.name }))}
          onChange={(v) => {
            setCommunityId(v);
            setPage(1);
          }}
          data-testid="survey-responses-community"
        />
        <Select<Validity>
          allowClear
          placeholder={t("survey.allValidity")}
          style={{ width: 140 }}
          value={valid}
          options={[
            { value: "true", label: t("survey.valid") },
            { value: "false", label: t("survey.invalid") },
          ]}
          onChange={(v) => {
            setValid(v);
            setPage(1);
          }}
          data-testid="survey-responses-valid"
        />
        {survey.canCollect && (
          <Tooltip title={canEnter ? undefined : t("survey.onSiteNeedsOpen")}>
            <Button
              icon={<FormOutlined />}
              disabled={!canEnter}
              onClick={() => setEntering(true)}
              data-testid="survey-onsite-open"
            >
              {t("survey.onSiteEntry")}
            </Button>
          </Tooltip>
        )}
      </Space>
      <ErrorAlert
        message={responses.error === undefined ? null : errorMessage(responses.error, t)}
      />
      <Table<SurveyResponseItemT>
        size="small"
        rowKey="id"
        loading={responses.loading}
        dataSource={responses.data?.items ?? []}
        pagination={pagination(responses.data?.total ?? 0)}
        scroll={{ x: "max-content" }}
        onRow={(r) => ({ "data-response": r.id }) as object}
        data-testid="survey-responses-table"
        expandable={{ expandedRowRender: (r) => <AnswerList survey={survey} response={r} /> }}
        columns={[
          { title: "#", dataIndex: "id", width: 64 },
          { title: t("survey.communityName"), dataIndex: "communityName" },
          {
            title: t("survey.mode"),
            dataIndex: "mode",
            render: (mode: SurveyResponseItemT["mode"], r) => (
              <Space size={4}>
                <Tag color={mode === "online" ? "blue" : "purple"}>{t(`survey.mode.${mode}`)}</Tag>
                {r.paperNo && <Typography.Text type="secondary">{r.paperNo}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: t("survey.receivedAt"),
            dataIndex: "receivedAt",
            render: (v: string) => formatDateTime(v),
          },
          {
            title: t("survey.secondsTaken"),
            dataIndex: "seconds",
            align: "right",
            render: (v: number | null) => (v === null ? "—" : Math.round(v)),
          },
          { title: t("survey.version"), dataIndex: "version", align: "right" },
          {
            title: t("survey.validity"),
            dataIndex: "valid",
            render: (v: boolean, r) => (
              <Space size={4} data-testid="survey-response-validity">
                <Tag color={v ? "success" : "error"}>
                  {v ? t("survey.valid") : t("survey.invalid")}
                </Tag>
                {r.override && (
                  <Tooltip
                    title={t("survey.overrideBy", {
                      by: r.override.by,
                      at: formatDateTime(r.override.at),
                      reason: r.override.reason,
                    })}
                  >
                    <Tag color="gold">{t("survey.overridden")}</Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          {
            title: t("survey.reasons"),
            dataIndex: "reasons",
            render: (reasons: SurveyResponseItemT["reasons"]) =>
              reasons.length === 0 ? "—" : reasons.map((x) => <Tag key={x.code}>{x.text}</Tag>),
          },
          ...(survey.canJudge
            ? [
                {
                  title: t("common.actions"),
                  key: "judge",
                  render: (_: unknown, r: SurveyResponseItemT) => (
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => setJudging(r)}
                      data-testid="survey-response-judge"
                    >
                      {t("survey.override")}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {judging && (
        <SurveyOverrideDialog
          surveyId={survey.id}
          response={judging}
          onClose={() => setJudging(null)}
          onSaved={changed}
        />
      )}
      {entering && (
        <SurveyOnSiteForm survey={survey} onClose={() => setEntering(false)} onSaved={changed} />
      )}
    </div>
  );
}
