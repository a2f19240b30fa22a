/** Shows a page only to roles holding a permission; others see a 403 notice. */
import { Button, Result } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { type Permission, roleCan } from "../../../src/shared/roles.ts";
import { useI18n } from "../i18n/i18n-context.tsx";
import { useSignedIn } from "./session-context.tsx";

export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission;
  children: ReactNode;
}) {
  const { user } = useSignedIn();
  const { t } = useI18n();
  if (roleCan(user.role, permission)) return children;
  return (
    <Result
      status="403"
      title="403"
      subTitle={t("app.forbidden")}
      extra={
        <Link to="/">
          <Button type="primary">{t("app.backHome")}</Button>
        </Link>
      }
    />
  );
}
