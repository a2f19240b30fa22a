/** 佐证材料 of a sheet: the files (download, remove), an upload to an indicator, and the checklist. */
import { App, Button, Popconfirm, Select, Space, Table, Tag, Typography } from "antd";
import { useCallback, useState } from "react";
import type { EvidenceFileT, EvidenceListT } from "../../../../src/shared/evaluation-schemas.ts";
import { EVIDENCE_MAX_BYTES, EVIDENCE_TYPES } from "../../../../src/shared/evidence.ts";
import { errorMessage } from "../../api/error-message.ts";
import { evaluationApi } from "../../api/evaluation-endpoints.ts";
import { useRemote } from "../../api/use-remote.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FilePickButton } from "../../components/file-pick-button.tsx";
import { formatDateTime } from "../../format/date-time.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";

type CheckItem = EvidenceListT["checklist"][number];

const MB = 1024 * 1024;
const LIMIT_MB = EVIDENCE_MAX_BYTES / MB;
const ACCEPT = EVIDENCE_TYPES.flatMap((type) => type.extensions.map((ext) => `.${ext}`)).join(",");
/** The Select's value for a file that supports the sheet as a whole. */
const WHOLE = "";

/** Whole KB below a megabyte (a few bytes show as 1 KB), MB with one decimal above. */
function fileSize(bytes: number): string {
  return bytes < MB
    ? `${Math.max(1, Math.ceil(bytes / 1024))} KB`
    : `${(bytes / MB).toFixed(1)} MB`;
}

export interface EvidencePanelProps {
  sheetId: number;
  /** Whether files may be added and removed (the sheet's actions include "save"). */
  editable: boolean;
}

export function EvidencePanel({ sheetId, editable }: EvidencePanelProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const load = useCallback(() => evaluationApi.evidence(sheetId), [sheetId]);
  const evidence = useRemote(load);
  const data = evidence.data;
  const [indicator, setIndicator] = useState<string>(WHOLE);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const names = new Map((data?.checklist ?? []).map((c) => [c.code, c.name]));
  const indicatorLabel = (code: string | null) =>
    code === null ? t("evidence.whole") : `${code} ${names.get(code) ?? ""}`.trim();

  const upload = async (file: File) => {
    setError(null);
    // Refused here, before the bytes travel; the server checks again, and checks the type too.
    if (file.size > EVIDENCE_MAX_BYTES) {
      setError(
        t("evidence.tooLarge", {
          file: file.name,
          size: (file.size / MB).toFixed(1),
          limit: LIMIT_MB,
        }),
      );
      return;
    }
    setUploading(true);
    try {
      await evaluationApi.uploadEvidence(sheetId, file, indicator === WHOLE ? null : indicator);
      message.success(t("evidence.uploaded", { file: file.name }));
      evidence.reload();
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setUploading(false);
    }
  };

  const remove = async (file: EvidenceFileT) => {
    setError(null);
    try {
      await evaluationApi.deleteEvidence(file.id);
      message.success(t("evidence.deleted", { file: file.fileName }));
      evidence.reload();
    } catch (err) {
      setError(errorMessage(err, t));
    }
  };

  const missing = data?.missing.length ?? 0;

  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <ErrorAlert
        message={evidence.error === undefined ? null : errorMessage(evidence.error, t)}
        style={{}}
      />
      <ErrorAlert message={error} style={{}} data-testid="evidence-error" />
      {editable && (
        <Space wrap data-testid="evidence-upload">
          <Select
            style={{ width: 300 }}
            value={indicator}
            onChange={setIndicator}
            aria-label={t("evidence.indicator")}
            data-testid="evidence-indicator"
            // Thirteen choices at most: all rendered, none hidden below a virtual scroll.
            virtual={false}
            options={[
              { value: WHOLE, label: t("evidence.whole") },
              ...(data?.checklist ?? []).map((c) => ({
                value: c.code,
                label: `${c.code} ${c.name}`,
              })),
            ]}
          />
          <FilePickButton accept={ACCEPT} onPick={upload} loading={uploading}>
            {t("evidence.upload")}
          </FilePickButton>
          <Typography.Text type="secondary">
            {t("evidence.uploadHint", { limit: LIMIT_MB })}
          </Typography.Text>
        </Space>
      )}
      <Table<EvidenceFileT>
        size="small"
        rowKey="id"
        loading={evidence.loading}
        dataSource={data?.files ?? []}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("evidence.empty") }}
        data-testid="evidence-list"
        columns={[
          {
            title: t("evidence.file"),
            key: "file",
            render: (_v, file) => (
              <a href={evaluationApi.evidenceUrl(file.id)} data-testid={`evidence-file-${file.id}`}>
                {file.fileName}
              </a>
            ),
          },
          {
            title: t("evidence.indicator"),
            key: "indicator",
            render: (_v, file) => indicatorLabel(file.indicatorCode),
          },
          { title: t("evidence.size"), key: "size", render: (_v, file) => fileSize(file.size) },
          {
            title: t("evidence.uploader"),
            key: "uploader",
            render: (_v, file) => file.uploadedBy ?? t("common.none"),
          },
          {
            title: t("evidence.uploadedAt"),
            key: "at",
            render: (_v, file) => formatDateTime(file.uploadedAt),
          },
          ...(editable
            ? [
                {
                  title: t("common.actions"),
                  key: "actions",
                  render: (_v: unknown, file: EvidenceFileT) => (
                    <Popconfirm
                      title={t("evidence.deleteConfirm", { file: file.fileName })}
                      okText={t("common.ok")}
                      cancelText={t("common.cancel")}
                      onConfirm={() => remove(file)}
                    >
                      <Button
                        type="link"
                        size="small"
                        danger
                        data-testid={`evidence-delete-${file.id}`}
                      >
                        {t("evidence.delete")}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Typography.Text strong>
        {t("evidence.checklist")}
        <Typography.Text type={missing > 0 ? "warning" : "success"} style={{ marginLeft: 12 }}>
          {missing > 0
            ? t("evidence.missingCount", { count: missing })
            : data && t("evidence.allCovered")}
        </Typography.Text>
      </Typography.Text>
      <Table<CheckItem>
        size="small"
        rowKey="code"
        dataSource={data?.checklist ?? []}
        pagination={false}
        data-testid="evidence-checklist"
        columns={[
          {
            title: t("evidence.indicator"),
            key: "indicator",
            render: (_v, item) => `${item.code} ${item.name}`,
          },
          {
            title: t("evidence.fileCount"),
            key: "files",
            width: 160,
            render: (_v, item) => (
              <span data-testid={`evidence-count-${item.code}`}>
                {item.files > 0 ? (
                  <Tag color="green">{t("evidence.files", { count: item.files })}</Tag>
                ) : (
                  <Tag color="orange">{t("evidence.missing")}</Tag>
                )}
              </span>
            ),
          },
        ]}
      />
    </Space>
  );
}
