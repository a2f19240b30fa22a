/**
 * Report paragraphs users rewrite before export: listed with the generated text beside the kept one,
 * saved or reset in one transaction each, audited. A kept text whose generated text has since changed
 * (the figures moved) is flagged, so nobody exports a stale sentence unknowingly.
 */
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/index.ts";
import { reportNarratives, users } from "../../db/schema.ts";
import { DomainError } from "../../domain/errors.ts";
import type { ReportDocument } from "../../domain/reports/index.ts";
import { recordAudit } from "../accounts/audit-service.ts";
import type { ServiceContext } from "../context.ts";
import { actorFor, loadSheet } from "../evaluations/evaluation-service.ts";
import { authorize } from "../policy.ts";
import { type ReportTemplate, sheetReportDocument } from "./report-service.ts";

export interface NarrativeItem {
  key: string;
  /** The heading or row label it stands under. */
  section: string;
  generated: string;
  text: string;
  edited: boolean;
  editedBy: string | null;
  editedAt: string | null;
  /** The generated text differs from the one the user rewrote: the figures have changed since. */
  stale: boolean;
}

/** The keyed paragraphs and table cells of a document, in reading order, with what they stand under. */
export function narrativeSlots(
  doc: ReportDocument,
): { key: string; section: string; text: string }[] {
  const slots: { key: string; section: string; text: string }[] = [];
  let heading = doc.title;
  for (const block of doc.blocks) {
    if (block.kind === "heading") heading = block.text;
    if (block.kind === "paragraph" && block.key) {
      slots.push({ key: block.key, section: heading, text: block.text });
    }
    if (block.kind === "table") {
      for (const row of block.rows) {
        for (const cell of row) {
          if (cell.key)
            slots.push({ key: cell.key, section: row[0]?.text ?? heading, text: cell.text });
        }
      }
    }
  }
  return slots;
}

async function generatedSlots(
  db: DbOrTx,
  ctx: ServiceContext,
  id: number,
  template: ReportTemplate,
) {
  const { doc } = await sheetReportDocument(db, ctx, id, template, { narratives: false });
  return narrativeSlots(doc);
}

type Slot = ReturnType<typeof narrativeSlots>[number];

/** The generated slots beside what users kept of them. */
async function itemsOf(
  db: DbOrTx,
  sheetId: number,
  template: ReportTemplate,
  slots: readonly Slot[],
): Promise<NarrativeItem[]> {
  const kept = await db
    .select({ row: reportNarratives, by: users.displayName })
    .from(reportNarratives)
    .leftJoin(users, eq(users.id, reportNarratives.updatedBy))
    .where(and(eq(reportNarratives.sheetId, sheetId), eq(reportNarratives.template, template)));
  const byKey = new Map(kept.map((k) => [k.row.key, k]));
  return slots.map((slot) => {
    const k = byKey.get(slot.key);
    return {
      key: slot.key,
      section: slot.section,
      generated: slot.text,
      text: k?.row.text ?? slot.text,
      edited: k !== undefined,
      editedBy: k?.by ?? null,
      editedAt: k?.row.updatedAt.toISOString() ?? null,
      stale: k !== undefined && k.row.generated !== slot.text,
    };
  });
}

/** The editable paragraphs of a sheet's report. */
export async function listNarratives(
  db: DbOrTx,
  ctx: ServiceContext,
  sheetId: number,
  template: ReportTemplate,
): Promise<NarrativeItem[]> {
  authorize(ctx, { kind: "permission", permission: "evaluation:read" });
  return itemsOf(db, sheetId, template, await generatedSlots(db, ctx, sheetId, template));
}

/** Keeps a rewritten paragraph (or, with `text: null`, goes back to the generated one). */
export async function saveNarrative(
  db: DbOrTx,
  ctx: ServiceContext,
  sheetId: number,
  input: { template: ReportTemplate; key: string; text: string | null },
): Promise<NarrativeItem[]> {
  authorize(ctx, { kind: "permission", permission: "evaluation:read" });
  // The report is generated once: to find the paragraph, and for the answer.
  const slots = await db.transaction(async (tx) => {
    const loaded = await loadSheet(tx, ctx, sheetId, true);
    const actor = actorFor(ctx, loaded.region.path);
    if (!actor.canFill && !actor.canReview) {
      throw new DomainError("report.narrative_editor", { region: loaded.region.name });
    }
    const generated = await generatedSlots(tx, ctx, sheetId, input.template);
    const slot = generated.find((s) => s.key === input.key);
    if (!slot) {
      throw new DomainError("report.narrative_unknown", {
        template: input.template,
        key: input.key,
      });
    }
    const where = and(
      eq(reportNarratives.sheetId, sheetId),
      eq(reportNarratives.template, input.template),
      eq(reportNarratives.key, input.key),
    );
    const [before] = await tx.select().from(reportNarratives).where(where);
    const text = input.text?.trim() ?? null;
    if (text === null || text === "" || text === slot.text) {
      if (!before) return generated;
      await tx.delete(reportNarratives).where(where);
    } else if (before) {
      await tx
        .update(reportNarratives)
        .set({
          text,
          generated: slot.text,
          updatedBy: ctx.actor?.userId ?? null,
          updatedAt: new Date(),
        })
        .where(where);
    } else {
      await tx.insert(reportNarratives).values({
        sheetId,
        template: input.template,
        key: input.key,
        text,
        generated: slot.text,
        updatedBy: ctx.actor?.userId ?? null,
      });
    }
    await recordAudit(tx, ctx, {
      action: text && text !== slot.text ? "report.narrative.edit" : "report.narrative.reset",
      entity: "evaluation_sheet",
      entityId: sheetId,
      region: loaded.region,
      before: { template: input.template, key: input.key, text: before?.text ?? slot.text },
      after: { template: input.template, key: input.key, text: text || slot.text },
    });
    return generated;
  });
  return itemsOf(db, sheetId, input.template, slots);
}
