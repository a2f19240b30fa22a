/** 数据检查: every finding of the checker for the selected region and year, filterable, and the 问题. */
import { Select, Table, Tabs, Tag, Typography } from "antd";
import { useCallback, useMemo } from "react";
import { type CheckAnswerT, PROBLEM_PAGE_SIZE } from "../../../../src/shared/check-schemas.ts";
import { checkApi, findingsExportUrl } from "../../api/check-endpoints.ts";
import { useRemote } from "../../api/use-remote.ts";
import { DownloadButton } from "../../components/download-button.tsx";
import { RegionYearCard } from "../../components/region-year-card.tsx";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { useLayout } from "../../layout/layout-context.ts";
import { useUrlPaging, useUrlState } from "../../layout/url-state.tsx";
import { yearOf } from "../../layout/year-choice.ts";
import { FindingList, SEVERITY_COLOR } from "./finding-list.tsx";

const SEVERITIES = ["error", "warning", "info"] as const;
const CATEGORIES = [
  "sums",
  "identities",
  "rates",
  "scores",
  "plausibility",
  "dates",
  "targets",
  "monitoring",
] as const;

type Problem = CheckAnswerT["problems"][number];

export function ChecksPage() {
  const { t, locale } = useI18n();
  const { region } = useLayout();
  // Year, filters and page live in the URL: Back, a reload and a shared link restore the list.
  const { search, update } = useUrlState();
  const year = yearOf(search);
  // A value the API does not know is no filter.
  const severity = SEVERITIES.find((s) => s === search.get("severity"));
  const category = CATEGORIES.find((c) => c === search.get("category"));
  const regionFilter = search.get("within") ?? undefined;

  const { page, pageSize, pagination } = useUrlPaging();
  // The candidate problems come one page at a time too (they do not depend on the filters).
  const problemsPage = Math.max(1, Math.min(1_000_000, Number(search.get("problemsPage")) || 1));
  const load = useCallback(
    () =>
      checkApi.checks({
        regionCode: region.code,
        year,
        severity,
        category,
        within: regionFilter,
        page,
        pageSize,
        problemsPage,
      }),
    [region.code, year, severity, category, regionFilter, page, pageSize, problemsPage],
  );
  const answer = useRemote(load);
  const data = answer.data;
  const filter = (key: string) => (value: string | undefined) => update({ [key]: value ?? null });
  const regions = useMemo(
    () => (data?.regions ?? []).map((r) => ({ value: r.code, label: `${r.name}（${r.count}）` })),
    [data],
  );

  return (
    <RegionYearCard
      title={t("checks.title")}
      error={answer.error}
      year={year}
      onYear={(y) => update({ year: y })}
      yearTestId="checks-year"
      wrap
      tools={
        <>
          <Select<string>
            allowClear
            placeholder={t("checks.allSeverities")}
            style={{ width: 140 }}
            value={severity}
            onChange={filter("severity")}
            options={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
            data-testid="checks-severity"
          />
          <Select<string>
            allowClear
            placeholder={t("checks.allCategories")}
            style={{ width: 140 }}
            value={category}
            onChange={filter("category")}
            options={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
            data-testid="checks-category"
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            placeholder={t("checks.allRegions")}
            style={{ width: 160 }}
            value={regionFilter}
            onChange={filter("within")}
            options={regions}
            data-testid="checks-region"
          />
          <DownloadButton
            url={findingsExportUrl({
              regionCode: region.code,
              year,
              severity,
              category,
              within: regionFilter,
            })}
            fallbackName="findings.xlsx"
            disabled={!data || data.total === 0}
            data-testid="checks-export"
          >
            {t("checks.export")}
          </DownloadButton>
        </>
      }
    >
      {data && (
        <Typography.Paragraph data-testid="checks-summary">
          {t("checks.summaryLevels", {
            region: data.region.name,
            year: data.year,
            error: data.levels.error,
            warning: data.levels.warning,
            info: data.levels.info,
            red: data.levels["red-alert"],
            yellow: data.levels["yellow-alert"],
          })}
        </Typography.Paragraph>
      )}
      <Tabs
        items={[
          {
            key: "findings",
            label: t("checks.findings"),
            children: (
              <FindingList
                findings={data?.findings ?? []}
                year={year}
                pagination={pagination(data?.total ?? 0)}
                loading={answer.loading}
                data-testid="findings"
              />
            ),
          },
          {
            key: "problems",
            label: (
              <span data-testid="problems-tab">
                {t("checks.problemsCount", { count: data?.problemsTotal ?? 0 })}
              </span>
            ),
            children: (
              <Table<Problem>
                size="small"
                rowKey={(p) => `${p.source}|${p.regionCode}|${p.text.zh}`}
                dataSource={data?.problems ?? []}
                pagination={{
                  current: problemsPage,
                  total: data?.problemsTotal ?? 0,
                  pageSize: PROBLEM_PAGE_SIZE,
                  showSizeChanger: false,
                  hideOnSinglePage: true,
                  onChange: (next) => update({ problemsPage: next > 1 ? next : null }),
                }}
                data-testid="problems"
                columns={[
                  {
                    title: t("checks.problemSource"),
                    dataIndex: "source",
                    width: 100,
                    render: (s: Problem["source"], p: Problem) => (
                      <Tag color={SEVERITY_COLOR[p.severity]}>
                        {t(s === "finding" ? "checks.sourceFinding" : "checks.sourceScore")}
                      </Tag>
                    ),
                  },
                  { title: t("checks.region"), dataIndex: "regionName", width: 100 },
                  {
                    title: t("checks.message"),
                    key: "text",
                    render: (_: unknown, p: Problem) =>
                      locale === "zh-CN" ? p.text.zh : p.text.en,
                  },
                ]}
              />
            ),
          },
        ]}
      />
    </RegionYearCard>
  );
}
