/**
 * One satisfaction survey: its state and actions, then tabs for the questionnaire builder, the
 * settings, the collection points, the results and the answers.
 */
import { Card, Descriptions, Space, Tabs } from "antd";
import { useCallback, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { errorMessage } from "../../api/error-message.ts";
import { surveyApi } from "../../api/survey-endpoints.ts";
import { useRemote } from "../../api/use-remote.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { formatDateTime } from "../../format/date-time.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { SurveyActions } from "./survey-actions.tsx";
import { SurveyBuilder } from "./survey-builder.tsx";
import { SurveyCommunities } from "./survey-communities.tsx";
import { SurveyResponses } from "./survey-responses.tsx";
import { SurveyResultsTab } from "./survey-results.tsx";
import { SurveySettingsForm } from "./survey-settings-form.tsx";
import { SurveyStatusTag } from "./survey-status-tag.tsx";

// Results and answers carry the server's words in the request's language: a new language reloads them.
const TABS = ["questionnaire", "settings", "communities", "results", "responses"] as const;
type Tab = (typeof TABS)[number];

export function SurveyDetailPage() {
  const { t, locale } = useI18n();
  const id = Number(useParams().id);
  const [search, setSearch] = useSearchParams();
  const asked = search.get("tab");
  const tab: Tab = TABS.find((x) => x === asked) ?? "questionnaire";
  const load = useCallback(() => surveyApi.survey(id), [id]);
  const survey = useRemote(load);
  const [dirty, setDirty] = useState(false);
  const data = survey.data?.id === id ? survey.data : undefined;

  const open = (next: string) => {
    const params = new URLSearchParams(search);
    params.set("tab", next);
    setSearch(params, { replace: true });
  };

  return (
    <Card
      title={
        <Space wrap>
          <span data-testid="survey-title">{data?.title ?? t("survey.title")}</span>
          {data && <SurveyStatusTag status={data.status} data-testid="survey-status" />}
        </Space>
      }
      extra={<Link to={`/surveys?year=${data?.year ?? ""}`}>{t("survey.backToList")}</Link>}
      loading={survey.loading && !data}
      styles={{ title: { whiteSpace: "normal" }, body: { paddingTop: 12 } }}
    >
      <ErrorAlert message={survey.error === undefined ? null : errorMessage(survey.error, t)} />
      {data && (
        <>
          <Descriptions size="small" column={{ xs: 1, sm: 2, xl: 4 }} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t("survey.year")}>{data.year}</Descriptions.Item>
            <Descriptions.Item label={t("survey.region")}>{data.regionName}</Descriptions.Item>
            <Descriptions.Item label={t("survey.published")}>
              {data.publishedVersion === null
                ? t("survey.notPublished")
                : t("survey.versionN", { version: data.publishedVersion })}
            </Descriptions.Item>
            <Descriptions.Item label={t("survey.validOfAll")}>
              <span data-testid="survey-valid-count">
                {data.valid} / {data.answers}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t("survey.rate")}>
              <span data-testid="survey-rate">
                {data.ratePercent === null ? "—" : `${data.ratePercent}%`}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t("survey.updated")}>
              {formatDateTime(data.updatedAt)}
            </Descriptions.Item>
            {data.linkedTasks.length > 0 && (
              <Descriptions.Item label={t("survey.linkedTasks")}>
                <Space size={4} wrap>
                  {data.linkedTasks.map((task) => (
                    <Link key={task.id} to={`/evaluations/${task.id}`}>
                      {task.name}
                    </Link>
                  ))}
                </Space>
              </Descriptions.Item>
            )}
          </Descriptions>
          <SurveyActions survey={data} dirty={dirty} onChanged={survey.reload} />
          <Tabs
            activeKey={tab}
            onChange={open}
            data-testid="survey-tabs"
            items={[
              {
                key: "questionnaire",
                label: (
                  <span data-testid="survey-tab-questionnaire">
                    {t("survey.tab.questionnaire")}
                  </span>
                ),
                children: (
                  <SurveyBuilder
                    key={data.id}
                    survey={data}
                    onDirty={setDirty}
                    onSaved={survey.reload}
                  />
                ),
              },
              {
                key: "settings",
                label: <span data-testid="survey-tab-settings">{t("survey.tab.settings")}</span>,
                children: <SurveySettingsForm survey={data} onSaved={survey.reload} />,
              },
              {
                key: "communities",
                label: (
                  <span data-testid="survey-tab-communities">{t("survey.tab.communities")}</span>
                ),
                children: <SurveyCommunities survey={data} onChanged={survey.reload} />,
              },
              {
                key: "results",
                label: <span data-testid="survey-tab-results">{t("survey.tab.results")}</span>,
                children:
                  tab === "results" ? <SurveyResultsTab key={locale} survey={data} /> : null,
              },
              {
                key: "responses",
                label: <span data-testid="survey-tab-responses">{t("survey.tab.responses")}</span>,
                children:
                  tab === "responses" ? (
                    <SurveyResponses key={locale} survey={data} onChanged={survey.reload} />
                  ) : null,
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
