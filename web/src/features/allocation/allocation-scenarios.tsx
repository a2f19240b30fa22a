/** 方案对比: the plan's group (the base and its scenarios); chosen ones side by side per region, as a table and a chart. */
import { ArrowDownOutlined, ArrowUpOutlined } from "@ant-design/icons";
import { Button, Card, Grid, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { Link } from "react-router";
import type {
  AllocationComparisonT,
  AllocationPlanDetailT,
  AllocationPlanSummaryT,
} from "../../../../src/shared/allocation-schemas.ts";
import { formatWanText } from "../../../../src/shared/money.ts";
import { allocationApi } from "../../api/allocation-endpoints.ts";
import { errorMessage } from "../../api/error-message.ts";
import { ChartCard } from "../../charts/chart-card.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { formatDateTime } from "../../format/date-time.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { compareDecimals, wanText } from "./allocation-decimal.ts";
import { AllocationStatusTag } from "./allocation-status-tag.tsx";

/** The API compares at most this many plans at once. */
const MAX_COMPARED = 8;

type CompareRow = AllocationComparisonT["regions"][number];

/** Column widths of the comparison (px): three plans fit a 1366 px screen, more scroll. */
const WIDTH = { region: 96, amount: 112, change: 116, percent: 104 };

/** More is red, less is green (as read in China). */
const UP = "#cf1322";
const DOWN = "#389e0d";

/** A bar of the change chart: the value plotted, the exact texts shown. */
interface ChangeItem {
  value: number;
  text: string;
  pct: string;
  label: { position: "left" | "right" };
  itemStyle?: { color: string };
}

/** A change in 万元 with its sign: "+20.35", "-3.10", "0.00". */
function signedWan(value: string | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return `${compareDecimals(value, "0") === 1 ? "+" : ""}${wanText(value)}`;
}

/** A change percentage from the server (2 places) with its sign: "+1.23%"; "—" when there is none. */
function percentText(value: string | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return `${compareDecimals(value, "0") === 1 ? "+" : ""}${value}%`;
}

/** A change against the first plan in 万元: red and up when more, green and down when less (as read in China). */
function Change({ value }: { value: string | null | undefined }) {
  if (value === null || value === undefined) return <>—</>;
  const sign = compareDecimals(value, "0");
  if (sign === null || sign === 0) return <>{wanText(value)}</>;
  const up = sign > 0;
  return (
    <span style={{ color: up ? UP : DOWN }} data-change={up ? "up" : "down"}>
      {up ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {signedWan(value)}
    </span>
  );
}

export function AllocationScenarios(props: { plan: AllocationPlanDetailT }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
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
  const regions = comparison?.regions ?? [];
  const changeColumns = (i: number) => [
    {
      title: t("alloc.changeWan"),
      key: `change-${plans[i]?.id}`,
      width: WIDTH.change,
      align: "right" as const,
      render: (_: unknown, r: CompareRow) => <Change value={r.changes[i]} />,
    },
    {
      title: t("alloc.changePct"),
      key: `pct-${plans[i]?.id}`,
      width: WIDTH.percent,
      align: "right" as const,
      render: (_: unknown, r: CompareRow) => (
        <span data-testid={`allocation-change-pct-${r.code}-${i}`}>
          {percentText(r.changePercents[i])}
        </span>
      ),
    },
  ];
  const compareColumns: TableColumnsType<CompareRow> = [
    { title: t("alloc.region"), dataIndex: "name", fixed: "left", width: WIDTH.region },
    ...plans.map((p, i) => ({
      // A long plan name wraps over its columns instead of widening them.
      title: p.name,
      key: `plan-${p.id}`,
      children: [
        {
          title: t("alloc.amountWan"),
          key: `amount-${p.id}`,
          width: WIDTH.amount,
          align: "right" as const,
          render: (_: unknown, r: CompareRow) => wanText(r.amounts[i]),
        },
        ...(i === 0 ? [] : changeColumns(i)),
      ],
    })),
  ];
  // The chart and its table show the changes only: against 千万-size amounts, ±20万 would not show.
  const changed = plans.slice(1).map((p, k) => ({ plan: p, i: k + 1 }));
  const chartColumns: TableColumnsType<CompareRow> = [
    { title: t("alloc.region"), dataIndex: "name" },
    ...changed.flatMap(({ plan: p, i }) => [
      {
        title: `${p.name}：${t("alloc.changeWan")}`,
        key: `change-${p.id}`,
        align: "right" as const,
        render: (_: unknown, r: CompareRow) => signedWan(r.changes[i]),
      },
      {
        title: t("alloc.changePct"),
        key: `pct-${p.id}`,
        align: "right" as const,
        render: (_: unknown, r: CompareRow) => percentText(r.changePercents[i]),
      },
    ]),
  ];
  const single = changed.length === 1;
  const option =
    comparison && regions.length > 0 && changed.length > 0
      ? {
          tooltip: {
            trigger: "axis",
            axisPointer: { type: "shadow" },
            formatter: (items: { seriesName: string; data: ChangeItem | null; name: string }[]) =>
              [
                items[0]?.name ?? "",
                ...items.map((x) =>
                  x.data
                    ? `${x.seriesName}：${x.data.text} ${t("alloc.wan")}（${x.data.pct}）`
                    : `${x.seriesName}：—`,
                ),
              ].join("<br/>"),
          },
          legend: single ? undefined : { bottom: 0 },
          grid: { left: 8, right: 72, top: 16, bottom: single ? 24 : 48, containLabel: true },
          yAxis: {
            type: "category",
            inverse: true,
            data: regions.map((r) => r.name),
            axisTick: { show: false },
            axisLine: { show: false },
          },
          xAxis: {
            type: "value",
            name: t("alloc.wan"),
            axisLine: { show: true },
            splitLine: { lineStyle: { type: "dashed" } },
          },
          series: changed.map(({ plan: p, i }) => ({
            name: p.name,
            type: "bar",
            barMaxWidth: 18,
            // Plotting only: the figures shown as text stay decimal strings.
            data: regions.map((r): ChangeItem | null => {
              const change = r.changes[i];
              if (change === null || change === undefined) return null;
              const sign = compareDecimals(change, "0") ?? 0;
              return {
                value: Number(formatWanText(change)),
                text: signedWan(change),
                pct: percentText(r.changePercents[i]),
                label: { position: sign < 0 ? "left" : "right" },
                ...(single
                  ? { itemStyle: { color: sign < 0 ? DOWN : sign > 0 ? UP : "#8c8c8c" } }
                  : {}),
              };
            }),
            // On a phone the figures would cover the city names: the tooltip and the table have them.
            label: {
              show: screens.sm === true,
              fontSize: 11,
              formatter: (x: { data: ChangeItem | null }) => x.data?.text ?? "",
            },
          })),
        }
      : null;
  const chartHeight = Math.max(
    240,
    regions.length * Math.max(1, changed.length) * (single ? 26 : 18) + 72,
  );

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
            tableLayout="fixed"
            scroll={{
              x:
                WIDTH.region +
                plans.length * WIDTH.amount +
                Math.max(0, plans.length - 1) * (WIDTH.change + WIDTH.percent),
            }}
            data-testid="allocation-compare-table"
            onRow={(r) => ({ "data-region": r.code }) as object}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <strong>{t("alloc.distributable")}</strong>
                </Table.Summary.Cell>
                {plans.flatMap((p, i) => {
                  // Cells: region, the base amount, then amount, change and % of each other plan.
                  const at = i === 0 ? 1 : 3 * i - 1;
                  const amount = (
                    <Table.Summary.Cell key={p.id} index={at} align="right">
                      <strong>{wanText(p.distributable)}</strong>
                    </Table.Summary.Cell>
                  );
                  if (i === 0) return [amount];
                  return [
                    amount,
                    <Table.Summary.Cell key={`${p.id}-change`} index={at + 1} align="right">
                      <Change value={p.distributableChange} />
                    </Table.Summary.Cell>,
                    <Table.Summary.Cell key={`${p.id}-pct`} index={at + 2} />,
                  ];
                })}
              </Table.Summary.Row>
            )}
          />
          <div style={{ marginTop: 16 }}>
            <ChartCard<CompareRow>
              title={t("alloc.compareChart", { name: plans[0]?.name ?? "" })}
              name="allocation-compare"
              rowKey="code"
              rows={regions}
              columns={chartColumns}
              option={option}
              height={chartHeight}
            />
          </div>
        </>
      )}
    </Card>
  );
}
