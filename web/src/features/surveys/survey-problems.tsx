/** A refused call's message as the server wrote it (or a page's own words): the first line as the title, each problem below. */
import { Alert } from "antd";
import type { CSSProperties } from "react";
import { errorMessage } from "../../api/error-message.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";

export function SurveyProblems(props: {
  error: unknown;
  style?: CSSProperties;
  "data-testid"?: string;
}) {
  const { t } = useI18n();
  if (props.error === undefined || props.error === null) return null;
  const text = typeof props.error === "string" ? props.error : errorMessage(props.error, t);
  const [title, ...lines] = text.split("\n");
  const items = lines.map((l) => l.trim()).filter((l) => l !== "");
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={
        items.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {items.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the lines are fixed for one error
              <li key={i}>{line}</li>
            ))}
          </ul>
        ) : undefined
      }
      style={props.style ?? { marginBottom: 16 }}
      data-testid={props["data-testid"]}
    />
  );
}
