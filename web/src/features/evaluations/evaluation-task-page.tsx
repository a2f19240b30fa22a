/** One evaluation task: its sheets by region with status, total, grade and rank. */
import { Alert, Button, Card, Descriptions, Select, Space, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useCallback, useState } from "react";
import { Link, useParams } from "react-router";
import type { RollUpT, TaskDetailT } from "../../../../src/shared/evaluation-schemas.ts";
import { errorMessage } from "../../api/error-message.ts";
import { evaluationApi } from "../../api/evaluation-endpoints.ts";
import { useRemote } from "../../api/use-remote.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { gradeText } from "../../format/grade.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { ReportJobsCard } from "../reports/report-jobs-card.tsx";
import { SurveyTaskLink } from "../surveys/survey-task-link.tsx";
import type { EvaluationType } from "./evaluation-list-page.tsx";
import { CancelTaskDialog, EditTaskDialog, ExtendTaskDialog } from "./evaluation-task-dialogs.tsx";

type SheetRow = TaskDetailT["sheets"][number];
export const STATUS_COLOR = {
  draft: "default",
  submitted: "processing",
  returned: "warning",
  approved: "success",
} as const;

type Method = RollUpT["method"];
const METHODS: Method[] = ["mean", "funds-weighted", "households-weighted", "own"];

/** 汇总: the launching region's result from its subregions' approved sheets, by a chosen method. */
function RollUpCard({ taskId }: { taskId: number }) {
  const { t } = useI18n();
  const [method, setMethod] = useState<Method>("mean");
  const load = useCallback(() => evaluationApi.rollUp(taskId, method), [taskId, method]);
  const answer = useRemote(load);
  const data = answer.data;
  return (
    <Card
      size="small"
      title={t("eval.rollUp")}
      style={{ marginTop: 16 }}
      data-testid="eval-rollup"
      extra={
        <Select<Method>
          size="small"
          value={method}
          style={{ width: 160 }}
          onChange={setMethod}
          options={METHODS.map((m) => ({ value: m, label: t(`eval.rollUp.${m}`) }))}
          data-testid="eval-rollup-method"
        />
      }
    >
      <ErrorAlert message={answer.error === undefined ? null : errorMessage(answer.error, t)} />
      {data && !answer.error && (
        <Space orientation="vertical" size={4}>
          <Typography.Text strong data-testid="eval-rollup-score">
            {t("eval.rollUp.result", {
              region: data.region.name,
              score: data.score,
              grade: gradeText(data.grade, t),
            })}
          </Typography.Text>
          <Typography.Text type="secondary">{data.reason}</Typography.Text>
          {data.notApproved.length > 0 && (
            <Typography.Text type="warning">
              {t("eval.rollUp.pending", { names: data.notApproved.join("、") })}
            </Typography.Text>
          )}
        </Space>
      )}
    </Card>
  );
}

type Dialog = "edit" | "extend" | "cancel" | null;

