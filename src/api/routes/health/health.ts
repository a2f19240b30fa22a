/** Liveness and database reachability: 200 when the database answers `select 1` in time, else 503. */
import { sql } from "drizzle-orm";
import { connectionErrorReason, type Database, DB_RETRY_AFTER_SECONDS } from "../../../db/index.ts";
import { DomainError } from "../../../domain/errors.ts";
import { healthRoute } from "../../../shared/routes/health.ts";
import type { AppDeps } from "../../env.ts";
import { errorResponse } from "../../errors.ts";
import { defineRoute, PUBLIC, type RouteDef } from "../../route-table.ts";

/** A database slower than this to answer `select 1` counts as down for the probe. */
export const HEALTH_TIMEOUT_MS = 2_000;

/**
 * One `select 1` at a time, shared by the probes that arrive while it runs: a load balancer polling
 * a struggling database adds no queue of its own. Resolves with null when up, else the reason.
 */
export function databaseProbe(database: Database, timeoutMs = HEALTH_TIMEOUT_MS) {
  let running: Promise<string | null> | null = null;
  const probe = async (): Promise<string | null> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`no answer to select 1 within ${timeoutMs} ms`), timeoutMs);
    });
    const answer = database.db.execute(sql`select 1`).then(
      () => null,
      (err: unknown) =>
        connectionErrorReason(err) ?? (err instanceof Error ? err.message : String(err)),
    );
    try {
      return await Promise.race([answer, late]);
    } finally {
      clearTimeout(timer);
    }
  };
  return (): Promise<string | null> => {
    running ??= probe().finally(() => {
      running = null;
    });
    return running;
  };
}

export function healthRoutes({ database }: AppDeps): RouteDef[] {
  const check = databaseProbe(database);
  return [
    defineRoute(healthRoute, PUBLIC, async (c) => {
      const reason = await check();
      if (reason === null) return c.json({ status: "ok" as const, db: database.kind }, 200);
      return errorResponse(
        c,
        new DomainError(
          "db.unavailable",
          { seconds: DB_RETRY_AFTER_SECONDS },
          { retryAfterSeconds: DB_RETRY_AFTER_SECONDS, db: database.kind, reason },
        ),
      ) as never;
    }),
  ];
}
