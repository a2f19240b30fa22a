/** A questionnaire text in Chinese and (optionally) English, side by side on a wide screen. */
import { Col, Input, Row } from "antd";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { type TextValue, withText } from "./survey-questionnaire.ts";

type Lang = "zh-CN" | "en-US";

export function SurveyTextInput(props: {
  value: TextValue | undefined;
  onChange: (next: TextValue | undefined) => void;
  /** The text may be left out (help, unit): nothing in either language means none. */
  optional?: boolean;
  multiline?: boolean;
  maxLength?: number;
  "data-testid"?: string;
}) {
  const { t } = useI18n();
  const words: Record<Lang, string> = {
    "zh-CN": typeof props.value === "string" ? props.value : (props.value?.["zh-CN"] ?? ""),
    "en-US": typeof props.value === "string" ? "" : (props.value?.["en-US"] ?? ""),
  };
  const set = (lang: Lang, text: string) => {
    const other = lang === "zh-CN" ? words["en-US"] : words["zh-CN"];
    if (props.optional && text === "" && other === "") props.onChange(undefined);
    else props.onChange(withText(props.value, lang, text));
  };
  const testId = props["data-testid"];
  const field = (lang: Lang) => {
    const common = {
      value: words[lang],
      maxLength: props.maxLength,
      placeholder: t(lang === "zh-CN" ? "survey.textZh" : "survey.textEn"),
      "aria-label": t(lang === "zh-CN" ? "survey.textZh" : "survey.textEn"),
      "data-testid": testId ? `${testId}-${lang === "zh-CN" ? "zh" : "en"}` : undefined,
    };
    return props.multiline ? (
      <Input.TextArea
        {...common}
        autoSize={{ minRows: 2, maxRows: 6 }}
        onChange={(e) => set(lang, e.target.value)}
      />
    ) : (
      <Input
        {...common}
        prefix={t(lang === "zh-CN" ? "survey.langTag.zh" : "survey.langTag.en")}
        onChange={(e) => set(lang, e.target.value)}
      />
    );
  };
  return (
    <Row gutter={[8, 8]}>
      <Col xs={24} md={12}>
        {field("zh-CN")}
      </Col>
      <Col xs={24} md={12}>
        {field("en-US")}
      </Col>
    </Row>
  );
}