export function EvaluationTaskPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const load = useCallback(() => evaluationApi.task(id), [id]);
  const task = useRemote(load);
  const data = task.data;
  const [dialog, setDialog] = useState<Dialog>(null);
  const can = (a: TaskDetailT["actions"][number]) => data?.actions.includes(a) ?? false;
  // Deadlines are calendar days in China; the browser's date is close enough to flag a late sheet.
  const late = data?.deadline ? data.deadline < dayjs().format("YYYY-MM-DD") : false;
  return (
    <Card title={data?.name ?? t("eval.title")} loading={task.loading && !data}>
      {data && data.actions.length > 0 && (
        <Space wrap size={8} style={{ marginBottom: 16 }}>
          {can("edit") && (
            <Button size="small" onClick={() => setDialog("edit")} data-testid="task-edit">
              {t("evalTask.edit")}
            </Button>
          )}
          {can("extend") && (
            <Button size="small" onClick={() => setDialog("extend")} data-testid="task-extend">
              {t("evalTask.extend")}
            </Button>
          )}
          {can("cancel") && (
            <Button
              size="small"
              danger
              onClick={() => setDialog("cancel")}
              data-testid="task-cancel"
            >
              {t("evalTask.cancel")}
            </Button>
          )}
        </Space>
      )}
      <ErrorAlert message={task.error === undefined ? null : errorMessage(task.error, t)} />
      {data?.status === "cancelled" && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="task-cancelled"
          message={t("evalTask.cancelledNotice", {
            at: data.cancelledAt ? dayjs(data.cancelledAt).format("YYYY-MM-DD") : "—",
            reason: data.cancelReason ?? "—",
          })}
        />
      )}
      {data && (
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t("eval.launcher")}>
            <span data-testid="task-launcher">
              {data.launcher.name
                ? t("evalTask.launcherUnit", {
                    name: data.launcher.name,
                    region: data.launcher.regionName,
                  })
                : data.launcher.regionName}
            </span>
          </Descriptions.Item>
          {data.regionCode !== data.launcher.regionCode && (
            <Descriptions.Item label={t("evalTask.scope")}>{data.regionName}</Descriptions.Item>
          )}
          <Descriptions.Item label={t("evalTask.status")}>
            <Tag color={data.status === "open" ? "processing" : "default"}>
              {t(`evalTask.status.${data.status}`)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t("eval.type")}>
            {t(`eval.type.${data.type as EvaluationType}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t("eval.deadline")}>
            <span data-testid="task-deadline">{data.deadline ?? "—"}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t("eval.framework")} span="filled">
            {data.frameworkName}
          </Descriptions.Item>
          <Descriptions.Item label={t("survey.taskSurvey")} span="filled">
            <SurveyTaskLink
              taskId={id}
              year={data.year}
              survey={data.survey}
              onChanged={task.reload}
            />
          </Descriptions.Item>
        </Descriptions>
      )}
      {data && (
        <Typography.Paragraph type="secondary" data-testid="task-progress">
          {t("evalTask.progress", data.progress)}
        </Typography.Paragraph>
      )}
      <Table<SheetRow>
        size="small"
        rowKey="id"
        dataSource={data?.sheets ?? []}
        pagination={false}
        scroll={{ x: "max-content" }}
        data-testid="eval-sheets"
        onRow={(s) => ({ "data-region": s.regionCode }) as object}
        columns={[
          {
            title: t("eval.region"),
            dataIndex: "regionName",
            render: (name: string, s) => <Link to={`/evaluation-sheets/${s.id}`}>{name}</Link>,
          },
          {
            title: t("eval.status"),
            dataIndex: "status",
            render: (v: SheetRow["status"]) => (
              <>
                <Tag color={STATUS_COLOR[v]}>{t(`eval.status.${v}`)}</Tag>
                {late && (v === "draft" || v === "returned") && (
                  <Tag color="red" data-testid="sheet-overdue">
                    {t("eval.overdue")}
                  </Tag>
                )}
              </>
            ),
          },
          {
            title: t("eval.mode"),
            dataIndex: "mode",
            render: (v: SheetRow["mode"]) => (v ? t(`eval.mode.${v}`) : "—"),
          },
          { title: t("eval.total"), dataIndex: "total", render: (v: string | null) => v ?? "—" },
          {
            title: t("eval.grade"),
            dataIndex: "grade",
            render: (v: string | null) => gradeText(v, t),
          },
          { title: t("eval.rank"), dataIndex: "rank", render: (v: number | null) => v ?? "—" },
          {
            title: t("common.actions"),
            key: "result",
            render: (_: unknown, s) => (
              <Link
                to={`/evaluation-sheets/${s.id}/result`}
                data-testid={`result-link-${s.regionCode}`}
              >
                {t("result.link")}
              </Link>
            ),
          },
        ]}
      />
      {data?.sheets.some((sh) => sh.regionCode !== data.regionCode) &&
        (data.rollUpReady ? (
          <RollUpCard taskId={id} />
        ) : (
          <Card
            size="small"
            title={t("eval.rollUp")}
            style={{ marginTop: 16 }}
            data-testid="eval-rollup"
          >
            <Alert type="info" showIcon message={t("evalTask.rollUpEmpty")} />
          </Card>
        ))}
      {data && <ReportJobsCard taskId={id} />}
      {data && dialog === "edit" && (
        <EditTaskDialog
          task={data}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            task.reload();
          }}
        />
      )}
      {data && dialog === "extend" && (
        <ExtendTaskDialog
          task={data}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            task.reload();
          }}
        />
      )}
      {data && dialog === "cancel" && (
        <CancelTaskDialog
          task={data}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            task.reload();
          }}
        />
      )}
    </Card>
  );
}
