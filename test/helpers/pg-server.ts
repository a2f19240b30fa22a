import pg from "pg";

/** Where the tests find the PostgreSQL server (trust auth on 127.0.0.1:5432 unless JIXIAO_TEST_PG says otherwise). */
const BASE = process.env.JIXIAO_TEST_PG ?? "postgres://postgres@127.0.0.1:5432";

export const databaseUrl = (name: string) => `${BASE}/${name}`;
export const adminUrl = () => databaseUrl("postgres");

/** Ends every connection to database `name` from the server side, as an administrator would. */
export async function terminateBackends(name: string): Promise<number> {
  const admin = new pg.Client({ connectionString: adminUrl() });
  admin.on("error", () => {});
  await admin.connect();
  try {
    const result = await admin.query(
      "select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()) t",
      [name],
    );
    return Number(result.rows[0]?.n);
  } finally {
    await admin.end();
  }
}

/** Runs one statement on the server's `postgres` database (create, alter or drop a test database). */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  // A server restart between connect and end must fail this call, not the whole test run.
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
