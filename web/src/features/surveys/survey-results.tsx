/**
 * 结果: the overall rate with its margin at 95 %, the rate of each region and community, each
 * question's rate as bars, a cross-tab and the residents' own words, identical ones counted once
 * (the Excel export is the page's one button above the tabs).
 */
import { ReloadOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Col,
  Empty,
  List,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from "antd";
import { useCallback } from "react";
import type {
  RateNodeT,
  RateTT,
  SurveyDetailT,
  SurveyResultsT,
} from "../../../../src/shared/survey-schemas.ts";
import { errorMessage } from "../../api/error-message.ts";
import { surveyApi } from "../../api/survey-endpoints.ts";
import { useRemote } from "../../api/use-remote.ts";
import { ChartCard } from "../../charts/chart-card.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { SurveyCrossTab } from "./survey-cross-tab.tsx";

type TreeRow = Omit<RateNodeT, "children"> & { children?: TreeRow[] };
type QuestionRow = SurveyResultsT["byQuestion"][number];

function treeRows(nodes: readonly RateNodeT[]): TreeRow[] {
  return nodes.map((n) => ({
    ...n,
    children: n.children.length > 0 ? treeRows(n.children) : undefined,
  }));
}

const percent = (v: string | null) => (v === null ? "—" : `${v}%`);
const margin = (v: string | null) => (v === null ? "—" : `±${v}%`);

function questionBars(rows: readonly QuestionRow[], name: string) {
  const shown = rows.filter((r) => r.rate.ratePercent !== null);
  if (shown.length === 0) return null;
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
    yAxis: {
      type: "category",
      inverse: true,
      data: shown.map((r) => r.title),
      axisLabel: { width: 160, overflow: "truncate" },
    },
    series: [
      {
        name,
        type: "bar",
        // Plotting only: the figures shown as text stay decimal strings.
        data: shown.map((r) => Number(r.rate.ratePercent)),
        label: { show: true, position: "right", formatter: "{c}%" },
      },
    ],
  };
}

function OverallCard(props: { overall: RateTT; settings: SurveyResultsT["settings"] }) {
  const { t } = useI18n();
  const { overall } = props;
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="survey-overall">
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic
            title={t("survey.validCount")}
            value={overall.valid}
            suffix={t("survey.copies")}
            data-testid="survey-overall-valid"
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t("survey.rate")}
            value={overall.ratePercent ?? "—"}
            suffix={overall.ratePercent === null ? undefined : "%"}
            data-testid="survey-overall-rate"
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t("survey.margin95")}
            value={margin(overall.marginPercent)}
            data-testid="survey-overall-margin"
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t("survey.excluded")}
            value={overall.excluded}
            suffix={t("survey.copies")}
          />
        </Col>
      </Row>
      <Typography.Text type="secondary" style={{ display: "block", marginTop: 8 }}>
        {t("survey.rateBasis", {
          unit: t(`survey.settings.unit.${props.settings.unit}`),
          method: t(`survey.method.${props.settings.method}`),
        })}
      </Typography.Text>
    </Card>
  );
}

