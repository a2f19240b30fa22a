import { DrizzleQueryError } from "drizzle-orm";
import pg from "pg";
import { describe, expect, it } from "vitest";
import {
  connectionErrorReason,
  isConnectionError,
  isPgliteAbort,
  WasmRuntimeError,
} from "./connection-errors.ts";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("connectionErrorReason", () => {
  it("names socket errors by their code", () => {
    expect(
      connectionErrorReason(withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED")),
    ).toBe("ECONNREFUSED");
    expect(connectionErrorReason(withCode("read ECONNRESET", "ECONNRESET"))).toBe("ECONNRESET");
    expect(connectionErrorReason(withCode("connect ETIMEDOUT", "ETIMEDOUT"))).toBe("ETIMEDOUT");
  });

  it("knows the server's shutdown and connection SQLSTATEs, not other ones", () => {
    const terminated = new pg.DatabaseError(
      "terminating connection due to administrator command",
      0,
      "error",
    );
    terminated.code = "57P01";
    expect(connectionErrorReason(terminated)).toBe(
      "57P01 terminating connection due to administrator command",
    );
    expect(connectionErrorReason(withCode("the database system is starting up", "57P03"))).toBe(
      "57P03 the database system is starting up",
    );
    expect(connectionErrorReason(withCode("connection failure", "08006"))).toBe(
      "08006 connection failure",
    );
    expect(connectionErrorReason(withCode("duplicate key value", "23505"))).toBeNull();
    expect(
      connectionErrorReason(withCode("canceling statement due to user request", "57014")),
    ).toBeNull();
  });

  it("knows a server that refuses to open a session: no connections allowed, database gone, role refused", () => {
    // `alter database … allow_connections false`, as measured against a real server.
    const closed = 'database "jixiao" is not currently accepting connections';
    expect(connectionErrorReason(withCode(closed, "55000"))).toBe(`55000 ${closed}`);
    expect(connectionErrorReason(withCode('database "jixiao" does not exist', "3D000"))).toBe(
      '3D000 database "jixiao" does not exist',
    );
    expect(connectionErrorReason(withCode("password authentication failed", "28P01"))).toBe(
      "28P01 password authentication failed",
    );
    // The same SQLSTATE for an unrelated state error is a failed query.
    expect(
      connectionErrorReason(withCode("cannot refresh materialized view concurrently", "55000")),
    ).toBeNull();
  });

  it("knows node-postgres's and PGlite's own messages", () => {
    for (const message of [
      "Connection terminated unexpectedly",
      "Connection terminated",
      "timeout exceeded when trying to connect",
      "Client has encountered a connection error and is not queryable",
      "PGlite is closed",
    ]) {
      expect(connectionErrorReason(new Error(message))).toBe(message);
    }
    expect(connectionErrorReason(new Error('relation "x" does not exist'))).toBeNull();
  });

  it("looks through drizzle's wrapper and a refused localhost's AggregateError", () => {
    const wrapped = new DrizzleQueryError(
      "select 1",
      [],
      new Error("Connection terminated unexpectedly"),
    );
    expect(connectionErrorReason(wrapped)).toBe("Connection terminated unexpectedly");
    const both = new AggregateError([
      withCode("connect ECONNREFUSED ::1:5432", "ECONNREFUSED"),
      withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"),
    ]);
    expect(connectionErrorReason(both)).toBe("ECONNREFUSED");
    expect(
      connectionErrorReason(new DrizzleQueryError("select 1", [], new TypeError("x"))),
    ).toBeNull();
  });

  it("is null for what is not an error, and stops on a cycle", () => {
    expect(connectionErrorReason(undefined)).toBeNull();
    expect(connectionErrorReason("ECONNREFUSED")).toBeNull();
    const a: { cause?: unknown } = {};
    a.cause = a;
    expect(connectionErrorReason(a)).toBeNull();
  });

  it("counts a PGlite abort as the database being gone", () => {
    const abort = new WasmRuntimeError("Aborted(). Build with -sASSERTIONS for more info.");
    expect(isPgliteAbort(abort)).toBe(true);
    expect(isConnectionError(abort)).toBe(true);
    expect(
      isPgliteAbort(
        Object.assign(new Error("Program terminated with exit(1)"), { name: "ExitStatus" }),
      ),
    ).toBe(true);
    expect(isPgliteAbort(new RangeError("Invalid time value"))).toBe(false);
  });
});
