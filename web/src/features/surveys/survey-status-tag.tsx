/** A survey's status as a coloured tag: 草稿, 收集中, 已关闭. */
import { Tag } from "antd";
import type { SurveyStatusT } from "../../../../src/shared/survey-schemas.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";

const COLOR: Record<SurveyStatusT, string> = {
  draft: "default",
  open: "processing",
  closed: "success",
};

export function SurveyStatusTag(props: { status: SurveyStatusT; "data-testid"?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={COLOR[props.status]} data-testid={props["data-testid"]} data-status={props.status}>
      {t(`survey.status.${props.status}`)}
    </Tag>
  );
}
