/** Import a data file: upload with progress, then every problem or a preview, then confirm. */
import { InboxOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Modal,
  Progress,
  Space,
  Statistic,
  Steps,
  Table,
  Tag,
  Upload,
} from "antd";
import { useState } from "react";
import type {
  DatasetInfoT,
  ImportIssueT,
  ImportPreviewT,
} from "../../../../src/shared/data-schemas.ts";
import { ApiError } from "../../api/client.ts";
import { dataApi } from "../../api/data-endpoints.ts";
import { errorMessage } from "../../api/error-message.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";

type Stage =
  | { kind: "choose" }
  | { kind: "uploading"; percent: number; fileName: string }
  | { kind: "invalid"; fileName: string; issues: ImportIssueT[]; total: number }
  | { kind: "failed"; message: string }
  | { kind: "preview"; preview: ImportPreviewT }
  | { kind: "committing"; preview: ImportPreviewT };

export interface ImportDialogProps {
  open: boolean;
  dataset: DatasetInfoT;
  region: { code: string; name: string };
  year: number;
  onClose: () => void;
  onImported: () => void;
}

export function ImportDialog({
  open,
  dataset,
  region,
  year,
  onClose,
  onImported,
}: ImportDialogProps) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [stage, setStage] = useState<Stage>({ kind: "choose" });
  const headerOf = (key: string) => {
    const column = dataset.columns.find((c) => c.key === key);
    if (!column) return key;
    return locale === "zh-CN" ? column.zh : column.en;
  };
  /** Enum codes as labels; other values as the server shows them. */
  const labelOfValue = (key: string, value: string | null) => {
    const column = dataset.columns.find((c) => c.key === key);
    if (value === null || !column || column.type !== "enum") return value ?? "—";
    return value
      .split(",")
      .map((code) => {
        const option = column.options.find((o) => o.code === code);
        return option ? (locale === "zh-CN" ? option.zh : option.en) : code;
      })
      .join(locale === "zh-CN" ? "、" : ", ");
  };

  const close = () => {
    setStage({ kind: "choose" });
    onClose();
  };

  const upload = async (file: File) => {
    setStage({ kind: "uploading", percent: 0, fileName: file.name });
    try {
      const preview = await dataApi.upload(
        dataset.name,
        { file, regionCode: region.code, year },
        (percent) => setStage({ kind: "uploading", percent, fileName: file.name }),
      );
      setStage({ kind: "preview", preview });
    } catch (reason) {
      if (reason instanceof ApiError && reason.code === "import.invalid") {
        const details = reason.details as { issues?: ImportIssueT[]; total?: number } | undefined;
        const issues = details?.issues ?? [];
        // The server lists the first 1,000 problems and counts them all.
        setStage({
          kind: "invalid",
          fileName: file.name,
          issues,
          total: details?.total ?? issues.length,
        });
      } else setStage({ kind: "failed", message: errorMessage(reason, t) });
    }
  };

  const commit = async (preview: ImportPreviewT) => {
    setStage({ kind: "committing", preview });
    try {
      const done = await dataApi.commit(preview.importId);
      message.success(t("data.imported", { added: done.added, changed: done.changed }));
      onImported();
      close();
    } catch (reason) {
      if (reason instanceof ApiError && reason.code === "import.stale") {
        message.warning(reason.message);
        setStage({ kind: "choose" });
      } else setStage({ kind: "failed", message: errorMessage(reason, t) });
    }
  };

  const step =
    stage.kind === "choose" || stage.kind === "uploading" ? 0 : stage.kind === "committing" ? 2 : 1;

  return (
    <Modal
      open={open}
      title={t("data.importTitle", { dataset: locale === "zh-CN" ? dataset.zh : dataset.en })}
      onCancel={close}
      width={960}
      footer={null}
      destroyOnHidden
    >
      <div data-testid="import-dialog">
        <Steps
          size="small"
          current={step}
          style={{ marginBottom: 16 }}
          items={[
            { title: t("data.stepUpload") },
            { title: t("data.stepCheck") },
            { title: t("data.stepConfirm") },
          ]}
        />
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t("data.importScope", { region: region.name, year })}
        />
        {(stage.kind === "choose" || stage.kind === "failed") && (
          <>
            {stage.kind === "failed" && (
              <Alert type="error" showIcon style={{ marginBottom: 16 }} title={stage.message} />
            )}
            <Upload.Dragger
              accept=".xlsx"
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
              data-testid="import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t("data.dropFile")}</p>
              <p className="ant-upload-hint">{t("data.dropHint")}</p>
            </Upload.Dragger>
          </>
        )}
        {stage.kind === "uploading" && (
          <Space orientation="vertical" style={{ width: "100%" }}>
            <span>{stage.fileName}</span>
            <Progress percent={stage.percent} status="active" />
          </Space>
        )}
        {stage.kind === "invalid" && (
          <Space orientation="vertical" style={{ width: "100%" }}>
            <Alert
              type="error"
              showIcon
              title={t("data.invalidTitle", {
                file: stage.fileName,
                count: stage.total.toLocaleString("en-US"),
              })}
              {...(stage.total > stage.issues.length && {
                description: (
                  <span data-testid="import-issues-truncated">
                    {t("data.issuesTruncated", {
                      total: stage.total.toLocaleString("en-US"),
                      shown: stage.issues.length.toLocaleString("en-US"),
                    })}
                  </span>
                ),
              })}
            />
            <Table<ImportIssueT>
              data-testid="import-issues"
              size="small"
              rowKey={(_, i) => String(i)}
              dataSource={stage.issues}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              scroll={{ x: true }}
              columns={[
                { title: t("data.issueSheet"), dataIndex: "sheet", width: 110 },
                { title: t("data.issueRow"), dataIndex: "row", width: 60 },
                { title: t("data.issueColumn"), dataIndex: "column", width: 60 },
                { title: t("data.issueField"), dataIndex: "field", width: 140 },
                { title: t("data.issueValue"), dataIndex: "value", width: 120 },
                {
                  title: t("data.issueProblem"),
                  key: "problem",
                  render: (_v, issue) => (locale === "zh-CN" ? issue.zh : issue.en),
                },
              ]}
            />
            <Button onClick={() => setStage({ kind: "choose" })}>{t("data.chooseAgain")}</Button>
          </Space>
        )}
        {(stage.kind === "preview" || stage.kind === "committing") && (
          <Space orientation="vertical" style={{ width: "100%" }} data-testid="import-preview">
            <Space size={48}>
              <Statistic title={t("data.added")} value={stage.preview.added} />
              <Statistic title={t("data.changed")} value={stage.preview.changed} />
              <Statistic title={t("data.unchanged")} value={stage.preview.unchanged} />
              <Statistic title={t("data.skipped")} value={stage.preview.skipped.length} />
            </Space>
            {stage.preview.added + stage.preview.changed === 0 && (
              <Alert type="info" showIcon title={t("data.nothingToDo")} />
            )}
            <Table
              size="small"
              rowKey={(c) => `${c.line}`}
              dataSource={stage.preview.changes}
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              columns={[
                { title: t("data.issueRow"), dataIndex: "line", width: 60 },
                {
                  title: t("data.changeKind"),
                  dataIndex: "kind",
                  width: 80,
                  render: (kind: string) =>
                    kind === "added" ? (
                      <Tag color="green">{t("data.kindAdded")}</Tag>
                    ) : (
                      <Tag color="orange">{t("data.kindChanged")}</Tag>
                    ),
                },
                { title: t("data.changeKey"), dataIndex: "key", width: 220 },
                {
                  title: t("data.changeFields"),
                  key: "fields",
                  render: (_v, change) =>
                    change.kind === "added"
                      ? change.fields
                          .filter((f) => f.key !== "region")
                          .map((f) => `${headerOf(f.key)}：${labelOfValue(f.key, f.after)}`)
                          .join("；")
                      : change.fields
                          .map(
                            (f) =>
                              `${headerOf(f.key)}：${labelOfValue(f.key, f.before)} → ${labelOfValue(f.key, f.after)}`,
                          )
                          .join("；"),
                },
              ]}
            />
            <Space>
              <Button
                type="primary"
                data-testid="import-confirm"
                loading={stage.kind === "committing"}
                disabled={stage.preview.added + stage.preview.changed === 0}
                onClick={() => void commit(stage.preview)}
              >
                {t("data.confirm")}
              </Button>
              <Button onClick={() => setStage({ kind: "choose" })}>{t("data.chooseAgain")}</Button>
            </Space>
          </Space>
        )}
      </div>
    </Modal>
  );
}
