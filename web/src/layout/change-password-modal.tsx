/** Lets the signed-in user change their own password. */
import { App, Form, Input, Modal } from "antd";
import { useState } from "react";
import { api } from "../api/endpoints.ts";
import { errorMessage } from "../api/error-message.ts";
import { fieldErrorsOf } from "../api/field-errors.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { passwordRules } from "../components/password-rules.ts";
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
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await api.changePassword(values.currentPassword, values.newPassword);
      message.success(t("password.changed"));
      onClose();
    } catch (reason) {
      // The server names the new password "newPassword" in validation issues but "password" in policy errors.
      const mapped = fieldErrorsOf(reason, [...FIELDS, "password"]).map((f) =>
        f.name === "password" ? { ...f, name: "newPassword" } : f,
      );
      form.setFields(mapped.map((f) => ({ name: f.name as keyof Values, errors: f.errors })));
      setError(mapped.length > 0 ? null : errorMessage(reason, t));
    } finally {
      setSaving(false);
    }
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
        <Form.Item
          name="newPassword"
          label={t("password.new")}
          extra={t("password.rule")}
          rules={passwordRules(t)}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
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
