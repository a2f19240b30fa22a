/** 评价任务: the tasks of the selected region and year, and launching a new one. */
import { PlusOutlined } from "@ant-design/icons";
import { Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from "antd";
import { useCallback, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { TaskSummaryT } from "../../../../src/shared/evaluation-schemas.ts";
import { roleCan } from "../../../../src/shared/roles.ts";
import { evaluationApi } from "../../api/evaluation-endpoints.ts";
import { useRemote } from "../../api/use-remote.ts";
import { useSignedIn } from "../../auth/session-context.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FilePickButton } from "../../components/file-pick-button.tsx";
import { RegionYearCard } from "../../components/region-year-card.tsx";
import { useSaving } from "../../components/use-saving.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { useLayout } from "../../layout/layout-context.ts";
import { yearOf } from "../../layout/year-choice.ts";
import { EvaluationRegionPicker } from "./evaluation-region-picker.tsx";

export const EVALUATION_TYPES = [
  "self",
  "department",
  "finance",
  "third-party",
  "tracking",
] as const;
export type EvaluationType = (typeof EVALUATION_TYPES)[number];

export function EvaluationListPage() {
  const { t } = useI18n();
  const { region } = useLayout();
  const { user } = useSignedIn();
  const [search, setSearch] = useSearchParams();
  const year = yearOf(search);
  const [launching, setLaunching] = useState(false);
  const load = useCallback(() => evaluationApi.tasks(region.code, year), [region.code, year]);
  const tasks = useRemote(load);

  return (
    <RegionYearCard
      title={t("eval.title")}
      error={tasks.error}
      year={year}
      onYear={(y) => setSearch({ year: String(y) })}
      spread
      yearTestId="eval-year"
      action={{
        permission: "evaluation:manage",
        label: t("eval.launch"),
        icon: <PlusOutlined />,
        onClick: () => setLaunching(true),
        "data-testid": "eval-launch",
      }}
    >
      <Table<TaskSummaryT>
        size="small"
        rowKey="id"
        loading={tasks.loading}
        dataSource={tasks.data?.items ?? []}
        pagination={false}
        data-testid="eval-tasks"
        locale={{
          emptyText: tasks.loading ? (
            <span />
          ) : (
            <EmptyState
              data-testid="eval-empty"
              description={t("eval.empty", { region: region.name, year })}
              hint={roleCan(user.role, "evaluation:manage") ? t("eval.emptyHint") : undefined}
              years={{
                regionCode: region.code,
                current: year,
                onPick: (y) => setSearch({ region: region.code, year: String(y) }),
              }}
              actions={
                roleCan(user.role, "evaluation:manage") && (
                  <Button
                    type="primary"
                    icon={<PlusOutlined />}
                    onClick={() => setLaunching(true)}
                    data-testid="eval-empty-launch"
                  >
                    {t("eval.launch")}
                  </Button>
                )
              }
            />
          ),
        }}
        columns={[
          {
            title: t("eval.name"),
            dataIndex: "name",
            render: (name: string, task) => (
              <Space size={4}>
                <Link to={`/evaluations/${task.id}`}>{name}</Link>
                {task.status === "cancelled" && <Tag>{t("evalTask.status.cancelled")}</Tag>}
              </Space>
            ),
          },
          {
            title: t("eval.type"),
            dataIndex: "type",
            render: (v: string) => t(`eval.type.${v as EvaluationType}`),
          },
          {
            title: t("eval.launcher"),
            key: "launcher",
            render: (_: unknown, task) => task.launcher.regionName,
          },
          { title: t("eval.framework"), dataIndex: "frameworkCode" },
          {
            title: t("eval.deadline"),
            dataIndex: "deadline",
            render: (v: string | null) => v ?? "—",
          },
          {
            title: t("eval.progress"),
            key: "progress",
            render: (_: unknown, task) =>
              t("eval.progressText", {
                approved: task.approved,
                submitted: task.submitted,
                sheets: task.sheets,
              }),
          },
        ]}
      />
      {launching && (
        <LaunchDialog
          year={year}
          onClose={() => setLaunching(false)}
          onLaunched={() => {
            setLaunching(false);
            tasks.reload();
          }}
        />
      )}
    </RegionYearCard>
  );
}

interface LaunchForm {
  name: string;
  type: EvaluationType;
  frameworkCode: string;
  deadline?: { format: (f: string) => string } | null;
  regions: string[];
}

/** The framework select's choice for an uploaded file (no built-in code looks like it). */
const UPLOAD = "__upload__";

function LaunchDialog(props: { year: number; onClose: () => void; onLaunched: () => void }) {
  const { t } = useI18n();
  const { region } = useLayout();
  const navigate = useNavigate();
  const [form] = Form.useForm<LaunchForm>();
  const { saving, error, setError, run } = useSaving();
  /** An uploaded framework file (.yaml/.yml/.json), chosen with the UPLOAD option. */
  const [upload, setUpload] = useState<{ fileName: string; text: string } | null>(null);
  const chosen = Form.useWatch("frameworkCode", form);
  const frameworks = useRemote(evaluationApi.frameworks);

  const submit = async (values: LaunchForm) => {
    if (values.frameworkCode === UPLOAD && upload === null) {
      setError(t("eval.frameworkFileRequired"));
      return;
    }
    await run(async () => {
      const created = await evaluationApi.createTask({
        name: values.name,
        year: props.year,
        type: values.type,
        ...(values.frameworkCode === UPLOAD && upload
          ? { frameworkFile: upload }
          : { frameworkCode: values.frameworkCode }),
        regionCode: region.code,
        deadline: values.deadline ? values.deadline.format("YYYY-MM-DD") : null,
        regions: values.regions,
      });
      props.onLaunched();
      navigate(`/evaluations/${created.id}`);
    });
  };

  return (
    <Modal
      open
      title={t("eval.launchTitle", { region: region.name, year: props.year })}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={t("eval.launch")}
      okButtonProps={{ id: "eval-launch-ok" }}
      width={640}
    >
      <ErrorAlert message={error} />
      <Form<LaunchForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ type: "self", regions: [region.code] }}
      >
        <Form.Item
          name="name"
          label={t("eval.name")}
          rules={[{ required: true, message: t("eval.nameRequired") }]}
        >
          <Input data-testid="eval-name" maxLength={200} />
        </Form.Item>
        <Form.Item name="type" label={t("eval.type")}>
          <Select
            options={EVALUATION_TYPES.map((v) => ({ value: v, label: t(`eval.type.${v}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="frameworkCode"
          label={t("eval.framework")}
          rules={[{ required: true, message: t("eval.frameworkRequired") }]}
        >
          <Select
            data-testid="eval-framework"
            options={[
              ...(frameworks.data?.items ?? []).map((f) => ({
                value: f.code,
                label: `${f.name}（${f.code}）`,
              })),
              { value: UPLOAD, label: t("eval.frameworkUpload") },
            ]}
          />
        </Form.Item>
        {chosen === UPLOAD && (
          <Form.Item extra={t("eval.frameworkUploadHint")}>
            <FilePickButton
              accept=".yaml,.yml,.json"
              onPick={async (file) => setUpload({ fileName: file.name, text: await file.text() })}
              onRemove={() => setUpload(null)}
              data-testid="eval-framework-file"
            >
              {t("eval.frameworkChooseFile")}
            </FilePickButton>
          </Form.Item>
        )}
        <Form.Item name="deadline" label={t("eval.deadline")}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="regions"
          label={t("eval.regions")}
          rules={[{ required: true, message: t("eval.regionsRequired") }]}
        >
          <EvaluationRegionPicker scopeCode={region.code} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
