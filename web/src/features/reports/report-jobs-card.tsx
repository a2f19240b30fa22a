/**
 * The task's report, generated in the background: start it in a format, watch its place in the
 * queue and its progress (the list is the server's, so a reload or another tab finds the job
 * again), download it when done.
 */
import { Button, Card, List, Progress, Select, Space, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import type { ReportFormatT, ReportJobT } from "../../../../src/shared/report-schemas.ts";
import { errorMessage } from "../../api/error-message.ts";
import { jobFileUrl, reportApi } from "../../api/report-endpoints.ts";
import { useRemote } from "../../api/use-remote.ts";
import { DownloadButton } from "../../components/download-button.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { formatDateTime } from "../../format/date-time.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";
import { queueText } from "./report-job-queue.ts";

const STATUS_COLOR: Record<ReportJobT["status"], string> = {
  queued: "default",
  running: "processing",
  done: "success",
  failed: "error",
};

export function ReportJobsCard(props: { taskId: number }) {
  const { t } = useI18n();
  const [format, setFormat] = useState<ReportFormatT>("docx");
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => reportApi.jobs(), []);
  const jobs = useRemote(load);
  const mine = (jobs.data?.items ?? []).filter(
    (j) => j.subject === "task" && j.params.taskId === props.taskId,
  );
  const running = mine.some((j) => j.status === "queued" || j.status === "running");
  const { reload } = jobs;
  // Poll while a job runs; stop when all are finished.
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(reload, 1000);
    return () => clearInterval(timer);
  }, [running, reload]);
  const [starting, setStarting] = useState(false);
  const start = async () => {
    setError(null);
    setStarting(true);
    try {
      await reportApi.startTaskReport(props.taskId, format);
      reload();
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setStarting(false);
    }
  };
  return (
    <Card title={t("jobs.title")} data-testid="report-jobs" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t("jobs.hint")}</Typography.Paragraph>
      <Space>
        <Select<ReportFormatT>
          value={format}
          onChange={setFormat}
          style={{ width: 110 }}
          options={(["docx", "pdf", "xlsx"] as const).map((value) => ({
            value,
            label: t(`report.download.${value}`),
          }))}
          data-testid="report-jobs-format"
        />
        <Button
          type="primary"
          loading={starting}
          onClick={() => void start()}
          data-testid="report-jobs-start"
        >
          {t("jobs.start")}
        </Button>
      </Space>
      <ErrorAlert message={error} />
      <List<ReportJobT>
        size="small"
        style={{ marginTop: 12 }}
        dataSource={mine}
        locale={{ emptyText: t("jobs.empty") }}
        renderItem={(job) => (
          <List.Item data-testid={`report-job-${job.id}`} data-status={job.status}>
            <Space direction="vertical" size={2} style={{ width: "100%" }}>
              <Space wrap>
                <Tag color={STATUS_COLOR[job.status]}>{t(`jobs.status.${job.status}`)}</Tag>
                <Typography.Text>{job.title}</Typography.Text>
                <Tag>{job.format}</Tag>
                <Typography.Text type="secondary">{formatDateTime(job.createdAt)}</Typography.Text>
                {job.status === "done" && (
                  <DownloadButton
                    size="small"
                    type="link"
                    url={jobFileUrl(job.id)}
                    fallbackName={`report.${job.format}`}
                    data-testid={`report-job-file-${job.id}`}
                  >
                    {t("jobs.download")}
                  </DownloadButton>
                )}
              </Space>
              {job.status === "queued" && (
                <Typography.Text type="secondary" data-testid={`report-job-queue-${job.id}`}>
                  {queueText(job, t)}
                </Typography.Text>
              )}
              {job.status === "running" && (
                <Space>
                  <Progress
                    percent={job.total > 0 ? Math.floor((job.done / job.total) * 100) : 0}
                    size="small"
                    style={{ width: 240 }}
                  />
                  <Typography.Text type="secondary">{job.stage}</Typography.Text>
                </Space>
              )}
              {job.status === "failed" && (
                <Typography.Text type="danger">{job.error}</Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
