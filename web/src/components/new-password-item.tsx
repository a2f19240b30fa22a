/** The form field for a new password, checked against the server's policy before sending. */
import { Form, Input } from "antd";
import { useI18n } from "../i18n/i18n-context.tsx";
import { passwordRules } from "./password-rules.ts";

export function NewPasswordItem(props: { name: string; label: string; "data-testid": string }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name={props.name}
      label={props.label}
      extra={t("password.rule")}
      rules={passwordRules(t)}
    >
      <Input.Password autoComplete="new-password" data-testid={props["data-testid"]} />
    </Form.Item>
  );
}
