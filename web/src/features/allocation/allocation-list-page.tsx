/** 资金分配: the allocation plans of the selected region and year, scenarios under their base, and importing a model. */
import { UploadOutlined } from "@ant-design/icons";
import { Space, Table, Tag } from "antd";
import { useCallback, useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import type { AllocationPlanSummaryT } from "../../../../src/shared/allocation-schemas.ts";
import { allocationApi } from "../../api/allocation-endpoints.ts";
import { useRemote } from "../../api/use-remote.ts";
import { RegionYearCard } from "../../components/region-year-card.tsx";
import { formatDateTime } from "../../format/date-time.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { useLayout } from "../../layout/layout-context.ts";
import { withYear, yearOf } from "../../layout/year-choice.ts";
import { wanText } from "./allocation-decimal.ts";
import { AllocationImportDialog } from "./allocation-import-dialog.tsx";
import { AllocationStatusTag } from "./allocation-status-tag.tsx";

type Row = AllocationPlanSummaryT & { children?: Row[] };

/** Base plans with their scenarios as children; a scenario whose base is not listed stands alone. */
function nested(plans: readonly AllocationPlanSummaryT[]): Row[] {
  const bases = new Map<number, Row>();
  for (const plan of plans) if (plan.scenarioOf === null) bases.set(plan.id, { ...plan });
  const rows: Row[] = [];
  for (const plan of plans) {
    const base = plan.scenarioOf === null ? undefined : bases.get(plan.scenarioOf);
    if (plan.scenarioOf === null) rows.push(bases.get(plan.id) as Row);
    else if (base) base.children = [...(base.children ?? []), { ...plan }];
    else rows.push({ ...plan });
  }
  return rows;
}

export function AllocationListPage() {
  const { t } = useI18n();
  const { region } = useLayout();
  const [search, setSearch] = useSearchParams();
  const year = yearOf(search);
  const [importing, setImporting] = useState(false);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const load = useCallback(
    () => allocationApi.plans({ year, regionCode: region.code }),
    [year, region.code],
  );
  const plans = useRemote(load);
  const rows = useMemo(() => nested(plans.data?.items ?? []), [plans.data]);
  const expanded = rows.filter((r) => r.children && !collapsed.has(r.id)).map((r) => r.id);

  return (
    <RegionYearCard
      title={t("alloc.title")}
      intro={t("alloc.intro")}
      error={plans.error}
      year={year}
      onYear={(y) => setSearch(withYear(search, y))}
      spread
      yearTestId="allocations-year"
      action={{
        permission: "allocation:edit",
        label: t("alloc.import"),
        icon: <UploadOutlined />,
        onClick: () => setImporting(true),
        "data-testid": "allocation-import",
      }}
    >
      <Table<Row>
        size="small"
        rowKey="id"
        loading={plans.loading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t("alloc.empty", { year }) }}
        data-testid="allocations-table"
        onRow={(plan) => ({ "data-plan": plan.id }) as object}
        expandable={{
          expandedRowKeys: expanded,
          onExpand: (open, plan) => {
            const next = new Set(collapsed);
            if (open) next.delete(plan.id);
            else next.add(plan.id);
            setCollapsed(next);
          },
        }}
        columns={[
          {
            title: t("alloc.name"),
            dataIndex: "name",
            render: (name: string, plan) => (
              <Space size={4}>
                <Link to={`/allocations/${plan.id}`}>{name}</Link>
                {plan.scenarioOf !== null && <Tag>{t("alloc.scenario")}</Tag>}
              </Space>
            ),
          },
          { title: t("alloc.year"), dataIndex: "year", width: 80 },
          { title: t("alloc.region"), dataIndex: "regionName" },
          {
            title: t("alloc.status"),
            dataIndex: "status",
            render: (status: Row["status"]) => <AllocationStatusTag status={status} />,
          },
          {
            title: t("alloc.totalWan"),
            dataIndex: "total",
            align: "right",
            render: (total: string | null) => wanText(total),
          },
          {
            title: t("alloc.updated"),
            key: "updated",
            render: (_: unknown, plan) =>
              plan.updatedBy
                ? `${formatDateTime(plan.updatedAt)} · ${plan.updatedBy}`
                : formatDateTime(plan.updatedAt),
          },
        ]}
      />
      {importing && <AllocationImportDialog onClose={() => setImporting(false)} />}
    </RegionYearCard>
  );
}
