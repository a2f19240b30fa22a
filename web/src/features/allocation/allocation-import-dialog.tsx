/** 导入分配模型: pick a model file (JSON) and the region it allocates for, post it, open the new plan. */
import { Form, Modal } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { allocationApi } from "../../api/allocation-endpoints.ts";
import { useSignedIn } from "../../auth/session-context.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FilePickButton } from "../../components/file-pick-button.tsx";
import { RegionTreeSelect } from "../../components/region-tree-select.tsx";
import { useSaving } from "../../components/use-saving.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";

/** The server takes at most this many characters of file text. */
const MAX_TEXT = 5_000_000;

interface ModelFile {
  fileName: string;
  text: string;
}

export function AllocationImportDialog(props: { onClose: () => void }) {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const navigate = useNavigate();
  const [regionCode, setRegionCode] = useState<string | undefined>(user.regionCode);
  const [file, setFile] = useState<ModelFile | null>(null);
  const { saving, error, setError, run } = useSaving();

  const choose = async (picked: File) => {
    setError(null);
    setFile(null);
    const text = await picked.text();
    if (text.length > MAX_TEXT) {
      setError(t("alloc.importTooLarge"));
      return;
    }
    try {
      JSON.parse(text);
    } catch {
      setError(t("alloc.importNotJson", { file: picked.name }));
      return;
    }
    setFile({ fileName: picked.name, text });
  };

  const submit = async () => {
    if (!regionCode) {
      setError(t("alloc.importRegionRequired"));
      return;
    }
    if (!file) {
      setError(t("alloc.importFileRequired"));
      return;
    }
    await run(async () => {
      const created = await allocationApi.create({ regionCode, ...file });
      props.onClose();
      navigate(`/allocations/${created.id}`);
    });
  };

  return (
    <Modal
      open
      title={t("alloc.import")}
      onCancel={props.onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okText={t("alloc.importOk")}
      okButtonProps={{ id: "allocation-import-ok" }}
      width={560}
    >
      <ErrorAlert message={error} data-testid="allocation-import-error" />
      <Form layout="vertical">
        <Form.Item label={t("alloc.importRegion")} required extra={t("alloc.importRegionHint")}>
          <RegionTreeSelect
            value={regionCode}
            onChange={setRegionCode}
            initialLabel={user.regionName}
            data-testid="allocation-import-region"
          />
        </Form.Item>
        <Form.Item label={t("alloc.importFile")} required extra={t("alloc.importFileHint")}>
          <FilePickButton
            accept=".json,application/json"
            onPick={choose}
            onRemove={() => setFile(null)}
            data-testid="allocation-import-file"
          >
            {t("alloc.importChoose")}
          </FilePickButton>
        </Form.Item>
      </Form>
    </Modal>
  );
}
