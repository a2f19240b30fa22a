/**
 * A chart that is also a table: the same figures as a chart (ECharts) or as a table for screen
 * readers and copying, and a PNG export of the chart.
 */
import { DownloadOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Segmented, Space, Table, type TableColumnsType } from "antd";
import type { EChartsType } from "echarts/core";
import ReactEChartsCore from "echarts-for-react/esm/core";
import { type ReactNode, useRef, useState } from "react";
import { useI18n } from "../i18n/i18n-context.tsx";
import { CHART_FONT, echarts } from "./echarts.ts";

export interface ChartCardProps<Row extends object> {
  title: string;
  /** A stable name for test ids and the PNG file. */
  name: string;
  /** The ECharts option; null when there is nothing to draw. */
  option: Record<string, unknown> | null;
  rows: Row[];
  columns: TableColumnsType<Row>;
  rowKey: keyof Row & string;
  height?: number;
  /** Clicks on a data item (bar, slice): the item's name and index. */
  onItemClick?: (item: { name: string; dataIndex: number }) => void;
  extra?: ReactNode;
}

export function ChartCard<Row extends object>(props: ChartCardProps<Row>) {
  const { t } = useI18n();
  const [view, setView] = useState<"chart" | "table">("chart");
  const chart = useRef<EChartsType | null>(null);
  const empty = props.option === null || props.rows.length === 0;

  const exportPng = () => {
    const url = chart.current?.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" });
    if (!url) return;
    const a = document.createElement("a");
    a.href = url;
    a.download = `${props.title}.png`;
    a.click();
  };

  return (
    <Card
      size="small"
      title={props.title}
      data-testid={`chart-${props.name}`}
      extra={
        <Space size="small">
          {props.extra}
          <Segmented<"chart" | "table">
            size="small"
            value={view}
            onChange={setView}
            aria-label={t("dash.viewAs")}
            options={[
              { value: "chart", label: t("dash.asChart") },
              { value: "table", label: t("dash.asTable") },
            ]}
            data-testid={`chart-${props.name}-view`}
          />
          <Button
            size="small"
            icon={<DownloadOutlined />}
            disabled={empty || view !== "chart"}
            onClick={exportPng}
            aria-label={t("dash.png")}
            data-testid={`chart-${props.name}-png`}
          >
            PNG
          </Button>
        </Space>
      }
    >
      {empty ? (
        <Empty description={t("dash.noData")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : view === "chart" ? (
        <ReactEChartsCore
          echarts={echarts}
          option={{ textStyle: { fontFamily: CHART_FONT }, ...props.option }}
          notMerge
          style={{ height: props.height ?? 300 }}
          onChartReady={(instance) => {
            chart.current = instance as unknown as EChartsType;
          }}
          onEvents={
            props.onItemClick
              ? {
                  click: (e: { name: string; dataIndex: number }) =>
                    props.onItemClick?.({ name: e.name, dataIndex: e.dataIndex }),
                }
              : {}
          }
        />
      ) : (
        <Table<Row>
          size="small"
          rowKey={props.rowKey}
          dataSource={props.rows}
          columns={props.columns}
          pagination={false}
          data-testid={`chart-${props.name}-table`}
        />
      )}
    </Card>
  );
}
