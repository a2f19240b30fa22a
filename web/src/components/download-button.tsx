/**
 * The download button of the web app (reports, exports, templates): it spins from the click until
 * the file is saved, says what is happening (生成中 while the server renders, the share received
 * while the bytes arrive), and a failure shows the server's reason instead of saving an error page.
 * Every download goes through `downloadFile` (api/client.ts): one helper, no per-page copies.
 */
import { DownloadOutlined } from "@ant-design/icons";
import { App, Button, type ButtonProps } from "antd";
import { type ReactNode, useState } from "react";
import { type DownloadProgress, downloadFile } from "../api/client.ts";
import { errorMessage } from "../api/error-message.ts";
import { useI18n } from "../i18n/i18n-context.tsx";

export interface DownloadButtonProps extends Omit<ButtonProps, "onClick" | "loading" | "href"> {
  /** The API path of the file. */
  url: string;
  /** The name to save under when the server names none. */
  fallbackName?: string;
  children?: ReactNode;
  /** Called with the saved file's name. */
  onSaved?: (name: string) => void;
}

/** What a busy button says: 生成中… until bytes arrive, then the share received when the size is known. */
function busyText(progress: DownloadProgress | null, t: ReturnType<typeof useI18n>["t"]): string {
  if (!progress || progress.received === 0) return t("download.preparing");
  if (progress.total === null) return t("download.receiving");
  const percent = Math.min(100, Math.floor((progress.received / progress.total) * 100));
  return t("download.received", { percent });
}

export function DownloadButton(props: DownloadButtonProps) {
  const { url, fallbackName, children, onSaved, icon, ...rest } = props;
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const download = async () => {
    if (busy) return;
    setBusy(true);
    setProgress(null);
    try {
      const name = await downloadFile(url, {
        onProgress: setProgress,
        ...(fallbackName === undefined ? {} : { fallbackName }),
      });
      onSaved?.(name);
    } catch (err) {
      void message.error({
        content: t("download.failed", { reason: errorMessage(err, t) }),
        duration: 8,
      });
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };
  return (
    <Button
      icon={icon ?? <DownloadOutlined />}
      loading={busy}
      aria-busy={busy}
      data-busy={busy ? "true" : "false"}
      onClick={() => void download()}
      {...rest}
    >
      {busy ? busyText(progress, t) : children}
    </Button>
  );
}
