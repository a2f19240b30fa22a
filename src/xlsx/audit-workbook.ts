/** The audit log as an Excel sheet: one row per entry, in words, ids and counts as numbers. */
import ExcelJS from "exceljs";
import { writeWorkbook } from "./office.ts";
import { type TableValue, tableSheet } from "./table-sheet.ts";

/** An entry as the sheet shows it: everything already in the reader's language. */
export interface AuditSheetRow {
  id: number;
  /** Wall-clock time in the zone the header names: "2026-12-03 17:33:53". */
  at: string;
  actor: string;
  ip: string;
  action: string;
  entity: string;
  entityId: string;
  region: string;
  regionCode: string;
  changes: string;
}

export interface AuditWorkbookInput {
  title: string;
  sheetName: string;
  header: string[];
  rows: AuditSheetRow[];
  notes: string[];
}

/** A numeric id as a number, anything else (a username, a route) as text. */
function idCell(text: string): TableValue {
  return /^\d{1,15}$/.test(text) ? { number: text, format: "0" } : text;
}

export async function auditWorkbook(input: AuditWorkbookInput): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Jixiao";
  tableSheet(
    workbook,
    input.sheetName,
    input.title,
    input.header,
    input.rows.map((r) => [
      { number: r.id, format: "0" },
      // Excel's dates have no zone: the cell holds the wall-clock time the header names.
      { date: new Date(`${r.at.replace(" ", "T")}Z`), format: "yyyy-mm-dd hh:mm:ss" },
      r.actor,
      r.ip,
      r.action,
      r.entity,
      idCell(r.entityId),
      r.region,
      r.regionCode,
      r.changes,
    ]),
    [10, 20, 16, 16, 22, 16, 14, 14, 10, 70],
    input.notes,
  );
  return writeWorkbook(workbook);
}
