/** Adds or edits a collection point (调查点): the community, its region, households and access code. */
import { Form, Input, InputNumber, Modal } from "antd";
import type { SurveyCommunityT, SurveyDetailT } from "../../../../src/shared/survey-schemas.ts";
import { surveyApi } from "../../api/survey-endpoints.ts";
import { RegionTreeSelect } from "../../components/region-tree-select.tsx";
import { useSaving } from "../../components/use-saving.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { SurveyProblems } from "./survey-problems.tsx";

interface CommunityForm {
  regionCode: string;
  name: string;
  households: number | null;
  accessCode: string;
}

const FIELDS = ["regionCode", "name", "households", "accessCode"] as const;

export function SurveyCommunityDialog(props: {
  survey: SurveyDetailT;
  /** The point to edit; null adds one. */
  community: SurveyCommunityT | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { survey, community } = props;
  const [form] = Form.useForm<CommunityForm>();
  const { saving, failure: error, run } = useSaving({ form, fields: FIELDS });

  const submit = async (values: CommunityForm) => {
    const body = {
      regionCode: values.regionCode,
      name: values.name,
      households: values.households ?? null,
      accessCode: values.accessCode?.trim() ? values.accessCode.trim() : null,
    };
    await run(async () => {
      if (community) await surveyApi.saveCommunity(survey.id, community.id, body);
      else await surveyApi.addCommunity(survey.id, body);
      props.onSaved();
      props.onClose();
    });
  };

  return (
    <Modal
      open
      title={community ? t("survey.editCommunity") : t("survey.addCommunity")}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okButtonProps={{ id: "survey-community-ok" }}
    >
      <SurveyProblems error={error} />
      <Form<CommunityForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          regionCode: community?.regionCode ?? survey.regionCode,
          name: community?.name ?? "",
          households: community?.households ?? null,
          accessCode: community?.accessCode ?? "",
        }}
      >
        <Form.Item
          name="regionCode"
          label={t("survey.communityRegion")}
          extra={t("survey.communityRegionHint")}
          rules={[{ required: true, message: t("survey.regionRequired") }]}
        >
          <RegionTreeSelect
            initialLabel={community?.regionName ?? survey.regionName}
            data-testid="survey-community-region"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t("survey.communityName")}
          rules={[{ required: true, whitespace: true, message: t("survey.communityNameRequired") }]}
        >
          <Input maxLength={100} data-testid="survey-community-name" />
        </Form.Item>
        <Form.Item
          name="households"
          label={t("survey.households")}
          extra={t("survey.householdsHint")}
        >
          <InputNumber<number>
            min={1}
            max={1_000_000}
            precision={0}
            style={{ width: 200 }}
            data-testid="survey-community-households"
          />
        </Form.Item>
        <Form.Item
          name="accessCode"
          label={t("survey.accessCode")}
          extra={t("survey.accessCodeHint")}
          rules={[{ pattern: /^[A-Za-z0-9]{4,12}$/, message: t("survey.accessCodeRule") }]}
        >
          <Input maxLength={12} style={{ width: 200 }} data-testid="survey-community-code" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
