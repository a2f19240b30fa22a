/** Create a user, or edit one's name, role and region. */
import { App, Button, type ButtonProps, Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import type { Role } from "../../../../src/shared/roles.ts";
import type { UserT } from "../../../../src/shared/schemas.ts";
import { api } from "../../api/endpoints.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { NewPasswordItem } from "../../components/new-password-item.tsx";
import { type PickedRegion, RegionTreeSelect } from "../../components/region-tree-select.tsx";
import { roleOptions } from "../../components/role-options.ts";
import { useSaving } from "../../components/use-saving.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";

interface Values {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  regionCode: string;
}

const FIELDS = ["username", "displayName", "password", "role", "regionCode"] as const;
const USERNAME = /^[a-zA-Z0-9_.-]{3,32}$/;

interface UserFormModalProps {
  /** The user to edit; null to create a new one. */
  user: UserT | null;
  onClose: () => void;
  onSaved: (user: UserT) => void;
}

export function UserFormModal({ user, onClose, onSaved }: UserFormModalProps) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [picked, setPicked] = useState<PickedRegion | undefined>(undefined);
  const [form] = Form.useForm<Values>();
  const { saving, error, run } = useSaving({ form, fields: FIELDS });
  const creating = user === null;

  /** Asks before a scope above a city, or as wide as the administrator's own city, is granted. */
  const confirmScope = (values: Values): Promise<"none" | "confirmed" | "cancelled"> => {
    const moved = creating || values.regionCode !== user.regionCode;
    const high =
      picked !== undefined &&
      picked.code === values.regionCode &&
      (picked.level === "nation" ||
        picked.level === "province" ||
        (picked.isRoot && picked.level === "city"));
    if (!moved || !high) return Promise.resolve("none");
    const scope = picked.level === "nation" ? t("audit.nation") : picked.name;
    return new Promise<"confirmed" | "cancelled">((resolve) => {
      modal.confirm({
        title: t("users.confirmScopeTitle"),
        content: (
          <div data-testid="user-scope-confirm">
            <p>
              <strong>{t("users.confirmScope", { scope })}</strong>
            </p>
            <p>
              {picked.level === "nation"
                ? t("users.confirmScopeNation")
                : t("users.confirmScopeHigh", { scope })}
            </p>
          </div>
        ),
        okText: t("users.confirmScopeOk"),
        cancelText: t("common.cancel"),
        okButtonProps: { danger: true, "data-testid": "user-scope-confirm-ok" } as ButtonProps,
        onOk: () => resolve("confirmed"),
        onCancel: () => resolve("cancelled"),
      });
    });
  };

  const save = async (values: Values) => {
    const answer = await confirmScope(values);
    if (answer === "cancelled") return; // the administrator thought better of it: nothing is sent
    await run(async () => {
      const scope = answer === "confirmed" ? { confirmScope: true } : {};
      const saved = creating
        ? await api.createUser({ ...values, ...scope })
        : await api.updateUser(user.id, {
            displayName: values.displayName,
            role: values.role,
            regionCode: values.regionCode,
            ...scope,
          });
      message.success(
        t(creating ? "users.created" : "users.updated", { username: saved.username }),
      );
      onSaved(saved);
    });
  };

  return (
    <Modal
      open
      title={creating ? t("users.createTitle") : t("users.editTitle", { username: user.username })}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t("common.cancel")}
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={saving}
          onClick={() => form.submit()}
          data-testid="user-form-submit"
        >
          {t("common.save")}
        </Button>,
      ]}
    >
      <ErrorAlert message={error} data-testid="user-form-error" />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          user
            ? { displayName: user.displayName, role: user.role, regionCode: user.regionCode }
            : undefined
        }
        onFinish={(values) => void save(values)}
      >
        {creating && (
          <Form.Item
            name="username"
            label={t("users.username")}
            rules={[
              { required: true, message: t("users.usernameRequired") },
              { pattern: USERNAME, message: t("users.usernameRule") },
            ]}
          >
            <Input autoComplete="off" data-testid="user-form-username" />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={t("users.displayName")}
          rules={[{ required: true, whitespace: true, message: t("users.displayNameRequired") }]}
        >
          <Input maxLength={64} data-testid="user-form-displayName" />
        </Form.Item>
        {creating && (
          <NewPasswordItem
            name="password"
            label={t("login.password")}
            data-testid="user-form-password"
          />
        )}
        <Form.Item
          name="role"
          label={t("users.role")}
          rules={[{ required: true, message: t("users.roleRequired") }]}
        >
          <Select options={roleOptions(t)} data-testid="user-form-role" />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t("users.region")}
          rules={[{ required: true, message: t("users.regionRequired") }]}
        >
          <RegionTreeSelect
            onPick={setPicked}
            initialLabel={user?.regionName}
            placeholder={t("region.select")}
            data-testid="user-form-region"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
