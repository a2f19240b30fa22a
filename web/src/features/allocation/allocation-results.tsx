/**
 * 测算结果: per region each factor's share, the coefficients taken, the composite, the amount and its
 * rounding adjustment, with the derivation in words; the warnings; where each grade came from.
 */
import { Alert, Card, Grid, Table, type TableColumnsType, Tag, Tooltip, Typography } from "antd";
import type {
  AllocationOutcomeT,
  AllocationPlanDetailT,
} from "../../../../src/shared/allocation-schemas.ts";
import { gradeText } from "../../format/grade.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import type { MessageKey } from "../../i18n/zh-CN.ts";
import { sumDecimals, wanText, yuanText } from "./allocation-decimal.ts";
import { modelOf, textOf } from "./allocation-model.ts";

type RegionRow = AllocationOutcomeT["regions"][number];
type GradeRow = AllocationOutcomeT["grades"][number];

/** How a coefficient's tier was chosen (the domain's CoefficientSource). */
const TIER_SOURCE: Record<string, MessageKey> = {
  entered: "alloc.tierSource.entered",
  grade: "alloc.tierSource.grade",
  score: "alloc.tierSource.score",
  default: "alloc.tierSource.default",
};

const GRADE_FROM: Record<GradeRow["from"], { key: MessageKey; color: string }> = {
  evaluation: { key: "alloc.gradeFrom.evaluation", color: "blue" },
  entered: { key: "alloc.gradeFrom.entered", color: "default" },
  none: { key: "alloc.gradeFrom.none", color: "warning" },
};

const adjustment = (v: string) => yuanText(v, 2);

