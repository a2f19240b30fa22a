/**
 * 分配参数: the factors and weights (with where each factor's values come from), the coefficient
 * tables, the total and the rounding unit; editable while the plan may be saved, then saved and
 * recomputed by the server.
 */
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Input,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import type { AllocationPlanDetailT } from "../../../../src/shared/allocation-schemas.ts";
import { allocationApi } from "../../api/allocation-endpoints.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useSaving } from "../../components/use-saving.ts";
import { gradeText } from "../../format/grade.ts";
import { unitText } from "../../format/unit.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import type { Translate } from "../../i18n/translate.ts";
import { compareDecimals, isDecimalText, sumDecimals } from "./allocation-decimal.ts";
import {
  type AllocationModel,
  modelOf,
  ROUNDING_LABELS,
  ROUNDING_UNITS,
  type RoundingUnit,
  textOf,
} from "./allocation-model.ts";

type Factor = AllocationModel["factors"][number];
type CoefficientTable = NonNullable<AllocationModel["coefficients"]>[number];
type Tier = CoefficientTable["tiers"][number];

const text = (value: string | number | undefined) => (value === undefined ? "" : String(value));

/** How a table picks each region's tier, in words. */
function ruleText(table: CoefficientTable, t: Translate): string {
  const rule = table.rule;
  if (rule.kind === "entered") return t("alloc.rule.entered");
  if (rule.kind === "grade") {
    const map = (["优", "良", "中", "差"] as const)
      .map((g) => `${gradeText(g, t)}→${rule.map[g]}`)
      .join(t("common.listSeparator"));
    return t("alloc.rule.grade", { map, default: rule.default });
  }
  const bands = rule.bands.map((b) => `≥${text(b.min)}→${b.label}`).join(t("common.listSeparator"));
  return t("alloc.rule.score", { bands, default: rule.default });
}

/** Where a factor's values come from when the server has not said (the model cannot be computed). */
function sourceText(factor: Factor, t: Translate): string {
  return factor.source.kind === "dataset"
    ? t("alloc.source.dataset", { dataset: factor.source.dataset, field: factor.source.field })
    : t("alloc.source.entered");
}

