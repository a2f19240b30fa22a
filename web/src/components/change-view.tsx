/** Before and after of an audited change side by side, with the changed fields highlighted. */
import { Typography } from "antd";
import type { CSSProperties } from "react";

interface ChangeViewProps {
  before: unknown;
  after: unknown;
  labels: { before: string; after: string; empty: string };
}

interface Line {
  text: string;
  changed: boolean;
}

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** One line per top-level field, so the two sides line up; anything else is pretty-printed. */
function linesOf(value: unknown, other: unknown, keys: string[], empty: string): Line[] {
  if (value === null || value === undefined) return [{ text: empty, changed: false }];
  if (!isPlain(value)) {
    return JSON.stringify(value, null, 2)
      .split("\n")
      .map((text) => ({ text, changed: false }));
  }
  const peer = isPlain(other) ? other : {};
  return keys
    .filter((key) => key in value)
    .map((key) => ({
      text: `${key}: ${JSON.stringify(value[key])}`,
      changed: JSON.stringify(value[key]) !== JSON.stringify(peer[key]),
    }));
}

const preStyle: CSSProperties = {
  margin: "8px 0 0",
  padding: "8px 0",
  background: "#f6f8fa",
  border: "1px solid #eaecef",
  borderRadius: 6,
  fontSize: 12,
  lineHeight: "20px",
  maxHeight: 360,
  overflow: "auto",
  whiteSpace: "pre-wrap",
  wordBreak: "break-all",
};

function Side({ label, lines, tint }: { label: string; lines: Line[]; tint: string }) {
  return (
    <div style={{ flex: 1, minWidth: 0 }}>
      <Typography.Text strong>{label}</Typography.Text>
      <pre style={preStyle}>
        {lines.map((line, i) => (
          <div
            // Lines have no identity of their own; their order is fixed.
            // biome-ignore lint/suspicious/noArrayIndexKey: static list
            key={i}
            style={{ padding: "0 12px", background: line.changed ? tint : undefined }}
          >
            {line.text}
          </div>
        ))}
      </pre>
    </div>
  );
}

export function ChangeView({ before, after, labels }: ChangeViewProps) {
  const keys = [
    ...new Set([
      ...(isPlain(before) ? Object.keys(before) : []),
      ...(isPlain(after) ? Object.keys(after) : []),
    ]),
  ];
  const compare = isPlain(before) && isPlain(after);
  const mark = (lines: Line[]) => (compare ? lines : lines.map((l) => ({ ...l, changed: false })));
  return (
    <div style={{ display: "flex", gap: 16, alignItems: "flex-start" }} data-testid="audit-change">
      <Side
        label={labels.before}
        lines={mark(linesOf(before, after, keys, labels.empty))}
        tint="#fff1f0"
      />
      <Side
        label={labels.after}
        lines={mark(linesOf(after, before, keys, labels.empty))}
        tint="#f6ffed"
      />
    </div>
  );
}
