/** Users and sessions for tests, made through the same services the app uses. */
import { eq } from "drizzle-orm";
import type { Database } from "../../src/db/index.ts";
import { regions, users } from "../../src/db/schema.ts";
import { createUser, type ServiceContext, systemContext } from "../../src/services/index.ts";
import type { Role } from "../../src/shared/roles.ts";

export const TEST_PASSWORD = "Test-Passw0rd!";

export async function addUser(
  database: Database,
  username: string,
  role: Role,
  regionCode: string,
  password = TEST_PASSWORD,
) {
  return createUser(database.db, systemContext("test"), {
    username,
    displayName: username,
    password,
    role,
    regionCode,
  });
}

/** A service context acting as an existing user, as the API's session middleware builds it. */
export async function actingAs(database: Database, username: string): Promise<ServiceContext> {
  const [row] = await database.db
    .select({ user: users, path: regions.path })
    .from(users)
    .innerJoin(regions, eq(regions.code, users.regionCode))
    .where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  return {
    actor: {
      userId: row.user.id,
      username: row.user.username,
      role: row.user.role as Role,
      regionCode: row.user.regionCode,
      regionPath: row.path,
    },
    ip: null,
    requestId: null,
  };
}
