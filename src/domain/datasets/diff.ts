/** Compares rows read from a file with the rows stored: new, changed (which fields), unchanged. */
import { Decimal } from "../decimal.ts";
import type {
  ColumnSpec,
  DatasetSpec,
  FieldChange,
  ParsedRow,
  RowDiff,
  StoredRow,
} from "./types.ts";

/** A row's identity: its natural key's canonical values, joined. */
export function naturalKeyOf(spec: DatasetSpec, values: Record<string, string | null>): string {
  return spec.naturalKey.map((k) => values[k] ?? "").join("\u0001");
}

function same(column: ColumnSpec, a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  switch (column.kind.type) {
    case "quantity":
    case "percent":
    case "integer":
    case "year":
      return new Decimal(a).equals(b);
    default:
      return a === b;
  }
}

/** Stored rows by natural key, for `diffInto`. */
export function indexStored(
  spec: DatasetSpec,
  stored: readonly StoredRow[],
): Map<string, StoredRow> {
  return new Map(stored.map((s) => [naturalKeyOf(spec, s.values), s]));
}

/** Sorts `incoming` rows into `diff` against the indexed stored rows (a slice at a time if need be). */
export function diffInto(
  spec: DatasetSpec,
  incoming: readonly ParsedRow[],
  byKey: ReadonlyMap<string, StoredRow>,
  diff: RowDiff,
): void {
  for (const row of incoming) {
    const existing = byKey.get(naturalKeyOf(spec, row.values));
    if (!existing) {
      diff.added.push(row);
      continue;
    }
    const changes: FieldChange[] = [];
    for (const column of spec.columns) {
      const before = existing.values[column.key] ?? null;
      const after = row.values[column.key] ?? null;
      if (!same(column, before, after)) changes.push({ key: column.key, before, after });
    }
    if (changes.length === 0) diff.unchanged.push(row);
    else diff.changed.push({ row, id: existing.id, changes });
  }
}

/** Rows of `stored` that the file does not mention are left alone: an import never deletes. */
export function diffRows(
  spec: DatasetSpec,
  incoming: readonly ParsedRow[],
  stored: readonly StoredRow[],
): RowDiff {
  const diff: RowDiff = { added: [], changed: [], unchanged: [] };
  diffInto(spec, incoming, indexStored(spec, stored), diff);
  return diff;
}
