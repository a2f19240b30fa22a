/** Sessions kept for a moment on an embedded database (see SESSION_KEEP_MS). */
import { type DbOrTx, runsOneAtATime } from "../db/index.ts";

/**
 * Sessions read in the last SESSION_KEEP_MS, on an embedded database only. PGlite runs every query
 * on the app's one thread, and the session's three-table read was two thirds of a cached dashboard
 * request there (bench/load: its /api/health with a cookie at a third of the floor without). PGlite
 * is one process by construction, so this process sees every change: each service function that
 * changes users or sessions runs inside `changingSessions` (which forgets before and after), and an
 * entry is used only in the epoch it was read in (a read that overlapped a change is never kept).
 * A PostgreSQL server is shared by several nodes: there every request reads the session.
 */
export const SESSION_KEEP_MS = 2_000;
export interface KeptSession {
  /** The session, its user and the user's region path, as auth-service read them. */
  row: unknown;
  readAt: number;
  epoch: number;
}
const keptSessions = new WeakMap<object, { epoch: number; rows: Map<string, KeptSession> }>();

/** The kept sessions of `db`, or null where every request must read (a shared server). */
export function sessionKeep(db: DbOrTx): { epoch: number; rows: Map<string, KeptSession> } | null {
  if (!runsOneAtATime(db)) return null;
  let keep = keptSessions.get(db);
  if (!keep) {
    keep = { epoch: 0, rows: new Map() };
    keptSessions.set(db, keep);
  }
  return keep;
}

/** Drops every kept session of `db`: call before and after a change to users or sessions. */
export function forgetSessions(db: DbOrTx): void {
  const keep = keptSessions.get(db);
  if (!keep) return;
  keep.epoch += 1;
  keep.rows.clear();
}

/** Runs `change` (which writes users or sessions) with no kept session outliving it. */
export async function changingSessions<T>(db: DbOrTx, change: () => Promise<T>): Promise<T> {
  forgetSessions(db);
  try {
    return await change();
  } finally {
    forgetSessions(db);
  }
}
