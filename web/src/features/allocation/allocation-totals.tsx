/** The plan's money at a glance: 资金总额, 预留, 可分配, 已分配 (万元), and that 已分配 equals 可分配 to the 元. */
import { CheckCircleOutlined, WarningOutlined } from "@ant-design/icons";
import { Card, Col, Row, Statistic, Typography } from "antd";
import type { AllocationOutcomeT } from "../../../../src/shared/allocation-schemas.ts";
import { formatWanText } from "../../../../src/shared/money.ts";
import { groupDigits } from "../../format/decimal-text.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import {
  compareDecimals,
  roundDecimal,
  subtractDecimals,
  wanText,
  yuanText,
} from "./allocation-decimal.ts";
import { type AllocationModel, ROUNDING_LABELS } from "./allocation-model.ts";

/** A model figure (in the model's unit) in 万元 with 2 decimals. */
function modelWan(value: string | number | undefined, unit: AllocationModel["unit"]): string {
  if (value === undefined) return "—";
  const text = String(value);
  return groupDigits(unit === "万元" ? roundDecimal(text, 2) : formatWanText(text, "half-up-2"));
}

export function AllocationTotals(props: {
  model: AllocationModel;
  result: AllocationOutcomeT | null;
}) {
  const { t } = useI18n();
  const { model, result } = props;
  const totals = result?.totals;
  const figures = [
    {
      key: "total",
      title: t("alloc.total"),
      value: totals ? wanText(totals.total) : modelWan(model.total, model.unit),
    },
    {
      key: "heldBack",
      title: t("alloc.heldBack"),
      value: totals ? wanText(totals.heldBack) : "—",
    },
    {
      key: "distributable",
      title: t("alloc.distributable"),
      value: totals ? wanText(totals.distributable) : "—",
    },
    {
      key: "allocated",
      title: t("alloc.allocated"),
      value: totals ? wanText(totals.allocated) : "—",
    },
  ];
  const gap = totals ? subtractDecimals(totals.allocated, totals.distributable) : null;
  const exact = totals ? compareDecimals(totals.allocated, totals.distributable) === 0 : false;

  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="allocation-totals">
      <Row gutter={[16, 8]}>
        {figures.map((f) => (
          <Col xs={12} md={6} key={f.key}>
            <Statistic
              title={f.title}
              value={f.value}
              suffix={f.value === "—" ? undefined : t("alloc.wan")}
              data-testid={`allocation-totals-${f.key}`}
            />
          </Col>
        ))}
      </Row>
      {result && result.heldBack.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0" }}>
          {t("alloc.heldBackItems", {
            items: result.heldBack
              .map((h) => `${h.name} ${wanText(h.amount)} ${t("alloc.wan")}`)
              .join("；"),
          })}
        </Typography.Paragraph>
      )}
      {totals && (
        <Typography.Paragraph style={{ margin: "8px 0 0" }} data-testid="allocation-totals-note">
          {exact ? (
            <Typography.Text type="success">
              <CheckCircleOutlined />{" "}
              {t("alloc.exactNote", {
                amount: yuanText(totals.allocated),
                rounding: t(ROUNDING_LABELS[model.rounding]),
              })}
            </Typography.Text>
          ) : (
            <Typography.Text type="danger">
              <WarningOutlined />{" "}
              {t("alloc.inexactNote", {
                allocated: yuanText(totals.allocated),
                distributable: yuanText(totals.distributable),
                gap: yuanText(gap),
              })}
            </Typography.Text>
          )}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
