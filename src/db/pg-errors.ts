/** Recognises PostgreSQL errors by SQLSTATE and constraint, as node-postgres and PGlite both report them. */

export interface PgErrorFields {
  code: string;
  constraint: string | undefined;
}

/** The SQLSTATE and constraint of a database error, looked for through drizzle's `cause` wrappers. */
export function pgErrorOf(err: unknown): PgErrorFields | null {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const fields = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof fields.code === "string" && /^[0-9A-Z]{5}$/.test(fields.code)) {
      return {
        code: fields.code,
        constraint: typeof fields.constraint === "string" ? fields.constraint : undefined,
      };
    }
    current = fields.cause;
  }
  return null;
}

/** Whether the error is a unique violation (23505), of the named constraint or index if given. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const fields = pgErrorOf(err);
  return fields?.code === "23505" && (constraint === undefined || fields.constraint === constraint);
}
