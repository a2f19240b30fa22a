/** An administrator sets a new password for a user. */
import { App, Form, Input, Modal } from "antd";
import { useState } from "react";
import type { UserT } from "../../../../src/shared/schemas.ts";
import { api } from "../../api/endpoints.ts";
import { errorMessage } from "../../api/error-message.ts";
import { fieldErrorsOf } from "../../api/field-errors.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { passwordRules } from "../../components/password-rules.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";

export function ResetPasswordModal({ user, onClose }: { user: UserT; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async ({ password }: { password: string }) => {
    setSaving(true);
    setError(null);
    try {
      await api.resetPassword(user.id, password);
      message.success(t("users.passwordReset", { username: user.username }));
      onClose();
    } catch (reason) {
      const fields = fieldErrorsOf(reason, ["password"]);
      form.setFields(fields.map((f) => ({ name: "password", errors: f.errors })));
      setError(fields.length > 0 ? null : errorMessage(reason, t));
    } finally {
      setSaving(false);
    }
  };

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
        <Form.Item
          name="password"
          label={t("password.new")}
          extra={t("password.rule")}
          rules={passwordRules(t)}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
