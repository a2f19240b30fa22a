/** The inputs of one indicator's facts, by its rule type (numbers kept as typed text: exact decimals). */
import { Checkbox, Input, Select, Space, Typography } from "antd";
import { useI18n } from "../../i18n/i18n-context.tsx";

type Facts = Record<string, unknown>;
type Text = string | { "zh-CN": string; "en-US"?: string };

interface RuleShape {
  type: string;
  labels?: { actual?: Text; target?: Text };
  label?: Text;
  unit?: Text | string;
  grades?: { label: string; en?: string }[];
  /** Incidents: whether a grave case has its one-off deduction. */
  grave?: unknown;
  items?: { code: string; label: Text; points: string | number }[];
  parts?: { code: string; name: Text; points: string | number; rule: RuleShape }[];
}

interface FactsEditorProps {
  rule: RuleShape;
  value: Facts | undefined;
  onChange: (facts: Facts) => void;
  disabled: boolean;
  /** A composite part filled from the data: not shown. */
  hidePart?: string | null;
  testId: string;
}

function textOf(text: Text | undefined, locale: string): string {
  if (!text) return "";
  if (typeof text === "string") return text;
  return locale === "en-US" ? (text["en-US"] ?? text["zh-CN"]) : text["zh-CN"];
}

const asText = (v: unknown) => (v === undefined || v === null ? "" : String(v));

function NumberBox(props: {
  label: string;
  value: unknown;
  onChange: (v: string) => void;
  disabled: boolean;
  testId: string;
  suffix?: string;
}) {
  return (
    <Space size={4} wrap data-testid={`${props.testId}-field`}>
      <Typography.Text style={{ fontSize: 13 }}>{props.label}</Typography.Text>
      <Input
        size="small"
        style={{ width: 120 }}
        suffix={props.suffix}
        value={asText(props.value)}
        disabled={props.disabled}
        inputMode="decimal"
        onChange={(e) => props.onChange(e.target.value.trim())}
        data-testid={props.testId}
      />
    </Space>
  );
}

export function FactsEditor({
  rule,
  value,
  onChange,
  disabled,
  hidePart,
  testId,
}: FactsEditorProps) {
  const { t, locale } = useI18n();
  const facts = value ?? {};
  const set = (key: string, v: unknown) => onChange({ ...facts, [key]: v });
  const unit = typeof rule.unit === "string" ? rule.unit : textOf(rule.unit, locale);
  /** The number input of one fact, its test id named after the fact. */
  const number = (
    key: string,
    label: string,
    options: { suffix?: string; onChange?: (v: string) => void } = { suffix: unit },
  ) => (
    <NumberBox
      label={label}
      value={facts[key]}
      onChange={options.onChange ?? ((v) => set(key, v))}
      disabled={disabled}
      suffix={options.suffix}
      testId={`${testId}-${key}`}
    />
  );
  switch (rule.type) {
    case "completion-band":
    case "shortfall":
    case "lower-is-better":
      return (
        <Space wrap size={4}>
          {number("actual", textOf(rule.labels?.actual, locale) || t("eval.actual"))}
          {number("target", textOf(rule.labels?.target, locale) || t("eval.target"))}
        </Space>
      );
    case "threshold":
      return number("value", textOf(rule.label, locale) || t("eval.value"));
    case "proportional":
      return number("rate", textOf(rule.label, locale) || t("eval.rate"), {
        onChange: (v) => onChange({ rate: v }),
        suffix: unit || "%",
      });
    case "per-unit":
      return number("count", textOf(rule.label, locale) || t("eval.count"));
    case "incidents":
      return (
        <Space size={4}>
          {number("count", textOf(rule.label, locale) || t("eval.count"))}
          {rule.grave !== undefined && rule.grave !== null && (
            <Checkbox
              checked={facts.grave === true}
              disabled={disabled}
              onChange={(e) => set("grave", e.target.checked)}
              data-testid={`${testId}-grave`}
            >
              {t("sheet.grave")}
            </Checkbox>
          )}
        </Space>
      );
    case "grade-map":
      return (
        <Select
          size="small"
          style={{ width: 120 }}
          value={(facts.grade as string | undefined) ?? undefined}
          disabled={disabled}
          placeholder={t("eval.grade")}
          options={(rule.grades ?? []).map((g) => ({
            value: g.label,
            label: locale === "en-US" && g.en ? g.en : g.label,
          }))}
          onChange={(grade) => onChange({ grade })}
          data-testid={`${testId}-grade`}
        />
      );
    case "checklist": {
      const items = (facts.items ?? {}) as Record<string, boolean>;
      // Once an item is touched every item is sent: an unticked one is "not done" (false).
      const all = () =>
        Object.fromEntries((rule.items ?? []).map((i) => [i.code, items[i.code] === true]));
      return (
        <Space direction="vertical" size={0}>
          {(rule.items ?? []).map((item) => (
            <Checkbox
              key={item.code}
              checked={items[item.code] === true}
              disabled={disabled}
              onChange={(e) => onChange({ items: { ...all(), [item.code]: e.target.checked } })}
              data-testid={`${testId}-${item.code}`}
            >
              {textOf(item.label, locale)}
              {t("sheet.itemPoints", { points: String(item.points) })}
            </Checkbox>
          ))}
        </Space>
      );
    }
    case "expert":
      return (
        <Space direction="vertical" size={4} style={{ width: "100%" }}>
          {number("score", t("eval.expertScore"), { suffix: undefined })}
          <Input.TextArea
            rows={2}
            placeholder={t("eval.expertReason")}
            value={asText(facts.reason)}
            disabled={disabled}
            onChange={(e) => set("reason", e.target.value)}
          />
        </Space>
      );
    case "composite": {
      const parts = (facts.parts ?? {}) as Record<string, Facts>;
      return (
        <Space direction="vertical" size={4}>
          {(rule.parts ?? [])
            .filter((p) => p.code !== hidePart)
            .map((part) => (
              <div key={part.code}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {textOf(part.name, locale)}
                  {t("sheet.itemPoints", { points: String(part.points) })}
                </Typography.Text>
                <FactsEditor
                  rule={part.rule}
                  value={parts[part.code]}
                  disabled={disabled}
                  onChange={(f) => onChange({ parts: { ...parts, [part.code]: f } })}
                  testId={`${testId}-${part.code}`}
                />
              </div>
            ))}
        </Space>
      );
    }
    default:
      return <Typography.Text type="secondary">{rule.type}</Typography.Text>;
  }
}

/**
 * The facts with every checklist item given once the checklist was answered at all (an item ticked
 * or a reason written): an unticked item is "not done", not "not yet entered".
 */
export function withUntickedItems(rule: RuleShape, facts: Facts | undefined, answered: boolean) {
  if (rule.type === "checklist") {
    const items = (facts?.items ?? undefined) as Record<string, unknown> | undefined;
    if (!items && !answered) return facts;
    const all = Object.fromEntries(
      (rule.items ?? []).map((i) => [i.code, items?.[i.code] === true]),
    );
    return { ...facts, items: all };
  }
  if (rule.type === "composite" && facts?.parts) {
    const parts = facts.parts as Record<string, Facts>;
    const out: Record<string, Facts | undefined> = {};
    for (const part of rule.parts ?? []) {
      const f = withUntickedItems(part.rule, parts[part.code], answered);
      if (f !== undefined) out[part.code] = f;
    }
    return { ...facts, parts: out };
  }
  return facts;
}

export type { RuleShape };