export function AllocationResults(props: {
  plan: AllocationPlanDetailT;
  result: AllocationOutcomeT;
}) {
  const { t, locale } = useI18n();
  const screens = Grid.useBreakpoint();
  const { result } = props;
  const tables = modelOf(props.plan).coefficients ?? [];
  const regions = result.regions;
  const names = new Map(regions.map((r) => [r.code, r.name]));
  const sum = (pick: (r: RegionRow) => string | undefined) =>
    sumDecimals(regions.map((r) => pick(r) ?? "0"));

  const columns: TableColumnsType<RegionRow> = [
    {
      title: t("alloc.region"),
      dataIndex: "name",
      fixed: "left",
      render: (name: string, r) => (
        <span style={{ whiteSpace: "nowrap" }}>
          {name}
          <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
            {r.code}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t("alloc.sharesWan"),
      children: result.factors.map((f) => ({
        title: f.name,
        key: `share-${f.key}`,
        align: "right" as const,
        render: (_: unknown, r: RegionRow) => wanText(r.shares[f.key]),
      })),
    },
    ...(tables.length > 0
      ? [
          {
            title: t("alloc.coefficientsTaken"),
            children: tables.map((table) => ({
              title: textOf(table.name, locale),
              key: `coefficient-${table.key}`,
              minWidth: 96,
              render: (_: unknown, r: RegionRow) => {
                const c = r.coefficients[table.key];
                if (!c) return "—";
                const source = TIER_SOURCE[c.source];
                return (
                  <Tooltip title={source ? t(source) : c.source}>
                    <span style={c.source === "default" ? { color: "#d48806" } : undefined}>
                      {/* No break between the tier and its value: 「东西两翼 9」 keeps its 9. */}
                      {`${c.label}\u00a0${c.value}`}
                    </span>
                  </Tooltip>
                );
              },
            })),
          },
        ]
      : []),
    { title: t("alloc.composite"), dataIndex: "composite", align: "right" },
    {
      // 元 exact, 万元 under it: one column, so the table fits a 1366 px screen with 取整调整 and 提示.
      title: t("alloc.amountYuanWan"),
      key: "amount",
      align: "right",
      render: (_: unknown, r: RegionRow) => (
        <span>
          <span data-testid={`allocation-amount-${r.code}`}>{yuanText(r.amount)}</span>
          <Typography.Text
            type="secondary"
            style={{ display: "block", fontSize: 12, whiteSpace: "nowrap" }}
          >
            {wanText(r.amount)} {t("alloc.wan")}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t("alloc.roundingAdjustment"),
      dataIndex: "roundingAdjustment",
      align: "right",
      render: (v: string) => (
        <Tooltip title={t("alloc.exactValue", { value: v })}>{adjustment(v)}</Tooltip>
      ),
    },
    {
      title: t("alloc.flags"),
      key: "flags",
      minWidth: 120,
      render: (_: unknown, r: RegionRow) => (
        <>
          {r.floorOrCap && (
            <Tag color="purple">
              {t(r.floorOrCap === "floor" ? "alloc.atFloor" : "alloc.atCap")}
            </Tag>
          )}
          {r.flags.map((flag) => (
            <Tag color="warning" key={flag} style={{ whiteSpace: "normal", marginBottom: 4 }}>
              {flag}
            </Tag>
          ))}
        </>
      ),
    },
  ];

  const shareCount = result.factors.length;
  const tableCount = tables.length;
  // Cell 0 is the expand column; then region, the shares, the coefficients, composite, amount, adjustment, flags.
  const first = 2;
  const afterShares = first + shareCount;
  const amountAt = afterShares + tableCount + 1;
  const allocated = sum((r) => r.amount);

  return (
    <Card size="small" title={t("alloc.results")} style={{ marginBottom: 16 }}>
      {result.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t("alloc.warnings", { count: result.warnings.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {result.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
          data-testid="allocation-warnings"
        />
      )}
      <Table<RegionRow>
        size="small"
        bordered
        rowKey="code"
        dataSource={regions}
        columns={columns}
        pagination={false}
        // A wide screen shows every column (texts wrap); a phone scrolls, the region kept in view.
        scroll={screens.xl ? undefined : { x: "max-content" }}
        data-testid="allocation-results"
        onRow={(r) => ({ "data-region": r.code }) as object}
        expandable={{
          expandedRowRender: (r) => (
            <Typography.Paragraph
              style={{ whiteSpace: "pre-wrap", margin: 0 }}
              data-testid={`allocation-derivation-${r.code}`}
            >
              {r.derivation}
            </Typography.Paragraph>
          ),
        }}
        summary={() => (
          <Table.Summary>
            <Table.Summary.Row data-testid="allocation-results-sum">
              <Table.Summary.Cell index={0} />
              <Table.Summary.Cell index={1}>
                <strong>{t("alloc.sum")}</strong>
              </Table.Summary.Cell>
              {result.factors.map((f, i) => (
                <Table.Summary.Cell index={first + i} key={f.key} align="right">
                  {wanText(sum((r) => r.shares[f.key]))}
                </Table.Summary.Cell>
              ))}
              {tables.map((table, i) => (
                <Table.Summary.Cell index={afterShares + i} key={table.key} />
              ))}
              <Table.Summary.Cell index={amountAt - 1} />
              <Table.Summary.Cell index={amountAt} align="right">
                <strong data-testid="allocation-results-sum-yuan">{yuanText(allocated)}</strong>
                <Typography.Text
                  type="secondary"
                  style={{ display: "block", fontSize: 12, whiteSpace: "nowrap" }}
                >
                  {wanText(allocated)} {t("alloc.wan")}
                </Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={amountAt + 1} align="right">
                {adjustment(sum((r) => r.roundingAdjustment) ?? "")}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={amountAt + 2} />
            </Table.Summary.Row>
          </Table.Summary>
        )}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        {t("alloc.resultsHint")}
      </Typography.Paragraph>
      {result.grades.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t("alloc.grades")}
          </Typography.Title>
          <Table<GradeRow>
            size="small"
            rowKey="code"
            dataSource={result.grades}
            pagination={false}
            data-testid="allocation-grades"
            columns={[
              {
                title: t("alloc.region"),
                dataIndex: "code",
                render: (code: string) => names.get(code) ?? code,
              },
              {
                title: t("alloc.grade"),
                dataIndex: "grade",
                render: (g: string | null) => (g ? <Tag>{gradeText(g, t)}</Tag> : "—"),
              },
              {
                title: t("alloc.gradeFrom"),
                dataIndex: "from",
                render: (from: GradeRow["from"]) => (
                  <Tag color={GRADE_FROM[from].color}>{t(GRADE_FROM[from].key)}</Tag>
                ),
              },
              { title: t("alloc.gradeNote"), dataIndex: "note" },
            ]}
          />
        </>
      )}
    </Card>
  );
}
