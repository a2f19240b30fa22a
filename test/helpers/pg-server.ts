/** Where the tests find the PostgreSQL server (trust auth on 127.0.0.1:5432 unless JIXIAO_TEST_PG says otherwise). */
const BASE = process.env.JIXIAO_TEST_PG ?? "postgres://postgres@127.0.0.1:5432";

export const databaseUrl = (name: string) => `${BASE}/${name}`;
export const adminUrl = () => databaseUrl("postgres");
