/** The filter bar of the audit log: object, action, actor and a time range. */
import { AutoComplete, Button, DatePicker, Form, Input, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useI18n } from "../i18n/i18n-context.tsx";
import { isMessageKey } from "../i18n/translate.ts";

export interface AuditFilterValues {
  entity?: string;
  action?: string;
  actor?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const ENTITIES = ["user", "session", "region", "login", "route", "audit"] as const;
export const ACTIONS = [
  "create",
  "update",
  "disable",
  "enable",
  "login",
  "logout",
  "password.change",
  "password.reset",
  "login.failed",
  "login.disabled",
  "login.locked",
  "login.refused",
  "access.refused",
  "audit.suppressed",
] as const;

export function AuditFilters({ onApply }: { onApply: (values: AuditFilterValues) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<AuditFilterValues>();
  const label = (prefix: string, value: string) => {
    const key = `${prefix}.${value}`;
    return isMessageKey(key) ? `${t(key)} (${value})` : value;
  };

  return (
    <Form
      form={form}
      layout="inline"
      onFinish={onApply}
      style={{ rowGap: 12, marginBottom: 16 }}
      data-testid="audit-filters"
    >
      <Form.Item name="entity">
        <Select
          allowClear
          placeholder={t("audit.entityFilter")}
          style={{ width: 150 }}
          options={ENTITIES.map((value) => ({ value, label: label("entity", value) }))}
          data-testid="audit-filter-entity"
        />
      </Form.Item>
      <Form.Item name="action">
        <AutoComplete
          allowClear
          placeholder={t("audit.actionFilter")}
          style={{ width: 180 }}
          options={ACTIONS.map((value) => ({ value, label: label("action", value) }))}
          data-testid="audit-filter-action"
        />
      </Form.Item>
      <Form.Item name="actor">
        <Input
          allowClear
          placeholder={t("audit.actorFilter")}
          style={{ width: 160 }}
          data-testid="audit-filter-actor"
        />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker
          showTime
          allowEmpty={[true, true]}
          placeholder={[t("audit.from"), t("audit.to")]}
          style={{ width: 340 }}
        />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" data-testid="audit-search">
          {t("common.search")}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onApply({});
          }}
        >
          {t("common.reset")}
        </Button>
      </Form.Item>
    </Form>
  );
}
