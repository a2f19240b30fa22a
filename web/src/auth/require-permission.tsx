/** Shows a page only to roles holding a permission; others see a 403 notice. */
import type { ReactNode } from "react";
import { type Permission, roleCan } from "../../../src/shared/roles.ts";
import { BackHomeResult } from "../components/back-home-result.tsx";
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
  return <BackHomeResult status="403" reason={t("app.forbidden")} />;
}
