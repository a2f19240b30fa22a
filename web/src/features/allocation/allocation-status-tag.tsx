/** The status of an allocation plan as a coloured tag, the same on the list, the plan and its scenarios. */
import { Tag } from "antd";
import type { ALLOCATION_STATUSES } from "../../../../src/shared/allocation-schemas.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";

type Status = (typeof ALLOCATION_STATUSES)[number];

const COLOR: Record<Status, string> = {
  draft: "default",
  submitted: "processing",
  returned: "warning",
  approved: "success",
};

export function AllocationStatusTag(props: { status: Status; "data-testid"?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={COLOR[props.status]} data-testid={props["data-testid"]} data-status={props.status}>
      {t(`alloc.status.${props.status}`)}
    </Tag>
  );
}
