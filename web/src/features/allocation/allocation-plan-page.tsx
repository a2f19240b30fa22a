/**
 * One allocation plan (因素法): its totals, workflow and exports, the parameters to edit and
 * recompute, the per-region results with their derivation, and its scenarios side by side.
 */
import { Alert, Card, Descriptions, Space } from "antd";
import { useCallback } from "react";
import { Link, useParams } from "react-router";
import { allocationApi } from "../../api/allocation-endpoints.ts";
import { errorMessage } from "../../api/error-message.ts";
import { useRemote } from "../../api/use-remote.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { formatDateTime } from "../../format/date-time.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { AllocationActions } from "./allocation-actions.tsx";
import { modelOf } from "./allocation-model.ts";
import { AllocationParameters } from "./allocation-parameters.tsx";
import { AllocationResults } from "./allocation-results.tsx";
import { AllocationScenarios } from "./allocation-scenarios.tsx";
import { AllocationStatusTag } from "./allocation-status-tag.tsx";
import { AllocationTotals } from "./allocation-totals.tsx";

export function AllocationPlanPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const load = useCallback(() => allocationApi.plan(id), [id]);
  const plan = useRemote(load);
  // After following a link to another plan the last one stays in `data` until the new one arrives.
  const data = plan.data?.id === id ? plan.data : undefined;
  const base = data?.scenarios.find((s) => s.id === data.scenarioOf);

  return (
    <Card
      title={
        <Space>
          <span data-testid="allocation-name">{data?.name ?? t("alloc.title")}</span>
          {data && <AllocationStatusTag status={data.status} data-testid="allocation-status" />}
        </Space>
      }
      extra={<Link to={`/allocations?year=${data?.year ?? ""}`}>{t("alloc.backToList")}</Link>}
      loading={plan.loading && !data}
    >
      <ErrorAlert message={plan.error === undefined ? null : errorMessage(plan.error, t)} />
      {data && (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t("alloc.year")}>{data.year}</Descriptions.Item>
            <Descriptions.Item label={t("alloc.region")}>{data.regionName}</Descriptions.Item>
            <Descriptions.Item label={t("alloc.version")}>{data.version}</Descriptions.Item>
            <Descriptions.Item label={t("alloc.updated")}>
              {formatDateTime(data.updatedAt)}
              {data.updatedBy ? ` · ${data.updatedBy}` : ""}
            </Descriptions.Item>
            {data.scenarioOf !== null && (
              <Descriptions.Item label={t("alloc.scenarioOf")}>
                <Link to={`/allocations/${data.scenarioOf}`}>
                  {base?.name ?? `#${data.scenarioOf}`}
                </Link>
              </Descriptions.Item>
            )}
          </Descriptions>
          {data.comment && (
            <Alert
              type={data.status === "returned" ? "warning" : "info"}
              showIcon
              title={t("alloc.comment", { comment: data.comment })}
              style={{ marginBottom: 12 }}
              data-testid="allocation-comment"
            />
          )}
          <AllocationActions plan={data} onChanged={plan.reload} />
          {data.problems.length > 0 && (
            <Alert
              type="error"
              showIcon
              title={t("alloc.problems")}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {data.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              }
              style={{ marginBottom: 16 }}
              data-testid="allocation-problems"
            />
          )}
          <AllocationTotals model={modelOf(data)} result={data.result} />
          <AllocationParameters plan={data} onSaved={plan.reload} />
          {data.result && <AllocationResults plan={data} result={data.result} />}
          <AllocationScenarios plan={data} />
        </>
      )}
    </Card>
  );
}
