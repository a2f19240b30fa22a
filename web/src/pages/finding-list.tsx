/** A table of checker findings: severity, region, where, the message with its figures. */
import { Table, type TablePaginationConfig, Tag, Typography } from "antd";
import { ruleInfo } from "../../../src/domain/checks/rules.ts";
import type { FindingT } from "../../../src/shared/check-schemas.ts";
import { useI18n } from "../i18n/i18n-context.tsx";
import type { Locale } from "../i18n/locale.ts";

/** A rule's title in the user's language, or its code when unknown. */
export function ruleTitle(code: string, locale: Locale): string {
  const info = ruleInfo(code);
  if (!info) return code;
  return locale === "zh-CN" ? info.title.zh : info.title.en;
}

export const SEVERITY_COLOR = { error: "red", warning: "orange", info: "blue" } as const;

interface FindingListProps {
  findings: readonly FindingT[];
  /** Server paging; without it the list pages itself. */
  pagination?: TablePaginationConfig;
  loading?: boolean;
  "data-testid"?: string;
}

export function FindingList({ findings, pagination, loading, ...rest }: FindingListProps) {
  const { t, locale } = useI18n();
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
      onRow={(f) => ({ "data-rule": f.rule, "data-severity": f.severity }) as object}
      columns={[
        {
          title: t("checks.severity"),
          dataIndex: "severity",
          width: 72,
          render: (s: FindingT["severity"]) => (
            <Tag color={SEVERITY_COLOR[s]}>{t(`severity.${s}`)}</Tag>
          ),
        },
        { title: t("checks.region"), dataIndex: "regionName", width: 100 },
        {
          title: t("checks.rule"),
          dataIndex: "rule",
          width: 200,
          render: (code: string) => (
            <span>
              {ruleTitle(code, locale)}
              <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                {code}
              </Typography.Text>
            </span>
          ),
        },
        {
          title: t("checks.message"),
          key: "message",
          render: (_: unknown, f: FindingT) => (
            <span style={{ whiteSpace: "normal", display: "block", minWidth: 360, maxWidth: 720 }}>
              {locale === "zh-CN" ? f.message.zh : f.message.en}
              {f.programme && (
                <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                  {f.programme}
                </Typography.Text>
              )}
            </span>
          ),
        },
      ]}
    />
  );
}
