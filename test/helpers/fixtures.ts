/** Users and sessions for tests, made through the same services the app uses. */
import type { Database } from "../../src/db/index.ts";
import {
  contextOfUser,
  createUser,
  type ServiceContext,
  systemContext,
} from "../../src/services/index.ts";
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
export function actingAs(database: Database, username: string): Promise<ServiceContext> {
  return contextOfUser(database.db, username);
}
