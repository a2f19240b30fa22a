/**
 * 驾驶舱: the chosen region's year at a glance. Every chart is also a table and exports as PNG;
 * clicking a region (a bar, a table row) drills down to it, the trail leads back up. Region and year
 * are the URL's: Back after a drill-down returns to the region before it.
 */

import { DatabaseOutlined } from "@ant-design/icons";
import { Breadcrumb, Button, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from "antd";
import { useCallback } from "react";
import { Link } from "react-router";
import { spendLevel } from "../../../../src/shared/checks.ts";
import type { DashboardT } from "../../../../src/shared/dashboard-schemas.ts";
import { dashboardApi } from "../../api/dashboard-endpoints.ts";
import { errorMessage } from "../../api/error-message.ts";
import { useRemote } from "../../api/use-remote.ts";
import { ChartCard } from "../../charts/chart-card.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { YearSelect } from "../../components/year-select.tsx";
import { groupDigits } from "../../format/decimal-text.ts";
import { gradeText } from "../../format/grade.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { isMessageKey } from "../../i18n/translate.ts";
import { useRegionParam, useYearParam } from "../../layout/url-state.tsx";
import { useNarrow } from "../../layout/use-narrow.ts";
import { yearChoices } from "../../layout/year-choice.ts";
import { LEVEL_COLOR } from "../checks/finding-list.tsx";

type Line = DashboardT["regions"][number];
type Alert = DashboardT["alerts"][number];
const GRADE_COLOR: Record<string, string> = {
  优: "#389e0d",
  良: "#1677ff",
  中: "#faad14",
  差: "#cf1322",
};
const dash = (v: string | null) => (v === null ? "—" : v);
const money = (v: string | null) => (v === null ? "—" : groupDigits(v));
const percent = (v: string | null) => (v === null ? "—" : `${v}%`);
/** Right-aligned figure columns: sums with grouped digits, rates with a percent sign. */
const moneyColumn = (title: string, dataIndex: string) =>
  ({ title, dataIndex, align: "right", render: money }) as const;
const percentColumn = (title: string, dataIndex: string) =>
  ({ title, dataIndex, align: "right", render: percent }) as const;
/** Keeps a short cell (a region's name, a figure) on one line on a phone. */
const nowrap = () => ({ style: { whiteSpace: "nowrap" as const } });

/** Whether the dashboard has any figure to show (else it says where data comes from). */
function hasFigures(d: DashboardT): boolean {
  return (
    d.funds.length > 0 ||
    d.spend.length > 0 ||
    d.planActual.length > 0 ||
    d.scores.length > 0 ||
    d.regions.some((l) => l.spendRate !== null || l.startRate !== null || l.completionRate !== null)
  );
}

/** A horizontal bar chart of regions, highest first, with an optional reference line. */
function regionBars(
  lines: Line[],
  value: (l: Line) => string | null,
  name: string,
  reference?: { label: string; value: string },
) {
  const shown = lines.filter((l) => value(l) !== null);
  if (shown.length === 0) return null;
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 8, right: 48, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: "value" },
    yAxis: { type: "category", inverse: true, data: shown.map((l) => l.name) },
    series: [
      {
        name,
        type: "bar",
        data: shown.map((l) => ({
          value: Number(value(l)),
          itemStyle: {
            color:
              l.severity === "error" ? "#cf1322" : l.severity === "warning" ? "#faad14" : "#1677ff",
          },
        })),
        label: { show: true, position: "right", formatter: "{c}" },
        ...(reference
          ? {
              markLine: {
                symbol: "none",
                data: [{ xAxis: Number(reference.value), name: reference.label }],
                label: { formatter: `${reference.label} {c}` },
              },
            }
          : {}),
      },
    ],
  };
}

