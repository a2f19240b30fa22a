/**
 * A sheet's reports: choose the template (评价报告, 自评表, 评分表), preview it, download it as
 * Word, PDF or Excel, and rewrite its generated paragraphs before export (kept and marked 已修改).
 */
import { Button, Card, Input, Modal, Segmented, Space, Tag, Typography } from "antd";
import { useCallback, useState } from "react";
import type { NarrativeT, SheetTemplateT } from "../../../../src/shared/report-schemas.ts";
import { errorMessage } from "../../api/error-message.ts";
import { previewUrl, reportApi, reportUrl } from "../../api/report-endpoints.ts";
import { useRemote } from "../../api/use-remote.ts";
import { DownloadButton } from "../../components/download-button.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { formatDateTime } from "../../format/date-time.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";

const TEMPLATES: SheetTemplateT[] = ["evaluation-report", "self-evaluation-form", "score-table"];
const FORMATS = ["docx", "pdf", "xlsx"] as const;

function NarrativeEditor(props: {
  sheetId: number;
  template: SheetTemplateT;
  item: NarrativeT;
  canEdit: boolean;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { item } = props;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(item.text);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (value: string | null) => {
    setBusy(true);
    setError(null);
    try {
      await reportApi.saveNarrative(props.sheetId, props.template, item.key, value);
      setEditing(false);
      props.onSaved();
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    // The report is a Chinese document: its sections and text stay Chinese in every locale.
    <div data-testid={`narrative-${item.key}`} lang="zh-CN" style={{ marginBottom: 12 }}>
      <Space size="small" wrap>
        <Typography.Text strong>{item.section}</Typography.Text>
        {item.edited && (
          <Tag color="blue">
            {t("report.edited", {
              who: item.editedBy ?? "—",
              when: item.editedAt ? formatDateTime(item.editedAt) : "",
            })}
          </Tag>
        )}
        {item.stale && <Tag color="warning">{t("report.stale")}</Tag>}
      </Space>
      {editing ? (
        <div>
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 10 }}
            maxLength={4000}
            data-testid={`narrative-input-${item.key}`}
          />
          <Space style={{ marginTop: 4 }}>
            <Button
              type="primary"
              size="small"
              loading={busy}
              onClick={() => void save(text)}
              data-testid={`narrative-save-${item.key}`}
            >
              {t("common.save")}
            </Button>
            <Button size="small" onClick={() => setEditing(false)}>
              {t("common.cancel")}
            </Button>
          </Space>
        </div>
      ) : (
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 4 }}>
          {item.text}
        </Typography.Paragraph>
      )}
      {item.stale && !editing && (
        <Typography.Paragraph type="secondary" style={{ whiteSpace: "pre-wrap" }}>
          {t("report.generatedNow")}
          {item.generated}
        </Typography.Paragraph>
      )}
      {props.canEdit && !editing && (
        <Space size="small">
          <Button
            size="small"
            type="link"
            onClick={() => {
              setText(item.text);
              setEditing(true);
            }}
            data-testid={`narrative-edit-${item.key}`}
          >
            {t("report.rewrite")}
          </Button>
          {item.edited && (
            <Button size="small" type="link" loading={busy} onClick={() => void save(null)}>
              {t("report.restore")}
            </Button>
          )}
        </Space>
      )}
      <ErrorAlert message={error} />
    </div>
  );
}

export function ReportPanel(props: { sheetId: number; canEdit: boolean }) {
  const { t } = useI18n();
  const [template, setTemplate] = useState<SheetTemplateT>("evaluation-report");
  const [preview, setPreview] = useState(false);
  const load = useCallback(
    () => reportApi.narratives(props.sheetId, template),
    [props.sheetId, template],
  );
  const narratives = useRemote(load);
  return (
    <Card title={t("report.title")} data-testid="report-panel" style={{ marginTop: 16 }}>
      <Space direction="vertical" style={{ width: "100%" }}>
        <Segmented
          value={template}
          onChange={(v) => setTemplate(v as SheetTemplateT)}
          options={TEMPLATES.map((value) => ({ value, label: t(`report.template.${value}`) }))}
          data-testid="report-template"
        />
        <Space wrap>
          <Button onClick={() => setPreview(true)} data-testid="report-preview">
            {t("report.preview")}
          </Button>
          {FORMATS.map((format) => (
            <DownloadButton
              key={format}
              url={reportUrl(props.sheetId, template, format)}
              fallbackName={`report.${format}`}
              data-testid={`report-${template}-${format}`}
            >
              {t(`report.download.${format}`)}
            </DownloadButton>
          ))}
        </Space>
        <ErrorAlert
          message={narratives.error === undefined ? null : errorMessage(narratives.error, t)}
        />
        {(narratives.data?.items.length ?? 0) > 0 && (
          <Typography.Text type="secondary">{t("report.narrativesHint")}</Typography.Text>
        )}
        {narratives.data?.items.map((item) => (
          <NarrativeEditor
            key={`${template}-${item.key}-${item.text}`}
            sheetId={props.sheetId}
            template={template}
            item={item}
            canEdit={props.canEdit}
            onSaved={narratives.reload}
          />
        ))}
      </Space>
      <Modal
        open={preview}
        onCancel={() => setPreview(false)}
        footer={null}
        width="90vw"
        title={t(`report.template.${template}`)}
        destroyOnHidden
      >
        <iframe
          title={t("report.preview")}
          src={previewUrl(props.sheetId, template)}
          style={{ width: "100%", height: "75vh", border: "1px solid #ddd", background: "#fff" }}
          data-testid="report-preview-frame"
          sandbox=""
        />
      </Modal>
    </Card>
  );
}
