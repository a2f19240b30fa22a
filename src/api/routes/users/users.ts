/** User administration for administrators, within their own region. */
import { createRoute, z } from "@hono/zod-openapi";
import { createUser, listUsers, resetPassword, updateUser } from "../../../services/index.ts";
import {
  CreateUserRequest,
  IdParam,
  Paging,
  RegionCode,
  ResetPasswordRequest,
  Role,
  UpdateUserRequest,
  User,
  UserList,
} from "../../../shared/schemas.ts";
import type { AppDeps } from "../../env.ts";
import {
  body,
  can,
  defineRoute,
  json,
  noContent,
  PROTECTED_ERRORS,
  REFUSED,
  type RouteDef,
} from "../../route-table.ts";

const tags = ["users"];

export function userRoutes({ database }: AppDeps): RouteDef[] {
  const db = database.db;
  return [
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/users",
        tags,
        summary: "用户列表 / list users in your region and below",
        request: {
          query: z.object({
            regionCode: RegionCode.optional(),
            q: z.string().max(64).optional(),
            role: Role.optional(),
            ...Paging,
          }),
        },
        responses: { 200: json(UserList, "用户 / users"), ...PROTECTED_ERRORS },
      }),
      can("user:read"),
      async (c) => c.json(await listUsers(db, c.get("ctx"), c.req.valid("query")), 200),
    ),
    defineRoute(
      createRoute({
        method: "post",
        path: "/api/users",
        tags,
        summary: "新建用户 / create a user",
        request: body(CreateUserRequest),
        responses: { 201: json(User, "已创建 / created"), ...PROTECTED_ERRORS, ...REFUSED },
      }),
      can("user:write"),
      async (c) => c.json(await createUser(db, c.get("ctx"), c.req.valid("json")), 201),
    ),
    defineRoute(
      createRoute({
        method: "patch",
        path: "/api/users/{id}",
        tags,
        summary: "修改用户 / change a user (name, role, region, disabled)",
        request: { params: IdParam, ...body(UpdateUserRequest) },
        responses: { 200: json(User, "已修改 / changed"), ...PROTECTED_ERRORS, ...REFUSED },
      }),
      can("user:write"),
      async (c) =>
        c.json(
          await updateUser(db, c.get("ctx"), c.req.valid("param").id, c.req.valid("json")),
          200,
        ),
    ),
    defineRoute(
      createRoute({
        method: "post",
        path: "/api/users/{id}/reset-password",
        tags,
        summary: "重置密码 / reset a user's password",
        request: { params: IdParam, ...body(ResetPasswordRequest) },
        responses: { ...noContent, ...PROTECTED_ERRORS },
      }),
      can("user:write"),
      async (c) => {
        await resetPassword(
          db,
          c.get("ctx"),
          c.req.valid("param").id,
          c.req.valid("json").password,
        );
        return c.body(null, 204);
      },
    ),
  ];
}