export function DashboardPage() {
  const { t, locale } = useI18n();
  const { region, selectRegion } = useRegionParam();
  const [year, setYear] = useYearParam();
  const narrow = useNarrow();
  const load = useCallback(
    () => dashboardApi.dashboard({ regionCode: region.code, year }),
    [region.code, year],
  );
  const answer = useRemote(load);
  const d = answer.data;
  const zh = locale === "zh-CN";
  const measureName = (m: { key: string; zh: string; unit: string }) => {
    const key = `measure.${m.key}`;
    return isMessageKey(key) ? t(key) : `${m.zh}（${m.unit}）`;
  };
  const stageName = (s: { stage: string; zh: string; en: string }) => {
    const key = `stage.${s.stage}`;
    return isMessageKey(key) ? t(key) : zh ? s.zh : s.en;
  };

  const drill = (line: Line | undefined) => {
    // A county below has no regions of its own, but its own figures: it opens too.
    if (line && !line.own) selectRegion({ code: line.code, name: line.name });
  };
  // The region name, a link down to it (both region tables).
  const regionColumn = {
    title: t("dash.region"),
    dataIndex: "name",
    render: (name: string, l: Line) =>
      !l.own ? <Typography.Link onClick={() => drill(l)}>{name}</Typography.Link> : name,
  };
  const latest = d?.spend.at(-1);
  const spending = (d?.regions ?? []).filter((l) => l.spendRate !== null);
  const scored = d?.scores ?? [];
  const measures = (d?.planActual ?? []).flatMap((s) =>
    s.measures.map((m) => ({
      key: `${s.stage}-${m.key}`,
      measureKey: m.key,
      stage: stageName(s),
      measure: measureName(m),
      plan: m.plan,
      actual: m.actual,
      rate: m.rate,
    })),
  );
  const measureAxis = [...new Set(measures.map((m) => m.measureKey))].map((key) => ({
    key,
    label: measures.find((m) => m.measureKey === key)?.measure ?? key,
  }));

  return (
    <Card
      title={t("dash.title")}
      extra={
        <Space>
          <YearSelect
            value={year}
            years={yearChoices([], year)}
            onChange={setYear}
            data-testid="dash-year"
          />
        </Space>
      }
    >
      <ErrorAlert message={answer.error === undefined ? null : errorMessage(answer.error, t)} />
      <Breadcrumb
        style={{ marginBottom: 12 }}
        data-testid="dash-trail"
        items={[
          ...(d?.trail ?? []).map((r) => ({
            title: (
              <Typography.Link onClick={() => selectRegion({ code: r.code, name: r.name })}>
                {r.name}
              </Typography.Link>
            ),
          })),
          { title: <strong data-testid="dash-scope">{d?.scope.name ?? region.name}</strong> },
        ]}
      />
      {d && !hasFigures(d) ? (
        <EmptyState
          data-testid="dash-empty"
          description={t("dash.empty", { region: d.scope.name, year })}
          hint={t("dash.emptyHint")}
          years={{ regionCode: region.code, current: year, onPick: setYear }}
          actions={
            <Link to={`/data?region=${region.code}&year=${year}`} data-testid="dash-empty-data">
              <Button type="primary" icon={<DatabaseOutlined />}>
                {t("dash.toData")}
              </Button>
            </Link>
          }
        />
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Statistic
                title={t("dash.fundsTotal")}
                value={d?.fundsTotal ? groupDigits(d.fundsTotal) : "—"}
                suffix={d?.fundsTotal ? t("dash.wan") : undefined}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t("dash.spendRate", { date: latest?.asOf ?? "—" })}
                value={latest?.rate ?? "—"}
                suffix={latest?.rate ? "%" : undefined}
                data-testid="dash-spend-rate"
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t("dash.alerts")} value={d?.alerts.length ?? 0} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t("dash.evaluated")} value={scored.length} />
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <ChartCard
                title={t("dash.funds")}
                name="funds"
                rowKey="source"
                rows={d?.funds ?? []}
                option={
                  d && d.funds.length > 0
                    ? {
                        tooltip: { trigger: "item", formatter: `{b}: {c} ${t("dash.wan")} ({d}%)` },
                        legend: { bottom: 0 },
                        series: [
                          {
                            type: "pie",
                            radius: ["35%", "65%"],
                            data: d.funds.map((f) => ({
                              name: zh ? f.zh : f.en,
                              value: Number(f.amount),
                            })),
                          },
                        ],
                      }
                    : null
                }
                columns={[
                  { title: t("dash.source"), render: (_, f) => (zh ? f.zh : f.en) },
                  moneyColumn(t("dash.amountWan"), "amount"),
                  percentColumn(t("dash.share"), "share"),
                ]}
              />
            </Col>
            <Col xs={24} lg={12}>
              <ChartCard
                title={t("dash.spendOverTime")}
                name="spend"
                rowKey="asOf"
                rows={d?.spend ?? []}
                option={
                  d && d.spend.length > 0
                    ? {
                        tooltip: { trigger: "axis", valueFormatter: (v: number) => `${v}%` },
                        legend: { bottom: 0 },
                        grid: { left: 8, right: 24, top: 24, bottom: 40, containLabel: true },
                        xAxis: { type: "category", data: d.spend.map((p) => p.asOf) },
                        yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
                        series: [
                          {
                            name: t("dash.spendRateShort"),
                            type: "line",
                            symbolSize: 10,
                            data: d.spend.map((p) => (p.rate === null ? null : Number(p.rate))),
                            label: { show: true, formatter: "{c}%" },
                          },
                          {
                            name: t("dash.schedule"),
                            type: "line",
                            lineStyle: { type: "dashed" },
                            data: d.spend.map((p) => Number(p.schedule)),
                          },
                        ],
                      }
                    : null
                }
                columns={[
                  { title: t("dash.asOf"), dataIndex: "asOf" },
                  moneyColumn(t("dash.budgetWan"), "budget"),
                  moneyColumn(t("dash.spentWan"), "spent"),
                  percentColumn(t("dash.spendRateShort"), "rate"),
                  percentColumn(t("dash.schedule"), "schedule"),
                ]}
              />
            </Col>
            <Col xs={24}>
              <ChartCard
                title={t("dash.planActual")}
                name="plan-actual"
                rowKey="key"
                rows={measures}
                option={
                  d && measures.length > 0
                    ? {
                        tooltip: { trigger: "axis", valueFormatter: (v: number) => `${v}%` },
                        legend: { bottom: 0 },
                        grid: { left: 8, right: 24, top: 24, bottom: 40, containLabel: true },
                        xAxis: {
                          type: "category",
                          data: measureAxis.map((m) => m.label),
                          // Every measure named, long names wrapped rather than dropped.
                          axisLabel: { interval: 0, width: narrow ? 56 : 120, overflow: "break" },
                        },
                        yAxis: { type: "value", axisLabel: { formatter: "{value}%" } },
                        series: d.planActual.map((s, i) => ({
                          name: t("dash.stageRate", { stage: stageName(s) }),
                          type: "bar",
                          data: measureAxis.map(({ key }) => {
                            const m = s.measures.find((x) => x.key === key);
                            return m?.rate ? Number(m.rate) : null;
                          }),
                          label: { show: true, position: "top", formatter: "{c}%" },
                          ...(i === 0
                            ? {
                                markLine: {
                                  symbol: "none",
                                  data: [{ yAxis: 100 }],
                                  label: { formatter: "100%" },
                                },
                              }
                            : {}),
                        })),
                      }
                    : null
                }
                columns={[
                  { title: t("dash.stage"), dataIndex: "stage" },
                  { title: t("dash.measure"), dataIndex: "measure" },
                  moneyColumn(t("dash.plan"), "plan"),
                  moneyColumn(t("dash.actual"), "actual"),
                  percentColumn(t("dash.completionRate"), "rate"),
                ]}
              />
            </Col>
            <Col xs={24} lg={12}>
              <ChartCard<Line>
                title={t("dash.spendByRegion")}
                name="regions"
                rowKey="code"
                rows={spending}
                height={Math.max(300, spending.length * 28)}
                option={regionBars(
                  spending,
                  (l) => l.spendRate,
                  t("dash.spendRateShort"),
                  spending[0]?.schedule
                    ? { label: t("dash.schedule"), value: spending[0].schedule }
                    : undefined,
                )}
                onItemClick={({ dataIndex }) => drill(spending[dataIndex])}
                columns={[
                  regionColumn,
                  moneyColumn(t("dash.budgetWan"), "budget"),
                  moneyColumn(t("dash.spentWan"), "spent"),
                  percentColumn(t("dash.spendRateShort"), "spendRate"),
                  percentColumn(t("dash.startRate"), "startRate"),
                  percentColumn(t("dash.completionRate"), "completionRate"),
                ]}
              />
            </Col>
            <Col xs={24} lg={12}>
              <ChartCard<Line>
                title={t("dash.scoreByRegion")}
                name="scores"
                rowKey="code"
                rows={scored}
                height={Math.max(300, scored.length * 28)}
                option={regionBars(scored, (l) => l.score, t("dash.score"))}
                onItemClick={({ dataIndex }) => drill(scored[dataIndex])}
                columns={[
                  { title: t("dash.rank"), dataIndex: "scoreRank", width: 60 },
                  regionColumn,
                  { title: t("dash.score"), dataIndex: "score", align: "right", render: dash },
                  {
                    title: t("dash.grade"),
                    dataIndex: "grade",
                    render: (g: string | null) =>
                      g ? <Tag color={GRADE_COLOR[g] ?? "default"}>{gradeText(g, t)}</Tag> : "—",
                  },
                  {
                    title: t("dash.scoreSource"),
                    dataIndex: "scoreSource",
                    render: (s: Line["scoreSource"]) => (s ? t(`dash.source.${s}`) : "—"),
                  },
                ]}
              />
            </Col>
            <Col xs={24} lg={12}>
              <ChartCard
                title={t("dash.grades")}
                name="grades"
                rowKey="grade"
                rows={d?.grades ?? []}
                option={
                  d?.grades.some((g) => g.count > 0)
                    ? {
                        tooltip: { trigger: "axis" },
                        grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
                        xAxis: {
                          type: "category",
                          data: d.grades.map((g) => gradeText(g.grade, t)),
                        },
                        yAxis: { type: "value", minInterval: 1 },
                        series: [
                          {
                            name: t("dash.regionsCount"),
                            type: "bar",
                            data: d.grades.map((g) => ({
                              value: g.count,
                              itemStyle: { color: GRADE_COLOR[g.grade] ?? "#8c8c8c" },
                            })),
                            label: { show: true, position: "top" },
                          },
                        ],
                      }
                    : null
                }
                columns={[
                  {
                    title: t("dash.grade"),
                    dataIndex: "grade",
                    render: (g: string) => gradeText(g, t),
                  },
                  { title: t("dash.regionsCount"), dataIndex: "count", align: "right" },
                ]}
              />
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t("dash.alertList")} data-testid="dash-alerts">
                <Table<Alert>
                  size="small"
                  rowKey="code"
                  dataSource={d?.alerts ?? []}
                  pagination={{ pageSize: 8, hideOnSinglePage: true }}
                  locale={{ emptyText: t("dash.noAlerts") }}
                  scroll={{ x: "max-content" }}
                  columns={[
                    {
                      title: t("dash.severity"),
                      dataIndex: "severity",
                      onHeaderCell: nowrap,
                      onCell: nowrap,
                      // Spend lag is monitoring (双监控): 红色预警 / 黄色预警, as on the monitoring page.
                      render: (s: Alert["severity"]) => {
                        const level = spendLevel(s) ?? s;
                        return <Tag color={LEVEL_COLOR[level]}>{t(`severity.${level}`)}</Tag>;
                      },
                    },
                    {
                      title: t("dash.region"),
                      dataIndex: "name",
                      onHeaderCell: nowrap,
                      onCell: nowrap,
                    },
                    percentColumn(t("dash.spendRateShort"), "spendRate"),
                    percentColumn(t("dash.schedule"), "schedule"),
                    {
                      title: t("dash.gap"),
                      dataIndex: "gap",
                      align: "right",
                      onHeaderCell: nowrap,
                      onCell: nowrap,
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Card>
  );
}
