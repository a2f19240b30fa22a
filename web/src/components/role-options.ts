/** Select options for the roles, labelled in the user's language. */
import { ROLES, type Role } from "../../../src/shared/roles.ts";
import type { Translate } from "../i18n/translate.ts";

export function roleOptions(t: Translate): { value: Role; label: string }[] {
  return ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }));
}
