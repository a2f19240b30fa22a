/** 新建满意度调查: region, year, title, and where the questionnaire comes from (standard, a copy, a file). */
import { Form, Input, Modal, Radio, Select } from "antd";
import { useCallback, useState } from "react";
import { useNavigate } from "react-router";
import type { SurveySummaryT } from "../../../../src/shared/survey-schemas.ts";
import { surveyApi } from "../../api/survey-endpoints.ts";
import { useRemote } from "../../api/use-remote.ts";
import { FilePickButton } from "../../components/file-pick-button.tsx";
import { RegionTreeSelect } from "../../components/region-tree-select.tsx";
import { useSaving } from "../../components/use-saving.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { useLayout } from "../../layout/layout-context.ts";
import { YEARS } from "../../layout/year-choice.ts";
import { SurveyProblems } from "./survey-problems.tsx";

type Source = "template" | "copy" | "file";

interface CreateForm {
  regionCode: string;
  year: number;
  title: string;
  source: Source;
  copyOf?: number;
}

export function SurveyCreateDialog(props: {
  year: number;
  existing: readonly SurveySummaryT[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { region } = useLayout();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateForm>();
  const source = Form.useWatch("source", form);
  const [file, setFile] = useState<{ name: string; json: Record<string, unknown> } | null>(null);
  const { saving, failure: error, setError, run } = useSaving();
  // Any survey the user may read can be copied, last year's above all.
  const loadAll = useCallback(() => surveyApi.list({}), []);
  const all = useRemote(loadAll);
  const copyable = all.data?.items ?? props.existing;

  const choose = async (picked: File) => {
    setError(null);
    setFile(null);
    try {
      const json: unknown = JSON.parse(await picked.text());
      if (typeof json !== "object" || json === null || Array.isArray(json)) throw new Error();
      setFile({ name: picked.name, json: json as Record<string, unknown> });
    } catch {
      setError(t("survey.fileNotJson", { file: picked.name }));
    }
  };

  const submit = async (values: CreateForm) => {
    const from =
      values.source === "template"
        ? { template: "old-community-satisfaction" as const }
        : values.source === "copy"
          ? { copyOf: values.copyOf }
          : { questionnaire: file?.json };
    if (values.source === "file" && !file) {
      setError(t("survey.fileRequired"));
      return;
    }
    await run(async () => {
      const created = await surveyApi.create({
        regionCode: values.regionCode,
        year: values.year,
        title: values.title,
        ...from,
      });
      props.onClose();
      navigate(`/surveys/${created.id}`);
    });
  };

  return (
    <Modal
      open
      title={t("survey.create")}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={t("survey.createOk")}
      okButtonProps={{ id: "survey-create-ok" }}
      width={600}
    >
      <SurveyProblems error={error} data-testid="survey-create-error" />
      <Form<CreateForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          regionCode: region.code,
          year: props.year,
          source: "template",
          title: t("survey.defaultTitle", { year: props.year, region: region.name }),
        }}
      >
        <Form.Item
          name="regionCode"
          label={t("survey.region")}
          rules={[{ required: true, message: t("survey.regionRequired") }]}
        >
          <RegionTreeSelect initialLabel={region.name} data-testid="survey-create-region" />
        </Form.Item>
        <Form.Item name="year" label={t("survey.year")}>
          <Select<number>
            options={YEARS.map((y) => ({ value: y, label: t("data.yearOption", { year: y }) }))}
            data-testid="survey-create-year"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t("survey.name")}
          rules={[{ required: true, whitespace: true, message: t("survey.titleRequired") }]}
        >
          <Input maxLength={200} data-testid="survey-create-title" />
        </Form.Item>
        <Form.Item name="source" label={t("survey.source")}>
          <Radio.Group
            data-testid="survey-create-source"
            options={(["template", "copy", "file"] as const).map((s) => ({
              value: s,
              label: t(`survey.source.${s}`),
            }))}
          />
        </Form.Item>
        {source === "copy" && (
          <Form.Item
            name="copyOf"
            label={t("survey.copyOf")}
            rules={[{ required: true, message: t("survey.copyOfRequired") }]}
          >
            <Select<number>
              showSearch={{ optionFilterProp: "label" }}
              loading={all.loading}
              options={copyable.map((s) => ({
                value: s.id,
                label: `${s.year} · ${s.regionName} · ${s.title}`,
              }))}
              data-testid="survey-create-copy"
            />
          </Form.Item>
        )}
        {source === "file" && (
          <Form.Item extra={t("survey.fileHint")}>
            <FilePickButton
              accept=".json,application/json"
              onPick={choose}
              onRemove={() => setFile(null)}
              data-testid="survey-create-file"
            >
              {t("survey.fileChoose")}
            </FilePickButton>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
