/**
 * The plan's buttons: workflow (submit, return, approve, reopen), exports, the regions' data sheet
 * (download, fill in Excel or WPS, import), copy as a scenario, delete.
 */
import {
  CopyOutlined,
  DeleteOutlined,
  FileExcelOutlined,
  FileTextOutlined,
} from "@ant-design/icons";
import { App, Button, Divider, Input, Modal, Popconfirm, Space } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import type {
  AllocationActionT,
  AllocationPlanDetailT,
} from "../../../../src/shared/allocation-schemas.ts";
import {
  allocationApi,
  allocationDataUrl,
  allocationExportUrl,
  allocationFileUrl,
} from "../../api/allocation-endpoints.ts";
import { errorMessage } from "../../api/error-message.ts";
import { DownloadButton } from "../../components/download-button.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FilePickButton } from "../../components/file-pick-button.tsx";
import { useI18n } from "../../i18n/i18n-context.tsx";

/** Actions that need words from the user: why it goes back, why it is reopened. */
type Asking = Extract<AllocationActionT, "return" | "reopen">;

export function AllocationActions(props: { plan: AllocationPlanDetailT; onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { plan } = props;
  const can = (action: string) => plan.actions.includes(action);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [comment, setComment] = useState("");
  const [copying, setCopying] = useState(false);
  const [copyName, setCopyName] = useState("");

  const run = async (work: () => Promise<unknown>, done: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await work();
      message.success(done);
      return true;
    } catch (err) {
      setError(errorMessage(err, t));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const act = async (action: AllocationActionT, words?: string) => {
    const ok = await run(
      () =>
        allocationApi.act(plan.id, {
          action,
          version: plan.version,
          ...(words ? { comment: words } : {}),
        }),
      t(`alloc.done.${action}`),
    );
    if (ok) props.onChanged();
    return ok;
  };

  const confirmAsking = async () => {
    if (!asking) return;
    const words = comment.trim();
    if (words === "") {
      setError(t(asking === "return" ? "alloc.returnRequired" : "alloc.reopenRequired"));
      return;
    }
    if (await act(asking, words)) setAsking(null);
  };

  const copy = async () => {
    const name = copyName.trim();
    if (name === "") {
      setError(t("alloc.copyNameRequired"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await allocationApi.copy(plan.id, name);
      setCopying(false);
      message.success(t("alloc.copied"));
      navigate(`/allocations/${created.id}`);
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    const ok = await run(() => allocationApi.remove(plan.id), t("alloc.deleted"));
    if (ok) {
      navigate(
        plan.scenarioOf === null
          ? `/allocations?year=${plan.year}`
          : `/allocations/${plan.scenarioOf}`,
      );
    }
  };

  const workflow = (
    <>
      {can("submit") && (
        <Popconfirm
          title={t("alloc.submitConfirm")}
          onConfirm={() => void act("submit")}
          okButtonProps={{ id: "allocation-submit-ok" }}
        >
          <Button type="primary" loading={busy} data-testid="allocation-action-submit">
            {t("alloc.action.submit")}
          </Button>
        </Popconfirm>
      )}
      {can("approve") && (
        <Popconfirm
          title={t("alloc.approveConfirm")}
          onConfirm={() => void act("approve")}
          okButtonProps={{ id: "allocation-approve-ok" }}
        >
          <Button type="primary" loading={busy} data-testid="allocation-action-approve">
            {t("alloc.action.approve")}
          </Button>
        </Popconfirm>
      )}
      {(["return", "reopen"] as const).filter(can).map((action) => (
        <Button
          key={action}
          danger={action === "return"}
          loading={busy}
          onClick={() => {
            setError(null);
            setComment("");
            setAsking(action);
          }}
          data-testid={`allocation-action-${action}`}
        >
          {t(`alloc.action.${action}`)}
        </Button>
      ))}
    </>
  );

  return (
    <div style={{ marginBottom: 16 }}>
      <Space wrap>
        {workflow}
        {(can("submit") || can("approve") || can("return") || can("reopen")) && (
          <Divider orientation="vertical" />
        )}
        <DownloadButton
          icon={<FileExcelOutlined />}
          url={allocationExportUrl(plan.id)}
          fallbackName={`${plan.name}.xlsx`}
          data-testid="allocation-export"
        >
          {t("alloc.exportExcel")}
        </DownloadButton>
        <DownloadButton
          icon={<FileTextOutlined />}
          url={allocationFileUrl(plan.id)}
          fallbackName={`${plan.name}.json`}
          data-testid="allocation-export-model"
        >
          {t("alloc.exportModel")}
        </DownloadButton>
        <DownloadButton
          icon={<FileExcelOutlined />}
          url={allocationDataUrl(plan.id)}
          fallbackName={`${plan.name}.xlsx`}
          data-testid="allocation-data-download"
        >
          {t("alloc.dataDownload")}
        </DownloadButton>
        {can("save") && (
          <FilePickButton
            accept=".xlsx"
            onPick={(file) =>
              run(
                () => allocationApi.importData(plan.id, plan.version, file),
                t("alloc.dataImported"),
              ).then((ok) => ok && props.onChanged())
            }
            loading={busy}
            data-testid="allocation-data-upload"
          >
            {t("alloc.dataUpload")}
          </FilePickButton>
        )}
        {can("copy") && (
          <Button
            icon={<CopyOutlined />}
            onClick={() => {
              setError(null);
              setCopyName(t("alloc.copyDefaultName", { name: plan.name }).slice(0, 200));
              setCopying(true);
            }}
            data-testid="allocation-copy"
          >
            {t("alloc.copy")}
          </Button>
        )}
        {can("delete") && (
          <Popconfirm
            title={t("alloc.deleteConfirm", { name: plan.name })}
            onConfirm={() => void remove()}
            okButtonProps={{ danger: true, id: "allocation-delete-ok" }}
          >
            <Button danger icon={<DeleteOutlined />} loading={busy} data-testid="allocation-delete">
              {t("alloc.delete")}
            </Button>
          </Popconfirm>
        )}
      </Space>
      {!asking && !copying && <ErrorAlert message={error} style={{ marginTop: 12 }} />}
      <Modal
        open={asking !== null}
        title={asking ? t(`alloc.action.${asking}`) : ""}
        onCancel={() => setAsking(null)}
        onOk={() => void confirmAsking()}
        confirmLoading={busy}
        okButtonProps={{ id: "allocation-comment-ok" }}
      >
        <ErrorAlert message={error} />
        <Input.TextArea
          rows={3}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder={t(asking === "reopen" ? "alloc.reopenReason" : "alloc.returnComment")}
          data-testid="allocation-comment-input"
        />
      </Modal>
      <Modal
        open={copying}
        title={t("alloc.copy")}
        onCancel={() => setCopying(false)}
        onOk={() => void copy()}
        confirmLoading={busy}
        okButtonProps={{ id: "allocation-copy-ok" }}
      >
        <ErrorAlert message={error} />
        <p>{t("alloc.copyHint")}</p>
        <Input
          value={copyName}
          maxLength={200}
          onChange={(e) => setCopyName(e.target.value)}
          placeholder={t("alloc.copyName")}
          aria-label={t("alloc.copyName")}
          data-testid="allocation-copy-name"
        />
      </Modal>
    </div>
  );
}
