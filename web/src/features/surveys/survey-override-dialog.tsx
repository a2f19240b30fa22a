/** An evaluator overrides the rules' judgement of one answer (valid or not, with a reason) or clears the override. */
import { Alert, Form, Input, Modal, Radio, Typography } from "antd";
import { useState } from "react";
import type { SurveyResponseItemT } from "../../../../src/shared/survey-schemas.ts";
import { surveyApi } from "../../api/survey-endpoints.ts";
import { useSaving } from "../../components/use-saving.ts";
import { formatDateTime } from "../../format/date-time.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { SurveyProblems } from "./survey-problems.tsx";

type Choice = "valid" | "invalid" | "clear";

export function SurveyOverrideDialog(props: {
  surveyId: number;
  response: SurveyResponseItemT;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { response } = props;
  const [choice, setChoice] = useState<Choice>(response.valid ? "invalid" : "valid");
  const [reason, setReason] = useState("");
  const { saving, failure: error, setError, run } = useSaving();

  const submit = async () => {
    const words = reason.trim();
    if (choice !== "clear" && words === "") {
      setError(t("survey.overrideReasonRequired"));
      return;
    }
    await run(async () => {
      await surveyApi.judge(props.surveyId, response.id, {
        valid: choice === "clear" ? null : choice === "valid",
        reason: words,
      });
      props.onSaved();
      props.onClose();
    });
  };

  return (
    <Modal
      open
      title={t("survey.overrideTitle", { id: response.id })}
      onCancel={props.onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okButtonProps={{ id: "survey-override-ok" }}
    >
      <SurveyProblems error={error} />
      {response.reasons.length > 0 && (
        <Alert
          type="warning"
          style={{ marginBottom: 12 }}
          title={t("survey.rulesFound", {
            reasons: response.reasons.map((r) => r.text).join("；"),
          })}
        />
      )}
      {response.override && (
        <Typography.Paragraph type="secondary">
          {t("survey.overrideCurrent", {
            valid: response.override.valid ? t("survey.valid") : t("survey.invalid"),
            by: response.override.by,
            at: formatDateTime(response.override.at),
            reason: response.override.reason,
          })}
        </Typography.Paragraph>
      )}
      <Form layout="vertical" component="div">
        <Form.Item label={t("survey.overrideAs")}>
          <Radio.Group
            value={choice}
            onChange={(e) => setChoice(e.target.value as Choice)}
            data-testid="survey-override-choice"
            options={[
              { value: "valid", label: t("survey.overrideValid") },
              { value: "invalid", label: t("survey.overrideInvalid") },
              ...(response.override ? [{ value: "clear", label: t("survey.overrideClear") }] : []),
            ]}
          />
        </Form.Item>
        <Form.Item label={t("survey.overrideReason")} required={choice !== "clear"}>
          <Input.TextArea
            rows={3}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="survey-override-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
