/** A table of checker findings: level, region, the rule in words, the message, a link to the data row. */
import { Grid, Table, type TablePaginationConfig, Tag, Typography } from "antd";
import { Link } from "react-router";
import type { FindingT } from "../../../../src/shared/check-schemas.ts";
import { type FindingLevel, findingLevel, ruleInfo } from "../../../../src/shared/checks.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import type { Locale } from "../../i18n/locale.ts";

/** A rule's name in the user's language (the code stays in the API; an unknown code shows as is). */
export function ruleTitle(code: string, locale: Locale): string {
  const info = ruleInfo(code);
  if (!info) return code;
  return locale === "zh-CN" ? info.title.zh : info.title.en;
}

export const SEVERITY_COLOR = { error: "red", warning: "orange", info: "blue" } as const;

export const LEVEL_COLOR: Record<FindingLevel, string> = {
  ...SEVERITY_COLOR,
  "red-alert": "red",
  "yellow-alert": "gold",
};

/** 项目数据 at the finding's row: the data set, the year, the row's region and the row to highlight. */
export function findingRowLink(f: FindingT, year: number): string | null {
  if (f.rowId === null || !f.dataset) return null;
  const q = new URLSearchParams({ year: String(year), region: f.regionCode, row: String(f.rowId) });
  return `/data/${f.dataset}?${q.toString()}`;
}

interface FindingListProps {
  findings: readonly FindingT[];
  /** The year the findings are of (the data row's link opens it). */
  year: number;
  /** Server paging; without it the list pages itself. */
  pagination?: TablePaginationConfig;
  loading?: boolean;
  "data-testid"?: string;
}

export function FindingList({ findings, year, pagination, loading, ...rest }: FindingListProps) {
  const { t, locale } = useI18n();
  // On a phone the rule's name goes above the message instead of taking a column of its own.
  const narrow = Grid.useBreakpoint().md === false;
  return (
    <Table<FindingT>
      size="small"
      rowKey={(f) => `${f.rule}|${f.regionCode}|${f.rowId}|${f.field}|${f.message.zh}`}
      loading={loading}
      dataSource={[...findings]}
      pagination={pagination ?? { pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
      locale={{ emptyText: t("checks.none") }}
      scroll={{ x: "max-content" }}
      data-testid={rest["data-testid"]}
      onRow={(f) =>
        ({
          "data-rule": f.rule,
          "data-severity": f.severity,
          "data-level": findingLevel(f),
        }) as object
      }
      columns={[
        {
          title: t("checks.severity"),
          key: "level",
          width: 88,
          render: (_: unknown, f: FindingT) => {
            const level = findingLevel(f);
            return (
              <Tag color={LEVEL_COLOR[level]} style={{ whiteSpace: "nowrap" }}>
                {t(`severity.${level}`)}
              </Tag>
            );
          },
        },
        {
          title: t("checks.region"),
          dataIndex: "regionName",
          width: 100,
          render: (name: string) => <span style={{ whiteSpace: "nowrap" }}>{name}</span>,
        },
        ...(narrow
          ? []
          : [
              {
                title: t("checks.rule"),
                dataIndex: "rule",
                width: 200,
                render: (code: string) => (
                  <span data-testid="finding-rule">{ruleTitle(code, locale)}</span>
                ),
              },
            ]),
        {
          title: t("checks.message"),
          key: "message",
          render: (_: unknown, f: FindingT) => (
            <span
              style={{
                whiteSpace: "normal",
                display: "block",
                minWidth: narrow ? 200 : 260,
                maxWidth: 520,
              }}
            >
              {narrow && (
                <Typography.Text strong style={{ display: "block" }}>
                  {ruleTitle(f.rule, locale)}
                </Typography.Text>
              )}
              {locale === "zh-CN" ? f.message.zh : f.message.en}
              {f.programme && (
                <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                  {f.programme}
                </Typography.Text>
              )}
            </span>
          ),
        },
        {
          title: t("checks.dataRow"),
          key: "row",
          width: 96,
          render: (_: unknown, f: FindingT) => {
            const to = findingRowLink(f, year);
            return to ? (
              <Link to={to} data-testid="finding-row-link" style={{ whiteSpace: "nowrap" }}>
                {t("checks.openRow")}
              </Link>
            ) : null;
          },
        },
      ]}
    />
  );
}
