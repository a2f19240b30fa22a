/** Sign-in form; shows the server's message for wrong passwords, locked or disabled accounts. */
import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { errorMessage } from "../api/error-message.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { LanguageSwitch } from "../components/language-switch.tsx";
import { useI18n } from "../i18n/i18n-context.tsx";
import { useSession } from "./session-context.tsx";

interface Values {
  username: string;
  password: string;
}

function targetOf(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === "string" && from.startsWith("/") && from !== "/login" ? from : "/";
}

export function LoginPage() {
  const { t } = useI18n();
  const { status, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (status === "signed-in") return <Navigate to={targetOf(location.state)} replace />;

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await login(values.username, values.password);
      navigate(targetOf(location.state), { replace: true });
    } catch (reason) {
      setError(errorMessage(reason, t));
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: "100vh",
        display: "flex",
        flexDirection: "column",
        alignItems: "center",
        justifyContent: "center",
        padding: 24,
        background: "linear-gradient(135deg, #0f3466 0%, #1d5fb8 100%)",
      }}
    >
      <div style={{ position: "fixed", top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: "100%", maxWidth: 400 }} styles={{ body: { padding: 32 } }}>
        <Typography.Title level={2} style={{ marginBottom: 4, textAlign: "center" }}>
          {t("app.name")}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: "center", marginBottom: 24 }}>
          {t("login.subtitle")}
        </Typography.Paragraph>
        <ErrorAlert message={error} data-testid="login-error" />
        <Form<Values> layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)}>
          <Form.Item
            name="username"
            label={t("login.username")}
            rules={[{ required: true, message: t("login.usernameRequired") }]}
          >
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              data-testid="login-username"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t("login.password")}
            rules={[{ required: true, message: t("login.passwordRequired") }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            size="large"
            loading={busy}
            data-testid="login-submit"
          >
            {t("login.submit")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
