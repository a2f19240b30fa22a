/** Client-side password checks mirroring the server policy, so mistakes show before sending. */
import type { FormRule } from "antd";
import type { Translate } from "../i18n/translate.ts";

const CLASSES = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/];

export function meetsPasswordPolicy(password: string): boolean {
  const classes = CLASSES.filter((pattern) => pattern.test(password)).length;
  return password.length >= 10 && password.length <= 128 && classes >= 3;
}

export function passwordRules(t: Translate): FormRule[] {
  return [
    { required: true, message: t("password.required") },
    {
      validator: (_rule, value: unknown) =>
        typeof value !== "string" || value === "" || meetsPasswordPolicy(value)
          ? Promise.resolve()
          : Promise.reject(new Error(t("password.weak"))),
    },
  ];
}
