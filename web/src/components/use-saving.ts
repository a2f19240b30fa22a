/**
 * Sending something: the busy flag and what went wrong. With a form, the server's field messages go
 * onto their fields and only the rest into the banner (a message is shown once).
 */
import type { FormInstance } from "antd";
import { useState } from "react";
import { errorMessage } from "../api/error-message.ts";
import { fieldErrorsOf } from "../api/field-errors.ts";
import { useI18n } from "../i18n/i18n-context.tsx";

interface FieldsOf {
  form: Pick<FormInstance, "setFields">;
  fields: readonly string[];
  /** Field names the server uses, mapped onto the form's own where they differ. */
  rename?: Readonly<Record<string, string>>;
}

export function useSaving(fieldsOf?: FieldsOf) {
  const { t } = useI18n();
  const [saving, setSaving] = useState(false);
  /** The refusal as thrown (for a banner that lists its details), or a message of the page's own. */
  const [failure, setFailure] = useState<unknown>(null);

  const run = async (work: () => Promise<unknown>, onFailure?: (reason: unknown) => void) => {
    setSaving(true);
    setFailure(null);
    try {
      await work();
    } catch (reason) {
      const rename = fieldsOf?.rename ?? {};
      const found = fieldsOf
        ? fieldErrorsOf(reason, [...fieldsOf.fields, ...Object.keys(rename)]).map((f) => ({
            name: rename[f.name] ?? f.name,
            errors: f.errors,
          }))
        : [];
      if (fieldsOf) fieldsOf.form.setFields(found);
      setFailure(found.length > 0 ? null : reason);
      onFailure?.(reason);
    } finally {
      setSaving(false);
    }
  };
  const error =
    failure === null || failure === undefined
      ? null
      : typeof failure === "string"
        ? failure
        : errorMessage(failure, t);
  return { saving, error, failure, setError: setFailure, run };
}
