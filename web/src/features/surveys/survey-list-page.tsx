/** 满意度调查: the surveys of the selected region and year, with their status, answers and rate. */
import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Select, Space, Table, Tag, Typography } from "antd";
import { useCallback, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { roleCan } from "../../../../src/shared/roles.ts";
import type { SurveySummaryT } from "../../../../src/shared/survey-schemas.ts";
import { errorMessage } from "../../api/error-message.ts";
import { surveyApi } from "../../api/survey-endpoints.ts";
import { useRemote } from "../../api/use-remote.ts";
import { useSignedIn } from "../../auth/session-context.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { formatDateTime } from "../../format/date-time.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { useLayout } from "../../layout/layout-context.ts";
import { YEARS, yearOf } from "../../layout/year-choice.ts";
import { SurveyCreateDialog } from "./survey-create-dialog.tsx";
import { SurveyStatusTag } from "./survey-status-tag.tsx";

export function SurveyListPage() {
  const { t } = useI18n();
  const { region } = useLayout();
  const { user } = useSignedIn();
  const [search, setSearch] = useSearchParams();
  const year = yearOf(search);
  const [creating, setCreating] = useState(false);
  const load = useCallback(
    () => surveyApi.list({ year, regionCode: region.code }),
    [year, region.code],
  );
  const surveys = useRemote(load);

  return (
    <Card
      title={t("survey.title")}
      extra={<Tag color="blue">{t("region.scope", { name: region.name })}</Tag>}
    >
      <Typography.Paragraph type="secondary">{t("survey.intro")}</Typography.Paragraph>
      <ErrorAlert message={surveys.error === undefined ? null : errorMessage(surveys.error, t)} />
      <Space wrap style={{ marginBottom: 16, width: "100%", justifyContent: "space-between" }}>
        <Select<number>
          value={year}
          style={{ width: 120 }}
          options={YEARS.map((y) => ({ value: y, label: t("data.yearOption", { year: y }) }))}
          onChange={(y) => {
            const next = new URLSearchParams(search);
            next.set("year", String(y));
            setSearch(next);
          }}
          data-testid="surveys-year"
        />
        {roleCan(user.role, "survey:edit") && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="survey-create"
          >
            {t("survey.create")}
          </Button>
        )}
      </Space>
      <Table<SurveySummaryT>
        size="small"
        rowKey="id"
        loading={surveys.loading}
        dataSource={surveys.data?.items ?? []}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("survey.empty", { year }) }}
        data-testid="surveys-table"
        onRow={(s) => ({ "data-survey": s.id }) as object}
        columns={[
          {
            title: t("survey.name"),
            dataIndex: "title",
            render: (title: string, s) => <Link to={`/surveys/${s.id}`}>{title}</Link>,
          },
          { title: t("survey.region"), dataIndex: "regionName" },
          {
            title: t("survey.status"),
            dataIndex: "status",
            render: (status: SurveySummaryT["status"]) => <SurveyStatusTag status={status} />,
          },
          { title: t("survey.communities"), dataIndex: "communities", align: "right" },
          {
            title: t("survey.validOfAll"),
            key: "valid",
            align: "right",
            render: (_: unknown, s) => `${s.valid} / ${s.answers}`,
          },
          {
            title: t("survey.rate"),
            dataIndex: "ratePercent",
            align: "right",
            render: (rate: string | null) => (rate === null ? "—" : `${rate}%`),
          },
          {
            title: t("survey.updated"),
            dataIndex: "updatedAt",
            render: (v: string) => formatDateTime(v),
          },
        ]}
      />
      {creating && (
        <SurveyCreateDialog
          year={year}
          existing={surveys.data?.items ?? []}
          onClose={() => setCreating(false)}
        />
      )}
    </Card>
  );
}
