/**
 * 调查设置: the title, how the rate counts (unit, method), the validity rules, the answers allowed
 * per hour and whether a device may answer for several residents. The least share answered is asked
 * as a percentage (60 %) and stored as before, a decimal string ("0.6"), converted with decimal.js.
 */
import { App, Button, Card, Form, Input, InputNumber, Radio, Switch, Typography } from "antd";
import type { SurveyDetailT, SurveySettingsT } from "../../../../src/shared/survey-schemas.ts";
import { surveyApi } from "../../api/survey-endpoints.ts";
import { useSaving } from "../../components/use-saving.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { SurveyProblems } from "./survey-problems.tsx";
import { percentToShare, shareToPercent } from "./survey-questionnaire.ts";

type SettingsForm = SurveySettingsT & { title: string };
const SETTING_FIELDS = [
  "unit",
  "method",
  "minSeconds",
  "straightLineMin",
  "minAnsweredShare",
  "ratePerHour",
  "sharedDevices",
] as const;

export function SurveySettingsForm(props: { survey: SurveyDetailT; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { survey } = props;
  const [form] = Form.useForm<SettingsForm>();
  const {
    saving,
    failure: error,
    run,
  } = useSaving({
    form,
    fields: ["title"],
    rename: Object.fromEntries(SETTING_FIELDS.map((f) => [`settings.${f}`, f])),
  });
  const readOnly = !survey.canEdit;

  const save = async (values: SettingsForm) => {
    const { title, ...shown } = values;
    const settings = {
      ...shown,
      minAnsweredShare: percentToShare(String(shown.minAnsweredShare)),
      sharedDevices: shown.sharedDevices === true,
    };
    await run(async () => {
      await surveyApi.save(survey.id, { title, settings });
      message.success(t("survey.settingsSaved"));
      props.onSaved();
    });
  };

  return (
    <Card size="small" data-testid="survey-settings">
      <SurveyProblems error={error} />
      <Form<SettingsForm>
        form={form}
        layout="vertical"
        disabled={readOnly}
        initialValues={{
          title: survey.title,
          ...survey.settings,
          minAnsweredShare: shareToPercent(survey.settings.minAnsweredShare),
          sharedDevices: survey.settings.sharedDevices === true,
        }}
        onFinish={save}
        style={{ maxWidth: 640 }}
      >
        <Form.Item
          name="title"
          label={t("survey.name")}
          rules={[{ required: true, whitespace: true, message: t("survey.titleRequired") }]}
        >
          <Input maxLength={200} data-testid="survey-settings-title" />
        </Form.Item>
        <Form.Item
          name="unit"
          label={t("survey.settings.unit")}
          extra={t("survey.settings.unitHint")}
        >
          <Radio.Group
            options={(["questionnaires", "answers"] as const).map((v) => ({
              value: v,
              label: t(`survey.settings.unit.${v}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="method"
          label={t("survey.settings.method")}
          extra={t("survey.settings.methodHint")}
        >
          <Radio.Group
            options={(["share", "mean-score"] as const).map((v) => ({
              value: v,
              label: t(`survey.method.${v}`),
            }))}
          />
        </Form.Item>
        <Typography.Title level={5}>{t("survey.settings.validity")}</Typography.Title>
        <Form.Item
          name="minSeconds"
          label={t("survey.settings.minSeconds")}
          extra={t("survey.settings.minSecondsHint")}
          rules={[{ required: true }]}
        >
          <InputNumber<number>
            min={0}
            max={3600}
            precision={0}
            suffix={t("survey.seconds")}
            data-testid="survey-settings-min-seconds"
          />
        </Form.Item>
        <Form.Item
          name="straightLineMin"
          label={t("survey.settings.straightLineMin")}
          extra={t("survey.settings.straightLineMinHint")}
          rules={[{ required: true }]}
        >
          <InputNumber<number> min={2} max={100} precision={0} />
        </Form.Item>
        <Form.Item
          name="minAnsweredShare"
          label={t("survey.settings.minAnsweredShare")}
          extra={t("survey.settings.minAnsweredShareHint")}
          rules={[{ required: true }]}
        >
          <InputNumber<string>
            stringMode
            min="0"
            max="100"
            step="5"
            suffix="%"
            aria-label={t("survey.settings.minAnsweredShare")}
            data-testid="survey-settings-min-answered"
          />
        </Form.Item>
        <Form.Item
          name="ratePerHour"
          label={t("survey.settings.ratePerHour")}
          extra={t("survey.settings.ratePerHourHint")}
          rules={[{ required: true }]}
        >
          <InputNumber<number> min={1} max={100000} precision={0} />
        </Form.Item>
        <Form.Item
          name="sharedDevices"
          label={t("survey.settings.sharedDevices")}
          extra={t("survey.settings.sharedDevicesHint")}
          valuePropName="checked"
        >
          <Switch data-testid="survey-settings-shared-devices" />
        </Form.Item>
        {!readOnly && (
          <Button
            type="primary"
            htmlType="submit"
            loading={saving}
            data-testid="survey-settings-save"
          >
            {t("common.save")}
          </Button>
        )}
      </Form>
    </Card>
  );
}
