/** 满意度调查: the surveys of the selected region and year, with their status, answers and rate. */
import { PlusOutlined } from "@ant-design/icons";
import { Table } from "antd";
import { useCallback, useState } from "react";
import { Link, useSearchParams } from "react-router";
import type { SurveySummaryT } from "../../../../src/shared/survey-schemas.ts";
import { surveyApi } from "../../api/survey-endpoints.ts";
import { useRemote } from "../../api/use-remote.ts";
import { RegionYearCard } from "../../components/region-year-card.tsx";
import { formatDateTime } from "../../format/date-time.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { useLayout } from "../../layout/layout-context.ts";
import { withYear, yearOf } from "../../layout/year-choice.ts";
import { SurveyCreateDialog } from "./survey-create-dialog.tsx";
import { SurveyStatusTag } from "./survey-status-tag.tsx";

export function SurveyListPage() {
  const { t } = useI18n();
  const { region } = useLayout();
  const [search, setSearch] = useSearchParams();
  const year = yearOf(search);
  const [creating, setCreating] = useState(false);
  const load = useCallback(
    () => surveyApi.list({ year, regionCode: region.code }),
    [year, region.code],
  );
  const surveys = useRemote(load);

  return (
    <RegionYearCard
      title={t("survey.title")}
      intro={t("survey.intro")}
      error={surveys.error}
      year={year}
      onYear={(y) => setSearch(withYear(search, y))}
      spread
      yearTestId="surveys-year"
      wrap
      action={{
        permission: "survey:edit",
        label: t("survey.create"),
        icon: <PlusOutlined />,
        onClick: () => setCreating(true),
        "data-testid": "survey-create",
      }}
    >
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
    </RegionYearCard>
  );
}
