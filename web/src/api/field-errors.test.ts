import { describe, expect, it } from "vitest";
import { ApiError } from "./client.ts";
import { fieldErrorsOf } from "./field-errors.ts";

describe("fieldErrorsOf", () => {
  it("puts each issue on the form's own fields, the error's message where an issue has none", () => {
    const error = new ApiError(422, "request.invalid", "请求内容不合法", {
      issues: [
        { field: "username", message: "至少 3 个字符" },
        { field: "username", message: "只能用字母、数字和 ._-" },
        { field: "unknown", message: "不在表单上" },
        { field: "displayName" },
        "not an issue",
      ],
      field: "password",
    });
    expect(fieldErrorsOf(error, ["username", "displayName", "password"])).toEqual([
      { name: "username", errors: ["至少 3 个字符", "只能用字母、数字和 ._-"] },
      { name: "displayName", errors: ["请求内容不合法"] },
      { name: "password", errors: ["请求内容不合法"] },
    ]);
  });

  it("gives nothing for an error without details or not from the server", () => {
    expect(fieldErrorsOf(new ApiError(409, "user.exists", "用户名已存在"), ["username"])).toEqual(
      [],
    );
    expect(fieldErrorsOf(new Error("network"), ["username"])).toEqual([]);
  });
});
