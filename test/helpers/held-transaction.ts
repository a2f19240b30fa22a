/** Loses a race on purpose (PostgreSQL server only): a write held uncommitted until the attempt waits on it. */
import { sql } from "drizzle-orm";
import type { Database, DbOrTx } from "../../src/db/index.ts";

/**
 * Runs `write` in a transaction, starts `attempt`, waits until one of the database's backends is
 * blocked on a lock (the attempt behind the held write), then commits; the attempt's result or error.
 */
export async function afterHeldWrite<T>(
  database: Database,
  write: (tx: DbOrTx) => Promise<unknown>,
  attempt: () => Promise<T>,
): Promise<PromiseSettledResult<T>> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let written = () => {};
  const ready = new Promise<void>((resolve) => {
    written = resolve;
  });
  const holder = database.db.transaction(async (tx) => {
    await write(tx);
    written();
    await released;
  });
  await Promise.race([ready, holder]);
  let settled = false;
  const result = Promise.allSettled([attempt()]).then(([r]) => {
    settled = true;
    return r as PromiseSettledResult<T>;
  });
  try {
    await waitForBlockedBackend(database, () => settled);
  } finally {
    release();
    await holder;
  }
  return result;
}

async function waitForBlockedBackend(database: Database, settled: () => boolean) {
  // An attempt that ends without waiting (refused before its write) needs no release.
  for (let i = 0; i < 400 && !settled(); i++) {
    const { rows } = (await database.db.execute(
      sql`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`,
    )) as unknown as { rows: { n: number }[] };
    if ((rows[0]?.n ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  if (!settled()) throw new Error("the attempt never waited on the held write");
}
