/** The options of a choice question, and the scale of a rating question with the options that count as satisfied. */
import { PlusOutlined } from "@ant-design/icons";
import { Button, Checkbox, Flex, Input, InputNumber, Switch, Typography } from "antd";
import type { ReactNode } from "react";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { SurveyMoveButtons } from "./survey-move-buttons.tsx";
import {
  type ChoiceOptionDraft,
  DEFAULT_SATISFIED,
  DEFAULT_SCALE,
  freshKey,
  moved,
  type RatingDraft,
  type ScaleOption,
  textOf,
} from "./survey-questionnaire.ts";
import { SurveyTextInput } from "./survey-text-input.tsx";

/** One row of an option list: its fields, then move and remove. */
function OptionRow(props: {
  index: number;
  count: number;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
  children: ReactNode;
}) {
  return (
    <Flex gap={8} wrap align="start" style={{ marginBottom: 8 }} data-testid="survey-option">
      {props.children}
      <Flex gap={4}>
        <SurveyMoveButtons
          index={props.index}
          count={props.count}
          onMove={props.onMove}
          onRemove={props.onRemove}
          removable={props.count > 2}
        />
      </Flex>
    </Flex>
  );
}

export function ChoiceOptionsEditor(props: {
  options: ChoiceOptionDraft[];
  onChange: (next: ChoiceOptionDraft[]) => void;
}) {
  const { t } = useI18n();
  const { options } = props;
  const set = (i: number, next: ChoiceOptionDraft) =>
    props.onChange(options.map((o, k) => (k === i ? next : o)));
  return (
    <div data-testid="survey-options">
      {options.map((o, i) => (
        <OptionRow
          // biome-ignore lint/suspicious/noArrayIndexKey: an option's key is being typed; its place is its identity
          key={i}
          index={i}
          count={options.length}
          onMove={(step) => props.onChange(moved(options, i, step))}
          onRemove={() => props.onChange(options.filter((_, k) => k !== i))}
        >
          <Input
            value={o.key}
            style={{ width: 110 }}
            aria-label={t("survey.optionKey")}
            placeholder={t("survey.optionKey")}
            onChange={(e) => set(i, { ...o, key: e.target.value.trim() })}
          />
          <div style={{ flex: "1 1 260px" }}>
            <SurveyTextInput
              value={o.label}
              onChange={(label) => label && set(i, { ...o, label })}
            />
          </div>
        </OptionRow>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={() =>
          props.onChange([
            ...options,
            {
              key: freshKey(
                "o",
                options.map((o) => o.key),
              ),
              label: { "zh-CN": t("survey.newOption", { n: options.length + 1 }) },
            },
          ])
        }
        data-testid="survey-option-add"
      >
        {t("survey.addOption")}
      </Button>
    </div>
  );
}

export function RatingScaleEditor(props: {
  question: RatingDraft;
  onChange: (next: RatingDraft) => void;
}) {
  const { t, locale } = useI18n();
  const q = props.question;
  const own = q.scale !== undefined;
  const scale: readonly ScaleOption[] = q.scale ?? DEFAULT_SCALE;
  const satisfied = q.satisfied ?? DEFAULT_SATISFIED;

  const setSatisfied = (keys: string[]) => {
    const { satisfied: _, ...rest } = q;
    const same =
      !own &&
      keys.length === DEFAULT_SATISFIED.length &&
      DEFAULT_SATISFIED.every((k) => keys.includes(k));
    props.onChange(
      same ? rest : { ...rest, satisfied: scale.map((o) => o.key).filter((k) => keys.includes(k)) },
    );
  };
  const setScale = (next: ScaleOption[]) => props.onChange({ ...q, scale: next });
  const toggleOwn = (on: boolean) => {
    const { scale: _, satisfied: __, ...rest } = q;
    if (on) props.onChange({ ...rest, scale: [...DEFAULT_SCALE], satisfied: [...satisfied] });
    else {
      const kept = satisfied.filter((k) => DEFAULT_SCALE.some((o) => o.key === k));
      const usual = kept.length === 0 || DEFAULT_SATISFIED.every((k) => kept.includes(k));
      props.onChange(usual ? rest : { ...rest, satisfied: kept });
    }
  };

  const satisfiedBox = (key: string) => (
    <Checkbox
      checked={satisfied.includes(key)}
      onChange={(e) =>
        setSatisfied(e.target.checked ? [...satisfied, key] : satisfied.filter((k) => k !== key))
      }
    >
      {t("survey.countsSatisfied")}
    </Checkbox>
  );

  return (
    <div data-testid="survey-scale">
      <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
        <Switch size="small" checked={own} onChange={toggleOwn} data-testid="survey-scale-own" />
        <Typography.Text>{t("survey.ownScale")}</Typography.Text>
      </Flex>
      {!own &&
        scale.map((o) => (
          <Flex key={o.key} gap={12} align="center" wrap style={{ marginBottom: 4 }}>
            <Typography.Text style={{ minWidth: 120 }}>{textOf(o.label, locale)}</Typography.Text>
            <Typography.Text type="secondary">
              {t("survey.scoreN", { score: o.score })}
            </Typography.Text>
            {satisfiedBox(o.key)}
          </Flex>
        ))}
      {own &&
        scale.map((o, i) => (
          <OptionRow
            // biome-ignore lint/suspicious/noArrayIndexKey: an option's key is being typed; its place is its identity
            key={i}
            index={i}
            count={scale.length}
            onMove={(step) => setScale(moved(scale, i, step))}
            onRemove={() => setScale(scale.filter((_, k) => k !== i))}
          >
            <Input
              value={o.key}
              style={{ width: 150 }}
              aria-label={t("survey.optionKey")}
              onChange={(e) =>
                setScale(scale.map((x, k) => (k === i ? { ...x, key: e.target.value.trim() } : x)))
              }
            />
            <div style={{ flex: "1 1 240px" }}>
              <SurveyTextInput
                value={o.label}
                onChange={(label) =>
                  label && setScale(scale.map((x, k) => (k === i ? { ...x, label } : x)))
                }
              />
            </div>
            <InputNumber<number>
              value={o.score}
              min={0}
              max={100}
              precision={0}
              style={{ width: 90 }}
              aria-label={t("survey.score")}
              prefix={t("survey.score")}
              onChange={(score) =>
                setScale(scale.map((x, k) => (k === i ? { ...x, score: score ?? 0 } : x)))
              }
            />
            {satisfiedBox(o.key)}
          </OptionRow>
        ))}
      {own && (
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() =>
            setScale([
              ...scale,
              {
                key: freshKey(
                  "s",
                  scale.map((o) => o.key),
                ),
                label: { "zh-CN": t("survey.newOption", { n: scale.length + 1 }) },
                score: 0,
              },
            ])
          }
        >
          {t("survey.addOption")}
        </Button>
      )}
    </div>
  );
}
