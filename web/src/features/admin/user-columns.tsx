/** Columns of the users table, with the row actions. */
import { Button, Popconfirm, Space, type TableColumnsType, Tag } from "antd";
import type { UserT } from "../../../../src/shared/schemas.ts";
import { formatDateTime } from "../../format/date-time.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";

interface RowActions {
  /** The signed-in user, who may not disable themselves. */
  selfId: number;
  onEdit: (user: UserT) => void;
  onReset: (user: UserT) => void;
  onToggle: (user: UserT) => void;
}

export function useUserColumns({
  selfId,
  onEdit,
  onReset,
  onToggle,
}: RowActions): TableColumnsType<UserT> {
  const { t } = useI18n();
  return [
    { key: "username", title: t("users.username"), dataIndex: "username" },
    { key: "displayName", title: t("users.displayName"), dataIndex: "displayName" },
    {
      key: "role",
      title: t("users.role"),
      dataIndex: "role",
      render: (_value, user) => t(`role.${user.role}`),
    },
    {
      key: "region",
      title: t("users.region"),
      dataIndex: "regionName",
      render: (_value, user) => <span title={user.regionCode}>{user.regionName}</span>,
    },
    {
      key: "status",
      title: t("users.status"),
      dataIndex: "disabled",
      render: (_value, user) =>
        user.disabled ? (
          <Tag color="default">{t("users.disabled")}</Tag>
        ) : (
          <Tag color="green">{t("users.active")}</Tag>
        ),
    },
    {
      key: "createdAt",
      title: t("users.createdAt"),
      dataIndex: "createdAt",
      render: (_value, user) => formatDateTime(user.createdAt),
    },
    {
      key: "lastLoginAt",
      title: t("users.lastLoginAt"),
      dataIndex: "lastLoginAt",
      render: (_value, user) => formatDateTime(user.lastLoginAt, t("common.none")),
    },
    {
      key: "actions",
      title: t("common.actions"),
      fixed: "right",
      render: (_value, user) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            onClick={() => onEdit(user)}
            data-testid={`user-edit-${user.username}`}
          >
            {t("users.edit")}
          </Button>
          {user.disabled ? (
            <Button
              type="link"
              size="small"
              onClick={() => onToggle(user)}
              data-testid={`user-toggle-${user.username}`}
            >
              {t("users.enable")}
            </Button>
          ) : (
            <Popconfirm
              title={t("users.disableConfirm", { username: user.username })}
              okText={t("common.ok")}
              cancelText={t("common.cancel")}
              onConfirm={() => onToggle(user)}
            >
              <Button
                type="link"
                size="small"
                danger
                disabled={user.id === selfId}
                data-testid={`user-toggle-${user.username}`}
              >
                {t("users.disable")}
              </Button>
            </Popconfirm>
          )}
          <Button
            type="link"
            size="small"
            onClick={() => onReset(user)}
            data-testid={`user-reset-${user.username}`}
          >
            {t("users.resetPassword")}
          </Button>
        </Space>
      ),
    },
  ];
}
