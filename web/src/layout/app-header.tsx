/**
 * The top bar: product name, current user, language, change password and sign out. On a phone the
 * menu button leads, and the account's details and actions fold into one dropdown.
 */
import {
  DownOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { App, Button, Dropdown, Flex, Layout, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { useSession, useSignedIn } from "../auth/session-context.tsx";
import { LanguageSwitch } from "../components/language-switch.tsx";
import { useI18n } from "../i18n/i18n-context.tsx";
import { ChangePasswordModal } from "./change-password-modal.tsx";

interface AppHeaderProps {
  /** Below the lg breakpoint: a menu button, the short name and the account dropdown. */
  narrow: boolean;
  onMenu: () => void;
}

export function AppHeader({ narrow, onMenu }: AppHeaderProps) {
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
  const role = (
    <Tag color="gold" style={{ marginInlineEnd: 0 }}>
      {t(`role.${user.role}`)}
    </Tag>
  );

  return (
    <Layout.Header
      style={{
        display: "flex",
        alignItems: "center",
        justifyContent: "space-between",
        gap: narrow ? 8 : 16,
        paddingInline: narrow ? 8 : 24,
      }}
    >
      <Flex align="center" gap={4} style={{ minWidth: 0, lineHeight: "normal" }}>
        {narrow && (
          <Button
            type="text"
            icon={<MenuOutlined style={{ color: "#fff", fontSize: 18 }} />}
            aria-label={t("header.menu")}
            onClick={onMenu}
            data-testid="nav-toggle"
          />
        )}
        <Typography.Text
          strong
          ellipsis
          style={{ color: "#fff", fontSize: narrow ? 16 : 18, minWidth: 0 }}
          data-testid="app-title"
        >
          {t(narrow ? "app.name" : "app.title")}
        </Typography.Text>
      </Flex>
      {narrow ? (
        <Space size={4} style={{ flexShrink: 0 }}>
          <LanguageSwitch />
          <Dropdown
            trigger={["click"]}
            placement="bottomRight"
            menu={{
              items: [
                {
                  key: "who",
                  type: "group",
                  label: (
                    <Space orientation="vertical" size={2} data-testid="current-user">
                      <Typography.Text strong>{user.displayName}</Typography.Text>
                      <Space size={6}>
                        {role}
                        <Typography.Text type="secondary">{user.regionName}</Typography.Text>
                      </Space>
                    </Space>
                  ),
                  children: [
                    {
                      key: "password",
                      icon: <KeyOutlined />,
                      label: (
                        <span data-testid="change-password">{t("header.changePassword")}</span>
                      ),
                      onClick: () => setChanging(true),
                    },
                    {
                      key: "logout",
                      icon: <LogoutOutlined />,
                      label: <span data-testid="logout">{t("header.logout")}</span>,
                      onClick: () => void signOut(),
                    },
                  ],
                },
              ],
            }}
          >
            <Button
              type="text"
              aria-label={t("header.account")}
              style={{ color: "#fff", paddingInline: 4 }}
              data-testid="account-menu"
            >
              <UserOutlined />
              <DownOutlined style={{ fontSize: 10 }} />
            </Button>
          </Dropdown>
        </Space>
      ) : (
        <Space size="middle" style={{ flexShrink: 0 }}>
          <LanguageSwitch />
          <Space size={6} style={{ color: "#fff" }} data-testid="current-user">
            <UserOutlined />
            <span>{user.displayName}</span>
            {role}
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
      )}
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </Layout.Header>
  );
}
