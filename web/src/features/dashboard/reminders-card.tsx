/** 待办与提醒 on the home page: sheets to fill, revise or review, open rectifications; overdue first. */
import { Card, List, Tag, Typography } from "antd";
import { useCallback } from "react";
import { Link } from "react-router";
import type { RemindersT } from "../../../../src/shared/reminder-schemas.ts";
import { errorMessage } from "../../api/error-message.ts";
import { reminderApi } from "../../api/reminder-endpoints.ts";
import { useRemote } from "../../api/use-remote.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useI18n } from "../../i18n/i18n-context.tsx";

type Item = RemindersT["items"][number];
const KIND_COLOR = { fill: "blue", revise: "orange", review: "purple", rectify: "cyan" } as const;

export function RemindersCard() {
  const { t } = useI18n();
  const load = useCallback(() => reminderApi.reminders(), []);
  const answer = useRemote(load);
  const items = answer.data?.items ?? [];
  return (
    <Card
      title={t("remind.title")}
      loading={answer.loading && !answer.data}
      data-testid="reminders"
      extra={
        answer.data && answer.data.overdue > 0 ? (
          <Tag color="red">{t("remind.overdueCount", { count: answer.data.overdue })}</Tag>
        ) : null
      }
    >
      <ErrorAlert message={answer.error === undefined ? null : errorMessage(answer.error, t)} />
      <List<Item>
        size="small"
        dataSource={items.slice(0, 20)}
        locale={{ emptyText: t("remind.none") }}
        renderItem={(r) => (
          <List.Item
            actions={[
              <Link
                key="open"
                to={
                  r.kind === "rectify"
                    ? `/evaluation-sheets/${r.sheetId}/result`
                    : `/evaluation-sheets/${r.sheetId}`
                }
              >
                {t("remind.open")}
              </Link>,
            ]}
          >
            <Tag color={KIND_COLOR[r.kind]}>{t(`remind.kind.${r.kind}`)}</Tag>
            <Typography.Text>
              {r.regionName} · {r.taskName}
              {r.problem ? ` · ${r.problem}` : ""}
            </Typography.Text>
            {r.deadline && (
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {t("remind.deadline", { date: r.deadline })}
              </Typography.Text>
            )}
            {r.overdue && (
              <Tag color="red" style={{ marginLeft: 8 }}>
                {t("remind.overdue", { days: r.daysOverdue })}
              </Tag>
            )}
          </List.Item>
        )}
      />
    </Card>
  );
}
