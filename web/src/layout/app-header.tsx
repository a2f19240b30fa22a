/** The top bar: product name, current user, language, change password and sign out. */
import { KeyOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { App, Button, Layout, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { useSession, useSignedIn } from "../auth/session-context.tsx";
import { LanguageSwitch } from "../components/language-switch.tsx";
import { useI18n } from "../i18n/i18n-context.tsx";
import { ChangePasswordModal } from "./change-password-modal.tsx";

export function AppHeader() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user } = useSignedIn();
  const { logout } = useSession();
  const navigate = useNavigate();
  const [changing, setChanging] = useState(false);

  const signOut = async () => {
    try {
      await logout();
    } finally {
      message.success(t("header.loggedOut"));
      navigate("/login", { replace: true });
    }
  };

  return (
    <Layout.Header
      style={{
        display: "flex",
        alignItems: "center",
        justifyContent: "space-between",
        gap: 16,
        paddingInline: 24,
      }}
    >
      <Typography.Text
        strong
        ellipsis
        style={{ color: "#fff", fontSize: 18, minWidth: 0 }}
        data-testid="app-title"
      >
        {t("app.title")}
      </Typography.Text>
      <Space size="middle" style={{ flexShrink: 0 }}>
        <LanguageSwitch />
        <Space size={6} style={{ color: "#fff" }} data-testid="current-user">
          <UserOutlined />
          <span>{user.displayName}</span>
          <Tag color="gold" style={{ marginInlineEnd: 0 }}>
            {t(`role.${user.role}`)}
          </Tag>
          <span style={{ opacity: 0.85 }}>{user.regionName}</span>
        </Space>
        <Button
          size="small"
          ghost
          icon={<KeyOutlined />}
          onClick={() => setChanging(true)}
          data-testid="change-password"
        >
          {t("header.changePassword")}
        </Button>
        <Button
          size="small"
          ghost
          icon={<LogoutOutlined />}
          onClick={() => void signOut()}
          data-testid="logout"
        >
          {t("header.logout")}
        </Button>
      </Space>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </Layout.Header>
  );
}