export function SurveyResultsTab(props: { survey: SurveyDetailT }) {
  const { t } = useI18n();
  const { survey } = props;
  const load = useCallback(() => surveyApi.results(survey.id), [survey.id]);
  const results = useRemote(load);
  const data = results.data;
  const meanScore = data?.settings.method === "mean-score";

  return (
    <div data-testid="survey-results">
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<ReloadOutlined />} onClick={results.reload} loading={results.loading}>
          {t("survey.refresh")}
        </Button>
      </Space>
      <ErrorAlert message={results.error === undefined ? null : errorMessage(results.error, t)} />
      {data && (
        <>
          <OverallCard overall={data.overall} settings={data.settings} />
          <Card size="small" title={t("survey.byRegion")} style={{ marginBottom: 16 }}>
            <Table<TreeRow>
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={treeRows(data.tree)}
              scroll={{ x: "max-content" }}
              expandable={{ defaultExpandAllRows: true }}
              onRow={(r) => ({ "data-node": r.key }) as object}
              data-testid="survey-results-tree"
              columns={[
                {
                  title: t("survey.regionOrCommunity"),
                  dataIndex: "name",
                  render: (name: string, r) => (
                    <Space size={4}>
                      {name}
                      {r.level !== "nation" && <Tag>{t(`survey.level.${r.level}`)}</Tag>}
                    </Space>
                  ),
                },
                {
                  title: t("survey.validCount"),
                  key: "valid",
                  align: "right",
                  render: (_: unknown, r) => r.rate.valid,
                },
                {
                  title: t("survey.excluded"),
                  key: "excluded",
                  align: "right",
                  render: (_: unknown, r) => r.rate.excluded,
                },
                ...(meanScore
                  ? [
                      {
                        title: t("survey.meanScore"),
                        key: "mean",
                        align: "right" as const,
                        render: (_: unknown, r: TreeRow) => r.rate.meanScore ?? "—",
                      },
                    ]
                  : []),
                {
                  title: t("survey.rate"),
                  key: "rate",
                  align: "right",
                  render: (_: unknown, r) => (
                    <span data-testid="survey-node-rate">{percent(r.rate.ratePercent)}</span>
                  ),
                },
                {
                  title: t("survey.margin95"),
                  key: "margin",
                  align: "right",
                  render: (_: unknown, r) => margin(r.rate.marginPercent),
                },
              ]}
            />
          </Card>
          <div style={{ marginBottom: 16 }}>
            {data.overall.valid === 0 ? (
              <Card size="small" title={t("survey.byQuestion")}>
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("survey.noValid")} />
              </Card>
            ) : (
              <ChartCard<QuestionRow>
                title={t("survey.byQuestion")}
                name="survey-questions"
                option={questionBars(data.byQuestion, t("survey.rate"))}
                rows={data.byQuestion}
                rowKey="key"
                height={Math.max(160, 40 + data.byQuestion.length * 34)}
                columns={[
                  { title: t("survey.question"), dataIndex: "title" },
                  {
                    title: t("survey.validCount"),
                    key: "valid",
                    align: "right",
                    render: (_: unknown, r) => r.rate.valid,
                  },
                  {
                    title: t("survey.rate"),
                    key: "rate",
                    align: "right",
                    render: (_: unknown, r) => percent(r.rate.ratePercent),
                  },
                  {
                    title: t("survey.margin95"),
                    key: "margin",
                    align: "right",
                    render: (_: unknown, r) => margin(r.rate.marginPercent),
                  },
                ]}
              />
            )}
          </div>
          <SurveyCrossTab survey={survey} questions={data.questions} />
          <Card size="small" title={t("survey.texts")} data-testid="survey-texts">
            {data.texts.every((q) => q.answers.length === 0) ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("survey.noTexts")} />
            ) : (
              data.texts
                .filter((q) => q.answers.length > 0)
                .map((q) => (
                  <div key={q.question} style={{ marginBottom: 12 }}>
                    <Typography.Text strong>{q.title}</Typography.Text>
                    <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                      {t("survey.textsCount", {
                        answers: q.groups.reduce((n, g) => n + g.count, 0),
                        distinct: q.groups.length,
                      })}
                    </Typography.Text>
                    <List
                      size="small"
                      dataSource={q.groups}
                      pagination={q.groups.length > 10 ? { pageSize: 10, size: "small" } : false}
                      rowKey="text"
                      data-testid={`survey-texts-${q.question}`}
                      renderItem={(g) => (
                        <List.Item data-text-count={g.count}>
                          <Space orientation="vertical" size={0}>
                            <Space size={8} wrap>
                              <span>{g.text}</span>
                              {g.count > 1 && (
                                <Tag
                                  color="blue"
                                  aria-label={t("survey.textTimes", { count: g.count })}
                                  data-testid="survey-text-count"
                                >
                                  ×{g.count}
                                </Tag>
                              )}
                            </Space>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {g.count === 1
                                ? `${g.communities[0] ?? ""} · #${g.responseIds[0] ?? ""}`
                                : g.communities.join(t("survey.listSeparator"))}
                            </Typography.Text>
                          </Space>
                        </List.Item>
                      )}
                    />
                  </div>
                ))
            )}
          </Card>
        </>
      )}
    </div>
  );
}
