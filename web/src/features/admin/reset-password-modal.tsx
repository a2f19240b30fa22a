/** An administrator sets a new password for a user. */
import { App, Form, Modal } from "antd";
import type { UserT } from "../../../../src/shared/schemas.ts";
import { api } from "../../api/endpoints.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { NewPasswordItem } from "../../components/new-password-item.tsx";
import { useSaving } from "../../components/use-saving.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";

export function ResetPasswordModal({ user, onClose }: { user: UserT; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const { saving, error, run } = useSaving({ form, fields: ["password"] });

  const save = ({ password }: { password: string }) =>
    run(async () => {
      await api.resetPassword(user.id, password);
      message.success(t("users.passwordReset", { username: user.username }));
      onClose();
    });

  return (
    <Modal
      open
      title={t("users.resetTitle", { username: user.username })}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert message={error} />
      <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <NewPasswordItem
          name="password"
          label={t("password.new")}
          data-testid="reset-password-input"
        />
      </Form>
    </Modal>
  );
}
