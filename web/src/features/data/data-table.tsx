/** The rows of one data set, with exact numbers and in-place correction of non-key cells. */
import { Input, Select, Table, type TableColumnsType, Typography } from "antd";
import { type ReactNode, useEffect, useState } from "react";
import type {
  DataRowT,
  DatasetColumnT,
  DatasetInfoT,
} from "../../../../src/shared/data-schemas.ts";
import { ApiError } from "../../api/client.ts";
import { dataApi } from "../../api/data-endpoints.ts";
import { errorMessage } from "../../api/error-message.ts";
import { groupDigits } from "../../format/decimal-text.ts";
import { unitText, withUnit } from "../../format/unit.ts";
import { useI18n } from "../../i18n/i18n-context.tsx";

interface Editing {
  rowId: number;
  key: string;
  text: string;
  error: string | null;
  saving: boolean;
}

export interface DataTableProps {
  dataset: DatasetInfoT;
  rows: DataRowT[];
  total: number;
  loading: boolean;
  canWrite: boolean;
  pagination: (total: number) => object;
  onSaved: (row: DataRowT) => void;
  /** A row to highlight and scroll to (a finding's link: `?row=`). */
  highlightRow?: number | undefined;
  /** What an empty table says (what to do next); antd's 暂无数据 when not given. */
  empty?: ReactNode;
}

function editable(column: DatasetColumnT): boolean {
  return !column.inKey && column.type !== "programme" && column.type !== "region";
}

export function DataTable(props: DataTableProps) {
  const { dataset, rows, total, loading, canWrite, pagination, onSaved } = props;
  const { t, locale } = useI18n();
  const [editing, setEditing] = useState<Editing | null>(null);
  const { highlightRow } = props;
  const shown = rows.some((r) => r.id === highlightRow);
  useEffect(() => {
    if (highlightRow === undefined || !shown) return;
    document
      .querySelector(`[data-row-key="${highlightRow}"]`)
      ?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [highlightRow, shown]);

  const label = (column: DatasetColumnT, value: string | null) => {
    if (value === null || value === "") return "";
    if (column.type === "enum") {
      return value
        .split(",")
        .map((code) => {
          const option = column.options.find((o) => o.code === code);
          return option ? (locale === "zh-CN" ? option.zh : option.en) : code;
        })
        .join(locale === "zh-CN" ? "、" : ", ");
    }
    if (column.type === "quantity" || column.type === "integer") return groupDigits(value);
    if (column.type === "percent") return value;
    return value;
  };

  const save = async (row: DataRowT, key: string, text: string) => {
    if ((row.values[key] ?? "") === text) {
      setEditing(null);
      return;
    }
    setEditing({ rowId: row.id, key, text, error: null, saving: true });
    try {
      const saved = await dataApi.updateRow(dataset.name, row.id, { [key]: text });
      setEditing(null);
      onSaved(saved);
    } catch (reason) {
      // The cell's own problem, without repeating the field name the user is looking at.
      const issue = (reason instanceof ApiError ? reason.details : undefined) as
        | { issue?: { zh: string; en: string } }
        | undefined;
      const text2 = issue?.issue ? (locale === "zh-CN" ? issue.issue.zh : issue.issue.en) : null;
      setEditing({
        rowId: row.id,
        key,
        text,
        error: text2 ?? errorMessage(reason, t),
        saving: false,
      });
    }
  };

  const editor = (row: DataRowT, column: DatasetColumnT, state: Editing) => {
    if (column.type === "enum") {
      const value = state.text === "" ? [] : state.text.split(",");
      return (
        <Select
          autoFocus
          size="small"
          style={{ minWidth: 140 }}
          mode={column.multi ? "multiple" : undefined}
          value={column.multi ? value : (value[0] ?? undefined)}
          options={column.options.map((o) => ({
            value: o.code,
            label: locale === "zh-CN" ? o.zh : o.en,
          }))}
          onChange={(next: string | string[]) => {
            const text = Array.isArray(next) ? next.join(",") : next;
            if (column.multi) setEditing({ ...state, text });
            else void save(row, column.key, text);
          }}
          onBlur={() => void save(row, column.key, state.text)}
          data-testid="data-cell-editor"
        />
      );
    }
    return (
      <Input
        autoFocus
        size="small"
        value={state.text}
        disabled={state.saving}
        status={state.error ? "error" : undefined}
        onChange={(event) => setEditing({ ...state, text: event.target.value, error: null })}
        onPressEnter={() => void save(row, column.key, state.text)}
        onBlur={() => void save(row, column.key, state.text)}
        onKeyDown={(event) => {
          if (event.key === "Escape") setEditing(null);
        }}
        data-testid="data-cell-editor"
      />
    );
  };

  const columns: TableColumnsType<DataRowT> = [
    {
      key: "region",
      title: t("data.region"),
      dataIndex: "regionName",
      fixed: "left",
      width: 110,
    },
    ...dataset.columns
      .filter((c) => c.type !== "region")
      .map((column) => ({
        key: column.key,
        title: withUnit(locale === "zh-CN" ? column.zh : column.en, column.unit, locale),
        width: column.type === "text" ? 200 : 130,
        align: (["quantity", "integer", "percent", "year"].includes(column.type)
          ? "right"
          : "left") as "right" | "left",
        ellipsis: column.type === "text",
        render: (_v: unknown, row: DataRowT) => {
          const value = row.values[column.key] ?? null;
          const here = editing?.rowId === row.id && editing.key === column.key;
          if (here && editing) {
            return (
              <div>
                {editor(row, column, editing)}
                {editing.error && (
                  <Typography.Text
                    type="danger"
                    style={{ fontSize: 12 }}
                    data-testid="data-cell-error"
                  >
                    {editing.error}
                  </Typography.Text>
                )}
              </div>
            );
          }
          // A unit typed in the data (个, 户) reads in words in English.
          const shown =
            column.key === "unit" ? unitText(label(column, value), locale) : label(column, value);
          if (!canWrite || !editable(column)) return shown;
          return (
            <button
              type="button"
              className="data-cell"
              title={t("data.clickToEdit")}
              data-testid={`cell-${column.key}`}
              onClick={() =>
                setEditing({
                  rowId: row.id,
                  key: column.key,
                  text: value ?? "",
                  error: null,
                  saving: false,
                })
              }
            >
              {shown === "" ? "\u00a0" : shown}
            </button>
          );
        },
      })),
  ];

  return (
    <Table<DataRowT>
      data-testid="data-table"
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={rows}
      locale={props.empty === undefined ? undefined : { emptyText: props.empty }}
      rowClassName={(r) => (r.id === highlightRow ? "data-row-highlight" : "")}
      onRow={(r) => (r.id === highlightRow ? ({ "data-highlighted": "true" } as object) : {})}
      columns={columns}
      pagination={pagination(total)}
      scroll={{ x: "max-content" }}
    />
  );
}
