/** The evaluation task's 满意度调查: which survey of the task's year its satisfaction indicator reads. */
import { App, Select, Space } from "antd";
import { useCallback, useState } from "react";
import { Link } from "react-router";
import { roleCan } from "../../../../src/shared/roles.ts";
import { errorMessage } from "../../api/error-message.ts";
import { surveyApi } from "../../api/survey-endpoints.ts";
import { useRemote } from "../../api/use-remote.ts";
import { useSignedIn } from "../../auth/session-context.tsx";
import { useI18n } from "../../i18n/i18n-context.tsx";

const NONE = 0;

export function SurveyTaskLink(props: {
  taskId: number;
  year: number;
  survey: { id: number; title: string } | null;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user } = useSignedIn();
  const [saving, setSaving] = useState(false);
  const mayLink = roleCan(user.role, "evaluation:manage") && roleCan(user.role, "survey:read");
  const load = useCallback(
    () => (mayLink ? surveyApi.list({ year: props.year }) : Promise.resolve({ items: [] })),
    [mayLink, props.year],
  );
  const surveys = useRemote(load);

  const choose = async (surveyId: number) => {
    setSaving(true);
    try {
      await surveyApi.linkTask(props.taskId, surveyId === NONE ? null : surveyId);
      message.success(surveyId === NONE ? t("survey.unlinked") : t("survey.linked"));
      props.onChanged();
    } catch (err) {
      message.error(errorMessage(err, t));
    } finally {
      setSaving(false);
    }
  };

  const link = props.survey && (
    <Link to={`/surveys/${props.survey.id}`} data-testid="task-survey-link">
      {props.survey.title}
    </Link>
  );
  if (!mayLink) return link ?? <span>{t("survey.noneLinked")}</span>;
  const options = [
    { value: NONE, label: t("survey.noneLinked") },
    ...(surveys.data?.items ?? []).map((s) => ({
      value: s.id,
      label: `${s.title}（${s.regionName}）`,
    })),
  ];
  if (props.survey && !options.some((o) => o.value === props.survey?.id))
    options.push({ value: props.survey.id, label: props.survey.title });
  return (
    <Space wrap size={8}>
      <Select<number>
        size="small"
        value={props.survey?.id ?? NONE}
        loading={surveys.loading || saving}
        disabled={saving}
        style={{ minWidth: 220, maxWidth: "100%" }}
        options={options}
        onChange={(id) => void choose(id)}
        data-testid="task-survey-select"
      />
      {link}
    </Space>
  );
}
