/** Lets the signed-in user change their own password. */
import { App, Form, Input, Modal } from "antd";
import { api } from "../api/endpoints.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { NewPasswordItem } from "../components/new-password-item.tsx";
import { useSaving } from "../components/use-saving.ts";
import { useI18n } from "../i18n/i18n-context.tsx";

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const FIELDS = ["currentPassword", "newPassword"] as const;

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  // The server names the new password "newPassword" in validation issues but "password" in policy errors.
  const { saving, error, setError, run } = useSaving({
    form,
    fields: FIELDS,
    rename: { password: "newPassword" },
  });

  const submit = async () => {
    const values = await form.validateFields();
    await run(async () => {
      await api.changePassword(values.currentPassword, values.newPassword);
      message.success(t("password.changed"));
      onClose();
    });
  };

  return (
    <Modal
      open={open}
      title={t("password.changeTitle")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        setError(null);
      }}
      destroyOnHidden
    >
      <ErrorAlert message={error} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="currentPassword"
          label={t("password.current")}
          rules={[{ required: true, message: t("password.required") }]}
        >
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <NewPasswordItem name="newPassword" label={t("password.new")} data-testid="password-new" />
        <Form.Item
          name="confirm"
          label={t("password.confirm")}
          dependencies={["newPassword"]}
          rules={[
            { required: true, message: t("password.required") },
            ({ getFieldValue }) => ({
              validator: (_rule, value: unknown) =>
                !value || value === getFieldValue("newPassword")
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("password.mismatch"))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
