/** Building blocks of the route definitions: JSON bodies and answers, the error answers, files. */
import { z } from "@hono/zod-openapi";
import type { ZodType } from "zod";
import { ErrorBody } from "../schemas.ts";

export const json = <T extends ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

export const body = <T extends ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

const error = (description: string) => json(ErrorBody, description);

/** The error answers every protected route can give. */
export const PROTECTED_ERRORS = {
  400: error("请求数据不合法 / invalid request"),
  401: error("未登录或登录已过期 / not signed in"),
  403: error("无权访问 / forbidden"),
  404: error("不存在 / not found"),
} as const;

/** The refusals of a change: a conflict with the current state (409) or data that cannot be taken (422). */
export const REFUSED = {
  409: error("与当前状态冲突 / conflicts with the current state"),
  422: error("数据无法接受 / data that cannot be taken"),
} as const;
export const noContent = { 204: { description: "完成 / done" } } as const;

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const xlsxAnswer = {
  content: { [XLSX_TYPE]: { schema: z.string().openapi({ format: "binary" }) } },
  description: ".xlsx 文件 / an .xlsx file",
};

/** The OpenAPI answer of a route that sends a file. */
export const FILE_RESPONSE = {
  content: {
    "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) },
  },
  description: "文件 / the file",
};

/** The answer of a route that creates a row: its id. */
export const Created = z.object({ id: z.number().int() });
