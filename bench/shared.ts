/** What the benchmarks share: the PostgreSQL server they create scratch databases on, and the median. */
import pg from "pg";

export const SERVER = process.env.JIXIAO_TEST_PG ?? "postgres://postgres@127.0.0.1:5432";

/** Runs one statement on the server's `postgres` database (create or drop a scratch database). */
export async function admin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

/** The middle value (the upper one of an even count). */
export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
