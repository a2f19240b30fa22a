/** User administration for administrators, within their own region. */
import { createUser, listUsers, resetPassword, updateUser } from "../../../services/index.ts";
import {
  createUserRoute,
  listUsersRoute,
  resetPasswordRoute,
  updateUserRoute,
} from "../../../shared/routes/users.ts";
import type { AppDeps } from "../../env.ts";
import { can, defineRoute, type RouteDef } from "../../route-table.ts";

export function userRoutes({ database }: AppDeps): RouteDef[] {
  const db = database.db;
  return [
    defineRoute(listUsersRoute, can("user:read"), async (c) =>
      c.json(await listUsers(db, c.get("ctx"), c.req.valid("query")), 200),
    ),
    defineRoute(createUserRoute, can("user:write"), async (c) =>
      c.json(await createUser(db, c.get("ctx"), c.req.valid("json")), 201),
    ),
    defineRoute(updateUserRoute, can("user:write"), async (c) =>
      c.json(await updateUser(db, c.get("ctx"), c.req.valid("param").id, c.req.valid("json")), 200),
    ),
    defineRoute(resetPasswordRoute, can("user:write"), async (c) => {
      await resetPassword(db, c.get("ctx"), c.req.valid("param").id, c.req.valid("json").password);
      return c.body(null, 204);
    }),
  ];
}
