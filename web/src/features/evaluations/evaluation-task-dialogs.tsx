/** Changing a launched task: edit its name and deadline, add regions, cancel it with a reason. */
import { App, DatePicker, Form, Input, Modal, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { TaskDetailT } from "../../../../src/shared/evaluation-schemas.ts";
import { evaluationTaskApi } from "../../api/evaluation-task-endpoints.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useSaving } from "../../components/use-saving.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { EvaluationRegionPicker } from "./evaluation-region-picker.tsx";

interface DialogProps {
  task: TaskDetailT;
  onClose: () => void;
  onDone: () => void;
}

/** Runs a change, keeping the dialog open with the server's message when it is refused. */
function useSubmit(onDone: () => void) {
  const { error, saving, run } = useSaving();
  const submit = (work: () => Promise<unknown>) =>
    run(async () => {
      await work();
      onDone();
    });
  return { error, saving, run: submit };
}

export function EditTaskDialog({ task, onClose, onDone }: DialogProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; deadline: Dayjs | null }>();
  const { error, saving, run } = useSubmit(onDone);
  return (
    <Modal
      open
      title={t("evalTask.editTitle")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okButtonProps={{ id: "task-edit-ok" }}
    >
      <ErrorAlert message={error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: task.name, deadline: task.deadline ? dayjs(task.deadline) : null }}
        onFinish={(v) =>
          run(async () => {
            await evaluationTaskApi.edit(task.id, {
              version: task.version,
              name: v.name,
              deadline: v.deadline ? v.deadline.format("YYYY-MM-DD") : null,
            });
            message.success(t("evalTask.saved"));
          })
        }
      >
        <Form.Item
          name="name"
          label={t("eval.name")}
          rules={[{ required: true, whitespace: true, message: t("eval.nameRequired") }]}
        >
          <Input maxLength={200} data-testid="task-edit-name" />
        </Form.Item>
        <Form.Item name="deadline" label={t("eval.deadline")}>
          <DatePicker data-testid="task-edit-deadline" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ExtendTaskDialog({ task, onClose, onDone }: DialogProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ regions: string[] }>();
  const { error, saving, run } = useSubmit(onDone);
  return (
    <Modal
      open
      title={t("evalTask.extendTitle", { name: task.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okButtonProps={{ id: "task-extend-ok" }}
      width={640}
    >
      <ErrorAlert message={error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ regions: [] }}
        onFinish={(v) =>
          run(async () => {
            const answer = await evaluationTaskApi.extend(task.id, v.regions);
            message.success(t("evalTask.extendDone", { count: answer.added.length }));
          })
        }
      >
        <Form.Item
          name="regions"
          label={t("eval.regions")}
          rules={[{ required: true, type: "array", min: 1, message: t("eval.regionsRequired") }]}
        >
          <EvaluationRegionPicker
            scopeCode={task.regionCode}
            present={task.sheets.map((s) => s.regionCode)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function CancelTaskDialog({ task, onClose, onDone }: DialogProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { error, saving, run } = useSubmit(onDone);
  return (
    <Modal
      open
      title={t("evalTask.cancelTitle", { name: task.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={t("evalTask.cancelOk")}
      cancelText={t("evalTask.back")}
      okButtonProps={{ id: "task-cancel-ok", danger: true }}
    >
      <ErrorAlert message={error} />
      <Typography.Paragraph type="secondary">{t("evalTask.cancelHint")}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          run(async () => {
            await evaluationTaskApi.cancel(task.id, { version: task.version, reason: v.reason });
            message.success(t("evalTask.cancelled"));
          })
        }
      >
        <Form.Item
          name="reason"
          label={t("evalTask.cancelReason")}
          rules={[
            { required: true, whitespace: true, message: t("evalTask.cancelReasonRequired") },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="task-cancel-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
