/** One audit entry's before and after, field by field, the fields in words and changed ones marked. */
import { Table, Typography } from "antd";
import {
  type AuditFieldChange,
  auditFieldChanges,
  auditValueText,
} from "../../../../src/shared/audit-changes.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";

const CHANGED = "#fff7e6";

/** Instants in the browser's own time zone, as the log's 时间 column shows them. */
const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

function Value({
  value,
  field,
  locale,
}: {
  value: unknown;
  field: string;
  locale: "zh-CN" | "en-US";
}) {
  const complex = typeof value === "object" && value !== null;
  if (!complex)
    return <span>{auditValueText(value, locale, { key: field, timeZone: TIME_ZONE })}</span>;
  // A model or a list of changes: shown whole, in a box that scrolls rather than a page that does.
  return (
    <pre
      style={{ margin: 0, maxHeight: 240, overflow: "auto", whiteSpace: "pre-wrap", fontSize: 12 }}
    >
      {Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null)
        ? auditValueText(value, locale, { max: 10_000 })
        : JSON.stringify(value, null, 2)}
    </pre>
  );
}

interface AuditDetailProps {
  before: unknown;
  after: unknown;
  /** Names of keys that are data (a data set's columns), ahead of the shared field names. */
  fieldNames?: ReadonlyMap<string, string>;
}

export function AuditDetail({ before, after, fieldNames }: AuditDetailProps) {
  const { t, locale } = useI18n();
  const rows = auditFieldChanges(before, after, locale, t("audit.changes")).map((r) => ({
    ...r,
    label: fieldNames?.get(r.key) ?? r.label,
  }));
  if (rows.length === 0)
    return <Typography.Text type="secondary">{t("audit.noChange")}</Typography.Text>;
  const onlyAfter = before === null || before === undefined;
  const onlyBefore = after === null || after === undefined;
  return (
    <Table<AuditFieldChange>
      data-testid="audit-detail"
      size="small"
      rowKey={(r) => r.key || "whole"}
      pagination={false}
      dataSource={rows}
      onRow={(r) => ({ style: r.changed ? { background: CHANGED } : {} })}
      columns={[
        { key: "field", title: t("audit.field"), dataIndex: "label", width: 180 },
        ...(onlyAfter
          ? []
          : [
              {
                key: "before",
                title: t("audit.before"),
                render: (_: unknown, r: AuditFieldChange) => (
                  <Value value={r.before} field={r.key} locale={locale} />
                ),
              },
            ]),
        ...(onlyBefore
          ? []
          : [
              {
                key: "after",
                title: t("audit.after"),
                render: (_: unknown, r: AuditFieldChange) => (
                  <Value value={r.after} field={r.key} locale={locale} />
                ),
              },
            ]),
      ]}
    />
  );
}
