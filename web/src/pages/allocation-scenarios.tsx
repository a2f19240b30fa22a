/** 方案对比: the plan's group (the base and its scenarios); chosen ones side by side per region, as a table and a chart. */
import { ArrowDownOutlined, ArrowUpOutlined } from "@ant-design/icons";
import { Button, Card, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { Link } from "react-router";
import type {
  AllocationComparisonT,
  AllocationPlanDetailT,
  AllocationPlanSummaryT,
} from "../../../src/shared/allocation-schemas.ts";
import { allocationApi } from "../api/allocation-endpoints.ts";
import { errorMessage } from "../api/error-message.ts";
import { ChartCard } from "../charts/chart-card.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { formatDateTime } from "../format/date-time.ts";
import { wanOf } from "../format/decimal-text.ts";
import { useI18n } from "../i18n/i18n-context.tsx";
import { compareDecimals, subtractDecimals, wanText } from "./allocation-decimal.ts";
import { AllocationStatusTag } from "./allocation-status-tag.tsx";

/** The API compares at most this many plans at once. */
const MAX_COMPARED = 8;

type CompareRow = AllocationComparisonT["regions"][number];

/** A change against the first plan in 万元: red and up when more, green and down when less (as read in China). */
function Change({ value }: { value: string | null | undefined }) {
  if (value === null || value === undefined) return <>—</>;
  const sign = compareDecimals(value, "0");
  if (sign === null || sign === 0) return <>{wanText(value)}</>;
  const up = sign > 0;
  return (
    <span style={{ color: up ? "#cf1322" : "#389e0d" }} data-change={up ? "up" : "down"}>
      {up ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {up ? "+" : ""}
      {wanText(value)}
    </span>
  );
}

export function AllocationScenarios(props: { plan: AllocationPlanDetailT }) {
  const { t } = useI18n();
  const { plan } = props;
  // The base first: changes are read against the first plan compared.
  const group = useMemo(
    () =>
      [...plan.scenarios].sort(
        (a, b) => Number(a.scenarioOf !== null) - Number(b.scenarioOf !== null),
      ),
    [plan.scenarios],
  );
  const groupKey = group.map((s) => s.id).join(",");
  const [chosen, setChosen] = useState<number[]>([]);
  const [comparison, setComparison] = useState<AllocationComparisonT | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: groupKey stands for the group's ids
  useEffect(() => {
    setChosen(group.slice(0, MAX_COMPARED).map((s) => s.id));
    setComparison(null);
    setError(null);
  }, [groupKey]);

  const ordered = group.filter((s) => chosen.includes(s.id)).map((s) => s.id);

  const compare = async () => {
    setLoading(true);
    setError(null);
    try {
      setComparison(await allocationApi.compare(ordered));
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setLoading(false);
    }
  };

  const plans = comparison?.plans ?? [];
  const compareColumns: TableColumnsType<CompareRow> = [
    { title: t("alloc.region"), dataIndex: "name", fixed: "left" },
    ...plans.map((p, i) => ({
      title: p.name,
      key: `plan-${p.id}`,
      children: [
        {
          title: t("alloc.amountWan"),
          key: `amount-${p.id}`,
          align: "right" as const,
          render: (_: unknown, r: CompareRow) => wanText(r.amounts[i]),
        },
        ...(i === 0
          ? []
          : [
              {
                title: t("alloc.changeWan"),
                key: `change-${p.id}`,
                align: "right" as const,
                render: (_: unknown, r: CompareRow) => <Change value={r.changes[i]} />,
              },
            ]),
      ],
    })),
  ];
  const chartColumns: TableColumnsType<CompareRow> = [
    { title: t("alloc.region"), dataIndex: "name" },
    ...plans.map((p, i) => ({
      title: `${p.name}（${t("alloc.wan")}）`,
      key: `amount-${p.id}`,
      align: "right" as const,
      render: (_: unknown, r: CompareRow) => wanText(r.amounts[i]),
    })),
  ];
  const regions = comparison?.regions ?? [];
  const option =
    comparison && regions.length > 0
      ? {
          tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
          legend: { bottom: 0 },
          grid: { left: 8, right: 16, top: 32, bottom: 48, containLabel: true },
          xAxis: {
            type: "category",
            data: regions.map((r) => r.name),
            axisLabel: { interval: 0, rotate: regions.length > 8 ? 30 : 0 },
          },
          yAxis: { type: "value", name: t("alloc.wan") },
          series: plans.map((p, i) => ({
            name: p.name,
            type: "bar",
            // Plotting only: the figures shown as text stay decimal strings.
            data: regions.map((r) => {
              const amount = r.amounts[i];
              return amount === null || amount === undefined ? null : Number(wanOf(amount));
            }),
          })),
        }
      : null;

  return (
    <Card size="small" title={t("alloc.scenarios")} data-testid="allocation-scenarios">
      <Typography.Paragraph type="secondary">
        {t("alloc.scenariosHint", { max: MAX_COMPARED })}
      </Typography.Paragraph>
      <Table<AllocationPlanSummaryT>
        size="small"
        rowKey="id"
        dataSource={group}
        pagination={false}
        rowSelection={{
          selectedRowKeys: chosen,
          onChange: (keys) => setChosen(keys.map(Number)),
          getCheckboxProps: (s) => ({
            disabled: !chosen.includes(s.id) && chosen.length >= MAX_COMPARED,
            "aria-label": s.name,
          }),
        }}
        columns={[
          {
            title: t("alloc.name"),
            dataIndex: "name",
            render: (name: string, s) => (
              <Space size={4}>
                {s.id === plan.id ? (
                  <strong>{name}</strong>
                ) : (
                  <Link to={`/allocations/${s.id}`}>{name}</Link>
                )}
                {s.scenarioOf === null ? (
                  <Tag color="blue">{t("alloc.base")}</Tag>
                ) : (
                  <Tag>{t("alloc.scenario")}</Tag>
                )}
                {s.id === plan.id && <Tag color="gold">{t("alloc.current")}</Tag>}
              </Space>
            ),
          },
          {
            title: t("alloc.status"),
            dataIndex: "status",
            render: (status: AllocationPlanSummaryT["status"]) => (
              <AllocationStatusTag status={status} />
            ),
          },
          {
            title: t("alloc.totalWan"),
            dataIndex: "total",
            align: "right",
            render: (total: string | null) => wanText(total),
          },
          {
            title: t("alloc.updated"),
            dataIndex: "updatedAt",
            render: (v: string) => formatDateTime(v),
          },
        ]}
      />
      <Space style={{ marginTop: 12, marginBottom: 12 }}>
        <Button
          type="primary"
          disabled={ordered.length < 2}
          loading={loading}
          onClick={() => void compare()}
          data-testid="allocation-compare"
        >
          {t("alloc.compare")}
        </Button>
        {ordered.length < 2 && (
          <Typography.Text type="secondary">
            {t(group.length < 2 ? "alloc.noScenarios" : "alloc.compareNeedsTwo")}
          </Typography.Text>
        )}
      </Space>
      <ErrorAlert message={error} />
      {comparison && (
        <>
          <Typography.Paragraph type="secondary">
            {t("alloc.compareBaseline", { name: plans[0]?.name ?? "" })}
          </Typography.Paragraph>
          <Table<CompareRow>
            size="small"
            bordered
            rowKey="code"
            dataSource={regions}
            columns={compareColumns}
            pagination={false}
            scroll={{ x: "max-content" }}
            data-testid="allocation-compare-table"
            onRow={(r) => ({ "data-region": r.code }) as object}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <strong>{t("alloc.distributable")}</strong>
                </Table.Summary.Cell>
                {plans.flatMap((p, i) => {
                  const amount = (
                    <Table.Summary.Cell key={p.id} index={i === 0 ? 1 : 2 * i} align="right">
                      <strong>{wanText(p.distributable)}</strong>
                    </Table.Summary.Cell>
                  );
                  if (i === 0) return [amount];
                  const first = plans[0]?.distributable ?? p.distributable;
                  return [
                    amount,
                    <Table.Summary.Cell key={`${p.id}-change`} index={2 * i + 1} align="right">
                      <Change value={subtractDecimals(p.distributable, first)} />
                    </Table.Summary.Cell>,
                  ];
                })}
              </Table.Summary.Row>
            )}
          />
          <div style={{ marginTop: 16 }}>
            <ChartCard<CompareRow>
              title={t("alloc.compareChart")}
              name="allocation-compare"
              rowKey="code"
              rows={regions}
              columns={chartColumns}
              option={option}
              height={360}
            />
          </div>
        </>
      )}
    </Card>
  );
}
