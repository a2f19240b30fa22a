/** User administration: search, filter by role, page through, create, edit, disable, reset password. */
import { PlusOutlined, SearchOutlined } from "@ant-design/icons";
import { App, Button, Card, Input, Select, Space, Table, Tag } from "antd";
import { useCallback, useState } from "react";
import { ROLES, type Role } from "../../../../src/shared/roles.ts";
import type { UserT } from "../../../../src/shared/schemas.ts";
import { api } from "../../api/endpoints.ts";
import { errorMessage } from "../../api/error-message.ts";
import { useRemote } from "../../api/use-remote.ts";
import { useSignedIn } from "../../auth/session-context.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { roleOptions } from "../../components/role-options.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { useLayout } from "../../layout/layout-context.ts";
import { useUrlPaging, useUrlState } from "../../layout/url-state.tsx";
import { ResetPasswordModal } from "./reset-password-modal.tsx";
import { useUserColumns } from "./user-columns.tsx";
import { UserFormModal } from "./user-form-modal.tsx";

type Editing = { kind: "create" } | { kind: "edit"; user: UserT } | { kind: "reset"; user: UserT };

export function UserListPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { region } = useLayout();
  const { user: self } = useSignedIn();
  // The search and the role filter live in the URL (?q=&role=), as every page's filters do.
  const { search: params, update } = useUrlState();
  const q = params.get("q") ?? "";
  const wantedRole = params.get("role");
  const role = ROLES.find((r) => r === wantedRole);
  const { page, pageSize, pagination } = useUrlPaging();
  const [editing, setEditing] = useState<Editing | null>(null);

  const load = useCallback(
    () => api.users({ regionCode: region.code, q, role, page, pageSize }),
    [region.code, q, role, page, pageSize],
  );
  const users = useRemote(load);

  const search = (value: string) => update({ q: value.trim() || null });

  const toggle = async (user: UserT) => {
    try {
      const saved = await api.updateUser(user.id, { disabled: !user.disabled });
      const key = saved.disabled ? "users.disabledDone" : "users.enabledDone";
      message.success(t(key, { username: saved.username }));
      users.reload();
    } catch (reason) {
      message.error(errorMessage(reason, t));
    }
  };

  const columns = useUserColumns({
    selfId: self.id,
    onEdit: (user) => setEditing({ kind: "edit", user }),
    onReset: (user) => setEditing({ kind: "reset", user }),
    onToggle: (user) => void toggle(user),
  });

  return (
    <Card
      title={t("users.title")}
      extra={<Tag color="blue">{t("region.scope", { name: region.name })}</Tag>}
    >
      <Space wrap style={{ marginBottom: 16, width: "100%", justifyContent: "space-between" }}>
        <Space wrap>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t("users.search")}
            style={{ width: 260 }}
            defaultValue={q}
            onPressEnter={(event) => search(event.currentTarget.value)}
            onChange={(event) => {
              if (event.target.value === "") search("");
            }}
            data-testid="users-search"
          />
          <Select<Role>
            allowClear
            placeholder={t("users.roleFilter")}
            style={{ width: 200 }}
            options={roleOptions(t)}
            value={role}
            onChange={(value) => update({ role: value ?? null })}
            data-testid="users-role-filter"
          />
        </Space>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing({ kind: "create" })}
          data-testid="user-new"
        >
          {t("users.new")}
        </Button>
      </Space>
      <ErrorAlert message={users.error === undefined ? null : errorMessage(users.error, t)} />
      <div data-testid="users-table">
        <Table<UserT>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={users.data?.items ?? []}
          loading={users.loading}
          scroll={{ x: "max-content" }}
          pagination={pagination(users.data?.total ?? 0)}
        />
      </div>
      {editing?.kind === "create" && (
        <UserFormModal
          user={null}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            users.reload();
          }}
        />
      )}
      {editing?.kind === "edit" && (
        <UserFormModal
          user={editing.user}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            users.reload();
          }}
        />
      )}
      {editing?.kind === "reset" && (
        <ResetPasswordModal user={editing.user} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}
