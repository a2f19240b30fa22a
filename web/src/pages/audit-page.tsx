/** The audit log, newest first, with filters and before/after of each change or refusal. */
import { Card, Table, type TableColumnsType, Tag } from "antd";
import { useCallback, useState } from "react";
import type { AuditEntryT } from "../../../src/shared/schemas.ts";
import { type AuditQuery, api } from "../api/endpoints.ts";
import { errorMessage } from "../api/error-message.ts";
import { useRegionNames } from "../api/use-region-names.ts";
import { useRemote } from "../api/use-remote.ts";
import { ChangeView } from "../components/change-view.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { useServerPaging } from "../components/use-server-paging.tsx";
import { formatDateTime } from "../format/date-time.ts";
import { useI18n } from "../i18n/i18n-context.tsx";
import { isMessageKey } from "../i18n/translate.ts";
import { useLayout } from "../layout/layout-context.ts";
import { AuditFilters, type AuditFilterValues } from "./audit-filters.tsx";

type Filters = Omit<AuditQuery, "page" | "pageSize" | "regionCode">;

function filtersOf(values: AuditFilterValues): Filters {
  const [from, to] = values.range ?? [null, null];
  return {
    entity: values.entity || undefined,
    action: values.action?.trim() || undefined,
    actor: values.actor?.trim() || undefined,
    from: from?.toISOString(),
    to: to?.toISOString(),
  };
}

export function AuditPage() {
  const { t } = useI18n();
  const { region } = useLayout();
  const [filters, setFilters] = useState<Filters>({});
  const { page, pageSize, setPage, pagination } = useServerPaging();

  const load = useCallback(
    () => api.audit({ ...filters, regionCode: region.code, page, pageSize }),
    [filters, region.code, page, pageSize],
  );
  const entries = useRemote(load);
  const items = entries.data?.items ?? [];
  const regionNames = useRegionNames(items.flatMap((e) => (e.regionCode ? [e.regionCode] : [])));

  const translated = (prefix: "action" | "entity", value: string) => {
    const key = `${prefix}.${value}`;
    return isMessageKey(key) ? t(key) : value;
  };

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
      render: (_v, e) => <Tag title={e.action}>{translated("action", e.action)}</Tag>,
    },
    {
      key: "entity",
      title: t("audit.entity"),
      dataIndex: "entity",
      render: (_v, e) => <span title={e.entity}>{translated("entity", e.entity)}</span>,
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
          <span title={e.regionCode}>{regionNames.get(e.regionCode) ?? e.regionCode}</span>
        ) : (
          t("common.none")
        ),
    },
  ];

  return (
    <Card
      title={t("audit.title")}
      extra={<Tag color="blue">{t("region.scope", { name: region.name })}</Tag>}
    >
      <AuditFilters
        onApply={(values) => {
          setFilters(filtersOf(values));
          setPage(1);
        }}
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
              <ChangeView
                before={e.before}
                after={e.after}
                labels={{
                  before: t("audit.before"),
                  after: t("audit.after"),
                  empty: t("audit.empty"),
                }}
              />
            ),
          }}
          pagination={pagination(entries.data?.total ?? 0)}
        />
      </div>
    </Card>
  );
}
