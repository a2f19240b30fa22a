/** 绩效运行监控: spend by region against the time schedule (ranked), target progress, alerts. */
import { Alert, DatePicker, Progress, Space, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useCallback, useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import {
  MONITORING_PAGE_SIZE,
  type MonitoringAnswerT,
} from "../../../../src/shared/check-schemas.ts";
import { spendLevel } from "../../../../src/shared/checks.ts";
import {
  checkApi,
  findingsExportUrl,
  monitoringReportUrl,
  type ReportFormat,
} from "../../api/check-endpoints.ts";
import { useRemote } from "../../api/use-remote.ts";
import { DownloadButton } from "../../components/download-button.tsx";
import { RegionYearCard } from "../../components/region-year-card.tsx";
import { groupDigits } from "../../format/decimal-text.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { useLayout } from "../../layout/layout-context.ts";
import { yearOf } from "../../layout/year-choice.ts";
import { FindingList, LEVEL_COLOR } from "./finding-list.tsx";

type Line = MonitoringAnswerT["lines"][number];
type Completion = MonitoringAnswerT["completion"][number];
type CompletionPoint = MonitoringAnswerT["completionSeries"][number];
const REPORT_FORMATS: readonly ReportFormat[] = ["docx", "xlsx", "pdf"];
const MEASURES = ["Communities", "Buildings", "Households", "Area", "ElderlyArea"] as const;

function progressStatus(severity: Line["severity"]) {
  if (severity === "error") return "exception" as const;
  return "normal" as const;
}

export function MonitoringPage() {
  const { t } = useI18n();
  const { region } = useLayout();
  const [search, setSearch] = useSearchParams();
  const year = yearOf(search);
  const asOf = search.get("asOf") ?? undefined;
  const page = pageOf(search, "page");
  const completionPage = pageOf(search, "completionPage");
  const load = useCallback(
    () =>
      checkApi.monitoring({
        regionCode: region.code,
        year,
        asOf,
        page,
        completionPage,
        pageSize: MONITORING_PAGE_SIZE,
      }),
    [region.code, year, asOf, page, completionPage],
  );
  const answer = useRemote(load);
  const data = answer.data;
  const measures = useMemo(
    () => MEASURES.filter((m) => (data?.completion ?? []).some((c) => c.measures[m])),
    [data],
  );
  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    // Another year or date is another list: back to the first pages.
    if (key !== "page" && key !== "completionPage") {
      next.delete("page");
      next.delete("completionPage");
    }
    setSearch(next);
  };
  // The server sends one page of each table; the tables page through the server.
  const serverPaging = (current: number, total: number, key: "page" | "completionPage") => ({
    current,
    total,
    pageSize: MONITORING_PAGE_SIZE,
    hideOnSinglePage: true,
    showSizeChanger: false,
    onChange: (next: number) => setParam(key, next > 1 ? String(next) : undefined),
  });

  return (
    <RegionYearCard
      title={t("monitor.title")}
      error={answer.error}
      year={year}
      onYear={(y) => setParam("year", String(y))}
      yearTestId="monitor-year"
      wrap
      tools={
        <DatePicker
          placeholder={t("monitor.asOf")}
          value={asOf ? dayjs(asOf) : null}
          onChange={(d) => setParam("asOf", d ? d.format("YYYY-MM-DD") : undefined)}
          data-testid="monitor-as-of"
        />
      }
    >
      <Space wrap align="center" style={{ marginBottom: 16 }} data-testid="monitor-report">
        <Typography.Text strong>{t("monitor.report")}</Typography.Text>
        {REPORT_FORMATS.map((format) => (
          <DownloadButton
            key={format}
            size="small"
            url={monitoringReportUrl({ regionCode: region.code, year }, format)}
            fallbackName={`monitoring.${format}`}
            data-testid={`monitor-report-${format}`}
          >
            {t(`report.download.${format}`)}
          </DownloadButton>
        ))}
        <Typography.Text type="secondary">{t("monitor.reportHint")}</Typography.Text>
      </Space>
      {data?.total ? (
        <Alert
          type={
            data.total.severity === "error"
              ? "error"
              : data.total.severity === "warning"
                ? "warning"
                : "success"
          }
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="monitor-total"
          title={t("monitor.total", {
            region: data.region.name,
            budget: groupDigits(data.total.budget),
            spent: groupDigits(data.total.spent),
            rate: data.total.rate,
            schedule: data.total.schedule,
            asOf: data.total.asOf,
          })}
        />
      ) : (
        data &&
        data.lines.length === 0 && (
          <Typography.Paragraph type="secondary">{t("monitor.noData")}</Typography.Paragraph>
        )
      )}
      <Typography.Title level={5}>{t("monitor.spendTitle")}</Typography.Title>
      <Table<Line>
        size="small"
        rowKey={(l) => `${l.regionCode}|${l.programme}`}
        loading={answer.loading}
        dataSource={data?.lines ?? []}
        // A province shows its ~20 cities on one page; the whole country's ~2,850 counties are paged.
        pagination={serverPaging(page, data?.linesTotal ?? 0, "page")}
        scroll={{ x: "max-content" }}
        data-testid="spend-ranking"
        onRow={(l) => ({ "data-region": l.regionCode }) as object}
        columns={[
          { title: t("monitor.rank"), dataIndex: "rank", width: 60 },
          {
            title: t("monitor.region"),
            dataIndex: "regionName",
            render: (name: string) => <span style={{ whiteSpace: "nowrap" }}>{name}</span>,
          },
          { title: t("monitor.budget"), dataIndex: "budget", align: "right", render: groupDigits },
          {
            title: t("monitor.arrived"),
            dataIndex: "arrived",
            align: "right",
            render: (v: string | null) => (v === null ? "—" : groupDigits(v)),
          },
          { title: t("monitor.spent"), dataIndex: "spent", align: "right", render: groupDigits },
          {
            title: t("monitor.rate"),
            dataIndex: "rate",
            render: (rate: string, l: Line) => (
              <Space>
                <Progress
                  percent={Math.min(100, Number(rate))}
                  showInfo={false}
                  size="small"
                  status={progressStatus(l.severity)}
                  style={{ width: 72 }}
                />
                <span data-testid="spend-rate">{rate}%</span>
              </Space>
            ),
          },
          { title: t("monitor.schedule"), dataIndex: "schedule", render: (v: string) => `${v}%` },
          { title: t("monitor.gap"), dataIndex: "gap", align: "right" },
          {
            title: t("monitor.status"),
            dataIndex: "severity",
            render: (s: Line["severity"]) => {
              const level = spendLevel(s);
              return level ? (
                <Tag color={LEVEL_COLOR[level]} style={{ whiteSpace: "nowrap" }}>
                  {t(`severity.${level}`)}
                </Tag>
              ) : (
                <Tag color="green">{t("monitor.onTrack")}</Tag>
              );
            },
          },
        ]}
      />
      {(data?.series.length ?? 0) > 1 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t("monitor.seriesTitle")}
          </Typography.Title>
          <Table
            size="small"
            rowKey="asOf"
            dataSource={data?.series ?? []}
            pagination={false}
            columns={[
              { title: t("monitor.asOf"), dataIndex: "asOf" },
              { title: t("monitor.budget"), dataIndex: "budget", render: groupDigits },
              { title: t("monitor.spent"), dataIndex: "spent", render: groupDigits },
              { title: t("monitor.rate"), dataIndex: "rate", render: (v: string) => `${v}%` },
              {
                title: t("monitor.schedule"),
                dataIndex: "schedule",
                render: (v: string) => `${v}%`,
              },
            ]}
          />
        </>
      )}
      {new Set((data?.completionSeries ?? []).map((p) => p.asOf)).size > 1 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t("monitor.completionSeriesTitle")}
          </Typography.Title>
          <Table<CompletionPoint>
            size="small"
            rowKey={(p) => `${p.asOf}|${p.stage}`}
            dataSource={data?.completionSeries ?? []}
            pagination={false}
            data-testid="completion-series"
            columns={[
              { title: t("monitor.asOf"), dataIndex: "asOf" },
              {
                title: t("monitor.stage"),
                dataIndex: "stage",
                render: (s: string) => (s === "started" || s === "completed" ? t(`stage.${s}`) : s),
              },
              ...MEASURES.map((m) => ({
                title: t(`measure.${m}`),
                key: m,
                render: (_: unknown, p: CompletionPoint) => {
                  const v = p.measures[m];
                  return v
                    ? `${groupDigits(v.actual)} / ${groupDigits(v.plan)}${v.rate ? `（${v.rate}%）` : ""}`
                    : "—";
                },
              })),
            ]}
          />
        </>
      )}
      {(data?.completion.length ?? 0) > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t("monitor.completionTitle")}
          </Typography.Title>
          <Table<Completion>
            size="small"
            rowKey={(c) => `${c.regionCode}|${c.stage}`}
            dataSource={data?.completion ?? []}
            pagination={serverPaging(completionPage, data?.completionTotal ?? 0, "completionPage")}
            scroll={{ x: "max-content" }}
            data-testid="completion"
            columns={[
              { title: t("monitor.region"), dataIndex: "regionName", width: 100 },
              {
                title: t("monitor.stage"),
                dataIndex: "stage",
                render: (s: string) => (s === "started" || s === "completed" ? t(`stage.${s}`) : s),
              },
              ...measures.map((m) => ({
                title: t(`measure.${m}`),
                key: m,
                render: (_: unknown, c: Completion) => {
                  const v = c.measures[m];
                  if (!v) return "—";
                  return (
                    <span>
                      {groupDigits(v.actual)} / {groupDigits(v.plan)}
                      {v.rate && (
                        <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
                          {v.rate}%
                        </Typography.Text>
                      )}
                    </span>
                  );
                },
              })),
            ]}
          />
        </>
      )}
      <Space
        wrap
        style={{ marginTop: 24, marginBottom: 8, width: "100%", justifyContent: "space-between" }}
      >
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("monitor.alertsTitle", { total: data?.alertsTotal ?? 0 })}
        </Typography.Title>
        <DownloadButton
          size="small"
          url={findingsExportUrl({ regionCode: region.code, year, asOf, category: "monitoring" })}
          fallbackName="alerts.xlsx"
          disabled={!data || data.alertsTotal === 0}
          data-testid="alerts-export"
        >
          {t("checks.exportAlerts")}
        </DownloadButton>
      </Space>
      {data && data.alertsTotal > data.alerts.length && (
        <Typography.Paragraph type="secondary">
          {t("monitor.alertsMore", { shown: data.alerts.length, total: data.alertsTotal })}{" "}
          <Link to={`/checks?year=${year}`}>{t("nav.checks")}</Link>
        </Typography.Paragraph>
      )}
      <FindingList
        findings={data?.alerts ?? []}
        year={year}
        loading={answer.loading}
        data-testid="alerts"
      />
    </RegionYearCard>
  );
}

function pageOf(search: URLSearchParams, key: string): number {
  const n = Number(search.get(key));
  return Number.isInteger(n) && n >= 1 && n <= 1_000_000 ? n : 1;
}
