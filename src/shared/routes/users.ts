/**
 * Route definitions, no handlers (those are in src/api/routes/users/users.ts). User administration
 * for administrators, within their own region.
 */
import { createRoute, z } from "@hono/zod-openapi";
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
} from "../schemas.ts";
import { body, json, noContent, PROTECTED_ERRORS, REFUSED } from "./helpers.ts";

const tags = ["users"];

export const listUsersRoute = createRoute({
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
});

export const createUserRoute = createRoute({
  method: "post",
  path: "/api/users",
  tags,
  summary: "新建用户 / create a user",
  request: body(CreateUserRequest),
  responses: { 201: json(User, "已创建 / created"), ...PROTECTED_ERRORS, ...REFUSED },
});

export const updateUserRoute = createRoute({
  method: "patch",
  path: "/api/users/{id}",
  tags,
  summary: "修改用户 / change a user (name, role, region, disabled)",
  request: { params: IdParam, ...body(UpdateUserRequest) },
  responses: { 200: json(User, "已修改 / changed"), ...PROTECTED_ERRORS, ...REFUSED },
});

export const resetPasswordRoute = createRoute({
  method: "post",
  path: "/api/users/{id}/reset-password",
  tags,
  summary: "重置密码 / reset a user's password",
  request: { params: IdParam, ...body(ResetPasswordRequest) },
  responses: { ...noContent, ...PROTECTED_ERRORS },
});