export function AllocationParameters(props: { plan: AllocationPlanDetailT; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { plan } = props;
  const stored = useMemo(() => modelOf(plan), [plan]);
  const [draft, setDraft] = useState<AllocationModel>(() => structuredClone(stored));
  const { saving, error, setError, run } = useSaving();
  const editable = plan.actions.includes("save");

  // A plan read again replaces the draft while rendering, not in an effect after the paint (which
  // also ran once on mount and could wipe a first edit made before it).
  const [shown, setShown] = useState(stored);
  if (stored !== shown) {
    setShown(stored);
    setDraft(structuredClone(stored));
    setError(null);
  }

  const dirty = JSON.stringify(draft) !== JSON.stringify(stored);
  const factors = draft.factors ?? [];
  const tables = draft.coefficients ?? [];
  const weightSum = sumDecimals(factors.map((f) => text(f.weight)));
  const weightsOk = weightSum !== null && compareDecimals(weightSum, "100") === 0;
  const notes = new Map((plan.result?.factors ?? []).map((f) => [f.key, f]));

  const setFactor = (index: number, weight: string) =>
    setDraft({
      ...draft,
      factors: factors.map((f, i) => (i === index ? { ...f, weight } : f)),
    });
  const setTier = (tableIndex: number, tierIndex: number, value: string) =>
    setDraft({
      ...draft,
      coefficients: tables.map((table, i) =>
        i === tableIndex
          ? {
              ...table,
              tiers: table.tiers.map((tier, j) => (j === tierIndex ? { ...tier, value } : tier)),
            }
          : table,
      ),
    });

  const save = async () => {
    const figures = [
      text(draft.total),
      ...factors.map((f) => text(f.weight)),
      ...tables.flatMap((table) => table.tiers.map((tier) => text(tier.value))),
    ];
    if (!figures.every(isDecimalText)) {
      setError(t("alloc.notDecimal"));
      return;
    }
    // On failure the edits stay on the page: a conflict or a refusal loses nothing.
    await run(async () => {
      await allocationApi.save(plan.id, {
        version: plan.version,
        model: draft as unknown as Record<string, unknown>,
      });
      message.success(t("alloc.saved"));
      props.onSaved();
    });
  };

  const figure = (value: string, onChange: (v: string) => void, testId: string, label: string) =>
    editable ? (
      <Input
        size="small"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        status={isDecimalText(value) ? undefined : "error"}
        style={{ width: 110 }}
        aria-label={label}
        data-testid={testId}
      />
    ) : (
      <span data-testid={testId}>{value}</span>
    );

  return (
    <Card
      size="small"
      title={t("alloc.parameters")}
      style={{ marginBottom: 16 }}
      data-testid="allocation-parameters"
      extra={
        editable && (
          <Space>
            {dirty && <Tag color="orange">{t("alloc.unsaved")}</Tag>}
            <Button size="small" disabled={!dirty || saving} onClick={() => setDraft(stored)}>
              {t("alloc.undo")}
            </Button>
            <Button
              type="primary"
              size="small"
              loading={saving}
              onClick={() => void save()}
              data-testid="allocation-save"
            >
              {t("alloc.saveAndCompute")}
            </Button>
          </Space>
        )
      }
    >
      <ErrorAlert message={error} data-testid="allocation-save-error" />
      <Row gutter={[24, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={8}>
          <Typography.Text type="secondary">{t("alloc.total")}</Typography.Text>
          <div>
            {editable ? (
              <Input
                value={text(draft.total)}
                onChange={(e) => setDraft({ ...draft, total: e.target.value })}
                status={isDecimalText(text(draft.total)) ? undefined : "error"}
                suffix={unitText(draft.unit, locale)}
                style={{ width: 200 }}
                aria-label={t("alloc.total")}
                data-testid="allocation-total-input"
              />
            ) : (
              <span data-testid="allocation-total-input">
                {text(draft.total)} {unitText(draft.unit, locale)}
              </span>
            )}
          </div>
        </Col>
        <Col xs={24} md={8}>
          <Typography.Text type="secondary">{t("alloc.heldBack")}</Typography.Text>
          <div>
            {(draft.heldBack ?? []).length === 0
              ? t("alloc.noHeldBack")
              : (draft.heldBack ?? [])
                  .map(
                    (h) =>
                      `${textOf(h.name, locale)} ${text(h.amount)} ${unitText(draft.unit, locale)}`,
                  )
                  .join(t("common.itemSeparator"))}
          </div>
        </Col>
        <Col xs={24} md={8}>
          <Typography.Text type="secondary">{t("alloc.rounding")}</Typography.Text>
          <div>
            <Select<RoundingUnit>
              value={draft.rounding}
              disabled={!editable}
              onChange={(rounding) => setDraft({ ...draft, rounding })}
              style={{ width: 200 }}
              options={ROUNDING_UNITS.map((unit) => ({
                value: unit,
                label: t(ROUNDING_LABELS[unit]),
              }))}
              aria-label={t("alloc.rounding")}
              data-testid="allocation-rounding"
            />
          </div>
        </Col>
        {(draft.floor !== undefined || draft.floors) && (
          <Col xs={24} md={12}>
            <Typography.Text type="secondary">{t("alloc.floor")}</Typography.Text>
            <div>{boundText(draft.floor, draft.floors, draft, t)}</div>
          </Col>
        )}
        {(draft.cap !== undefined || draft.caps) && (
          <Col xs={24} md={12}>
            <Typography.Text type="secondary">{t("alloc.cap")}</Typography.Text>
            <div>{boundText(draft.cap, draft.caps, draft, t)}</div>
          </Col>
        )}
      </Row>

      <Typography.Title level={5}>{t("alloc.factors")}</Typography.Title>
      <Table<Factor>
        size="small"
        rowKey="key"
        dataSource={factors}
        pagination={false}
        data-testid="allocation-factors"
        columns={[
          {
            title: t("alloc.factor"),
            key: "name",
            render: (_: unknown, f) => textOf(f.name, locale),
          },
          {
            title: t("alloc.unit"),
            key: "unit",
            render: (_: unknown, f) =>
              f.unit ? unitText(textOf(f.unit, locale), locale) || "—" : "—",
          },
          {
            title: t("alloc.weight"),
            key: "weight",
            render: (_: unknown, f, index) => (
              <Space size={4}>
                {figure(
                  text(f.weight),
                  (v) => setFactor(index, v),
                  `allocation-weight-${f.key}`,
                  t("alloc.weightOf", { name: textOf(f.name, locale) }),
                )}
                %
              </Space>
            ),
          },
          {
            title: t("alloc.factorSource"),
            key: "source",
            render: (_: unknown, f) => {
              const note = notes.get(f.key);
              return (
                <Space size={4} wrap>
                  <Tag color={(note?.from ?? f.source.kind) === "entered" ? "default" : "blue"}>
                    {(note?.from ?? f.source.kind) === "entered"
                      ? t("alloc.from.entered")
                      : t("alloc.from.data")}
                  </Tag>
                  <Typography.Text type="secondary">
                    {note?.note ?? sourceText(f, t)}
                  </Typography.Text>
                </Space>
              );
            },
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              {t("alloc.weightSum")}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2}>
              <span data-testid="allocation-weight-sum">{weightSum ?? "—"}%</span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3}>
              {weightsOk ? <Tag color="success">{t("alloc.weightsOk")}</Tag> : null}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      {!weightsOk && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={
            weightSum === null
              ? t("alloc.weightsNotNumbers")
              : t("alloc.weightsNot100", { sum: weightSum })
          }
          data-testid="allocation-weight-warning"
        />
      )}

      {tables.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t("alloc.coefficients")}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t("alloc.compositeHint")}</Typography.Paragraph>
          <Row gutter={[16, 16]}>
            {tables.map((table, tableIndex) => (
              <Col xs={24} md={12} xl={8} key={table.key}>
                <Card
                  size="small"
                  type="inner"
                  title={textOf(table.name, locale)}
                  data-testid={`allocation-coefficient-${table.key}`}
                >
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                    {ruleText(table, t)}
                  </Typography.Paragraph>
                  <Table<Tier>
                    size="small"
                    rowKey="label"
                    dataSource={table.tiers}
                    pagination={false}
                    columns={[
                      { title: t("alloc.tier"), dataIndex: "label" },
                      {
                        title: t("alloc.tierValue"),
                        key: "value",
                        render: (_: unknown, tier, tierIndex) =>
                          figure(
                            text(tier.value),
                            (v) => setTier(tableIndex, tierIndex, v),
                            `allocation-tier-${table.key}-${tierIndex}`,
                            t("alloc.tierOf", {
                              table: textOf(table.name, locale),
                              label: tier.label,
                            }),
                          ),
                      },
                    ]}
                  />
                </Card>
              </Col>
            ))}
          </Row>
        </>
      )}
    </Card>
  );
}

/** A floor or cap: one for every region, and the regions with their own. */
function boundText(
  every: string | number | undefined,
  own: Record<string, string | number> | undefined,
  model: AllocationModel,
  t: Translate,
): string {
  const names = new Map(model.regions.map((r) => [r.code, r.name]));
  const parts: string[] = [];
  if (every !== undefined)
    parts.push(t("alloc.boundEvery", { amount: text(every), unit: model.unit }));
  for (const [code, amount] of Object.entries(own ?? {})) {
    parts.push(`${names.get(code) ?? code} ${text(amount)} ${model.unit}`);
  }
  return parts.join("；");
}
