/** The audit log, newest first, with filters and before/after of each change or refusal. */
import { Card, Space, Table, type TableColumnsType, Tag } from "antd";
import dayjs from "dayjs";
import { useCallback, useMemo } from "react";
import { entityTypeOf } from "../../../../src/shared/audit-codes.ts";
import type { AuditEntryT } from "../../../../src/shared/schemas.ts";
import { dataApi } from "../../api/data-endpoints.ts";
import { type AuditQuery, api } from "../../api/endpoints.ts";
import { errorMessage } from "../../api/error-message.ts";
import { useRegionNames } from "../../api/use-region-names.ts";
import { useRemote } from "../../api/use-remote.ts";
import { DownloadButton } from "../../components/download-button.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { formatDateTime } from "../../format/date-time.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { isMessageKey } from "../../i18n/translate.ts";
import { useLayout } from "../../layout/layout-context.ts";
import { useUrlPaging, useUrlState } from "../../layout/url-state.tsx";
import { AuditDetail } from "./audit-detail.tsx";
import { AuditFilters, type AuditFilterValues } from "./audit-filters.tsx";

const NATION_CODE = "000000";

type Filters = Omit<AuditQuery, "page" | "pageSize" | "regionCode">;

const FILTER_KEYS = ["entity", "action", "actor", "from", "to"] as const;

/** The form's values as URL parameters (an empty one removes its key). */
function paramsOf(values: AuditFilterValues): Record<(typeof FILTER_KEYS)[number], string | null> {
  const [from, to] = values.range ?? [null, null];
  return {
    entity: values.entity || null,
    action: values.action?.trim() || null,
    actor: values.actor?.trim() || null,
    from: from?.toISOString() ?? null,
    to: to?.toISOString() ?? null,
  };
}

/** The URL's filters, for the query and back into the form (a reload, Back, a shared link). */
function filtersOf(search: URLSearchParams): Filters {
  const value = (key: (typeof FILTER_KEYS)[number]) => search.get(key)?.trim() || undefined;
  const time = (key: "from" | "to") => {
    const text = value(key);
    return text && dayjs(text).isValid() ? text : undefined;
  };
  return {
    entity: value("entity"),
    action: value("action"),
    actor: value("actor"),
    from: time("from"),
    to: time("to"),
  };
}

function formValuesOf(filters: Filters): AuditFilterValues {
  return {
    entity: filters.entity,
    action: filters.action,
    actor: filters.actor,
    range:
      filters.from || filters.to
        ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]
        : null,
  };
}

export function AuditPage() {
  const { t, locale } = useI18n();
  const { region } = useLayout();
  // Filters and paging live in the URL (?entity=&action=&actor=&from=&to=&page=).
  const { search, update } = useUrlState();
  const filters = useMemo(() => filtersOf(search), [search]);
  const { page, pageSize, pagination } = useUrlPaging();

  const load = useCallback(
    () => api.audit({ ...filters, regionCode: region.code, page, pageSize }),
    [filters, region.code, page, pageSize],
  );
  const entries = useRemote(load);
  const items = entries.data?.items ?? [];
  const regionNames = useRegionNames(items.flatMap((e) => (e.regionCode ? [e.regionCode] : [])));

  const datasets = useRemote(dataApi.datasets);
  const datasetOf = (entity: string) =>
    entity.startsWith("dataset:")
      ? datasets.data?.items.find((d) => d.name === entity.slice("dataset:".length))
      : undefined;
  const actionName = (code: string) => {
    const key = `action.${code}`;
    return isMessageKey(key) ? t(key) : code;
  };
  const entityName = (entity: string) => {
    const key = `entity.${entityTypeOf(entity)}`;
    const type = isMessageKey(key) ? t(key) : entity;
    const dataset = datasetOf(entity);
    if (!dataset) return type;
    return `${type}${locale === "en-US" ? `: ${dataset.en}` : `：${dataset.zh}`}`;
  };
  /** A data set's columns by their names; other keys are named by the shared table. */
  const columnNames = (entity: string) =>
    new Map(
      (datasetOf(entity)?.columns ?? []).map((c) => [c.key, locale === "en-US" ? c.en : c.zh]),
    );
  const regionName = (code: string) =>
    code === NATION_CODE ? t("audit.nation") : (regionNames.get(code) ?? code);
  const exportQuery = new URLSearchParams(
    Object.entries({ ...filters, regionCode: region.code }).flatMap(([k, v]) =>
      v === undefined ? [] : [[k, String(v)]],
    ),
  ).toString();

  const columns: TableColumnsType<AuditEntryT> = [
    {
      key: "at",
      title: t("audit.at"),
      dataIndex: "at",
      render: (_v, e) => formatDateTime(e.at),
      width: 180,
    },
    {
      key: "actor",
      title: t("audit.actor"),
      dataIndex: "actorUsername",
      // No actor and no console name: a request from someone not signed in (a failed sign-in…).
      render: (_v, e) => e.actorUsername ?? t("audit.anonymous"),
    },
    {
      key: "ip",
      title: t("audit.ip"),
      dataIndex: "ip",
      render: (_v, e) => e.ip ?? t("common.none"),
    },
    {
      key: "action",
      title: t("audit.action"),
      dataIndex: "action",
      render: (_v, e) => <Tag>{actionName(e.action)}</Tag>,
    },
    {
      key: "entity",
      title: t("audit.entity"),
      dataIndex: "entity",
      render: (_v, e) => entityName(e.entity),
    },
    {
      key: "entityId",
      title: t("audit.entityId"),
      dataIndex: "entityId",
      render: (_v, e) => e.entityId ?? t("common.none"),
    },
    {
      key: "region",
      title: t("audit.region"),
      dataIndex: "regionCode",
      render: (_v, e) =>
        e.regionCode ? (
          <span title={e.regionCode}>{regionName(e.regionCode)}</span>
        ) : (
          t("common.none")
        ),
    },
  ];

  return (
    <Card
      title={t("audit.title")}
      extra={
        <Space wrap>
          <Tag color="blue">{t("region.scope", { name: region.name })}</Tag>
          <DownloadButton
            url={`/api/audit/export?${exportQuery}`}
            fallbackName="audit-log.xlsx"
            data-testid="audit-export"
          >
            {t("audit.export")}
          </DownloadButton>
        </Space>
      }
    >
      <AuditFilters
        initial={formValuesOf(filters)}
        onApply={(values) => update(paramsOf(values))}
      />
      <ErrorAlert message={entries.error === undefined ? null : errorMessage(entries.error, t)} />
      <div data-testid="audit-table">
        <Table<AuditEntryT>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={entries.loading}
          scroll={{ x: "max-content" }}
          expandable={{
            rowExpandable: (e) => e.before !== null || e.after !== null,
            expandedRowRender: (e) => (
              <AuditDetail before={e.before} after={e.after} fieldNames={columnNames(e.entity)} />
            ),
          }}
          pagination={pagination(entries.data?.total ?? 0)}
        />
      </div>
    </Card>
  );
}
