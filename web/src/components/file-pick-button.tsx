/**
 * A button that picks one file and hands it over instead of letting antd upload it. With `onRemove`
 * the picked file stays listed (and removable) under the button; without, nothing is listed.
 */
import { UploadOutlined } from "@ant-design/icons";
import { Button, Upload } from "antd";
import type { ReactNode } from "react";

interface FilePickButtonProps {
  accept: string;
  onPick: (file: File) => Promise<unknown> | undefined;
  onRemove?: () => void;
  loading?: boolean;
  "data-testid"?: string;
  children: ReactNode;
}

export function FilePickButton(props: FilePickButtonProps) {
  const button = (
    <Button icon={<UploadOutlined />} loading={props.loading} data-testid={props["data-testid"]}>
      {props.children}
    </Button>
  );
  if (props.onRemove === undefined) {
    return (
      <Upload
        accept={props.accept}
        showUploadList={false}
        beforeUpload={(file) => {
          void props.onPick(file);
          return false;
        }}
      >
        {button}
      </Upload>
    );
  }
  return (
    <Upload
      accept={props.accept}
      maxCount={1}
      beforeUpload={async (file) => {
        // Awaited so that the file has been read (and checked) before antd lists it.
        await props.onPick(file);
        return false;
      }}
      onRemove={props.onRemove}
    >
      {button}
    </Upload>
  );
}
