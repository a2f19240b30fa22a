/** The one error banner of the app: nothing when there is no message. */
import { Alert } from "antd";
import type { CSSProperties } from "react";

interface ErrorAlertProps {
  message: string | null | undefined;
  style?: CSSProperties;
  "data-testid"?: string;
}

export function ErrorAlert({ message, style = { marginBottom: 16 }, ...rest }: ErrorAlertProps) {
  if (!message) return null;
  return <Alert type="error" showIcon title={message} style={style} {...rest} />;
}
