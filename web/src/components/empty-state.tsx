/**
 * An empty page or table that says what to do next: what is missing, a hint, the actions that
 * fill it (download a template, import, launch), and the years that do hold data.
 */
import { Button, Empty, Flex, Typography } from "antd";
import { type ReactNode, useCallback } from "react";
import { useRemote } from "../api/use-remote.ts";
import { yearApi } from "../api/year-endpoints.ts";
import { useI18n } from "../i18n/i18n-context.tsx";

export interface EmptyStateProps {
  /** What is missing, e.g. 「驻马店市 2023 年度暂无数据」. */
  description: ReactNode;
  /** The next step in words, e.g. 「下载模板，填好后导入」. */
  hint?: ReactNode;
  /** Buttons or links that do the next step. */
  actions?: ReactNode;
  /**
   * The years that hold data in this region (of one data set, when named), offered as a way out;
   * the current year is left out.
   */
  years?: {
    regionCode: string;
    dataset?: string;
    current: number;
    onPick: (year: number) => void;
  };
  "data-testid"?: string;
}

export function EmptyState(props: EmptyStateProps) {
  const { t } = useI18n();
  const code = props.years?.regionCode;
  const dataset = props.years?.dataset;
  const load = useCallback(
    () =>
      code === undefined ? Promise.resolve(null) : yearApi.years(code, dataset).catch(() => null),
    [code, dataset],
  );
  const withData = useRemote(load).data?.years ?? [];
  const others = withData.filter((y) => y !== props.years?.current);
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      data-testid={props["data-testid"] ?? "empty-state"}
      description={
        <Flex vertical gap={4} align="center">
          <Typography.Text>{props.description}</Typography.Text>
          {props.hint && <Typography.Text type="secondary">{props.hint}</Typography.Text>}
        </Flex>
      }
    >
      <Flex vertical gap={8} align="center">
        {props.actions && (
          <Flex wrap gap={8} justify="center" align="center">
            {props.actions}
          </Flex>
        )}
        {others.length > 0 && (
          <Flex wrap gap={4} justify="center" align="center" data-testid="empty-years">
            <Typography.Text type="secondary">{t("empty.yearsWithData")}</Typography.Text>
            {others.slice(0, 6).map((year) => (
              <Button
                key={year}
                size="small"
                type="link"
                onClick={() => props.years?.onPick(year)}
                data-testid={`empty-year-${year}`}
              >
                {t("data.yearOption", { year })}
              </Button>
            ))}
          </Flex>
        )}
      </Flex>
    </Empty>
  );
}
