/** The filter bar of the audit log: object, action, actor and a time range. */
import { Button, DatePicker, Form, Input, Select } from "antd";
import type { Dayjs } from "dayjs";
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITIES,
  type AuditAction,
  type AuditEntityType,
} from "../../../../src/shared/audit-codes.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";

export interface AuditFilterValues {
  entity?: string;
  action?: string;
  actor?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Every object type and action the trail records, in the order of the shared table. */
const ENTITIES = Object.keys(AUDIT_ENTITIES) as AuditEntityType[];
const ACTIONS = Object.keys(AUDIT_ACTIONS) as AuditAction[];

export function AuditFilters({
  initial,
  onApply,
}: {
  /** The filters of the URL, shown when the page opens (a reload, Back, a shared link). */
  initial: AuditFilterValues;
  onApply: (values: AuditFilterValues) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<AuditFilterValues>();

  return (
    <Form
      form={form}
      initialValues={initial}
      layout="inline"
      onFinish={onApply}
      style={{ rowGap: 12, marginBottom: 16 }}
      data-testid="audit-filters"
    >
      <Form.Item name="entity">
        <Select
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder={t("audit.entityFilter")}
          style={{ width: 190 }}
          popupMatchSelectWidth={false}
          options={ENTITIES.map((value) => ({ value, label: t(`entity.${value}`) }))}
          data-testid="audit-filter-entity"
        />
      </Form.Item>
      <Form.Item name="action">
        <Select
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder={t("audit.actionFilter")}
          style={{ width: 210 }}
          popupMatchSelectWidth={false}
          options={ACTIONS.map((value) => ({ value, label: t(`action.${value}`) }))}
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
          style={{ width: 340, maxWidth: "100%" }}
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
            // Empty, not the initial values: those are the URL's filters being cleared.
            form.setFieldsValue({
              entity: undefined,
              action: undefined,
              actor: undefined,
              range: null,
            });
            onApply({});
          }}
        >
          {t("common.reset")}
        </Button>
      </Form.Item>
    </Form>
  );
}
