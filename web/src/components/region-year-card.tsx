/**
 * The frame of a list page scoped to the chosen region and year: the region tag, an intro, the load
 * error, the year picker and the page's one primary action.
 */
import { Button, Card, Space, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { type Permission, roleCan } from "../../../src/shared/roles.ts";
import { errorMessage } from "../api/error-message.ts";
import { useSignedIn } from "../auth/session-context.tsx";
import { useI18n } from "../i18n/i18n-context.tsx";
import { useLayout } from "../layout/layout-context.ts";
import { YEARS } from "../layout/year-choice.ts";
import { ErrorAlert } from "./error-alert.tsx";
import { YearSelect } from "./year-select.tsx";

export interface RegionYearAction {
  /** Shown only to a role with this permission. */
  permission: Permission;
  label: string;
  icon: ReactNode;
  onClick: () => void;
  "data-testid": string;
}

interface RegionYearCardProps {
  title: string;
  intro?: string;
  /** The list's load error (undefined while there is none). */
  error: unknown;
  year: number;
  onYear: (year: number) => void;
  yearTestId: string;
  /** More controls after the year (filters, downloads). */
  tools?: ReactNode;
  action?: RegionYearAction;
  /** Lets the toolbar wrap on narrow screens. */
  wrap?: boolean;
  /** Spreads the toolbar over the card's width (the action at the far end). */
  spread?: boolean;
  children: ReactNode;
}

export function RegionYearCard(props: RegionYearCardProps) {
  const { t } = useI18n();
  const { region } = useLayout();
  const { user } = useSignedIn();
  const action = props.action && roleCan(user.role, props.action.permission) ? props.action : null;
  return (
    <Card
      title={props.title}
      extra={<Tag color="blue">{t("region.scope", { name: region.name })}</Tag>}
    >
      {props.intro !== undefined && (
        <Typography.Paragraph type="secondary">{props.intro}</Typography.Paragraph>
      )}
      <ErrorAlert message={props.error === undefined ? null : errorMessage(props.error, t)} />
      <Space
        wrap={props.wrap}
        style={
          props.spread
            ? { marginBottom: 16, width: "100%", justifyContent: "space-between" }
            : { marginBottom: 16 }
        }
      >
        <YearSelect
          value={props.year}
          years={YEARS}
          onChange={props.onYear}
          data-testid={props.yearTestId}
        />
        {props.tools}
        {action && (
          <Button
            type="primary"
            icon={action.icon}
            onClick={action.onClick}
            data-testid={action["data-testid"]}
          >
            {action.label}
          </Button>
        )}
      </Space>
      {props.children}
    </Card>
  );
}
