/** Refuses text PostgreSQL cannot store (NUL, unpaired surrogates) and over-deep JSON, at the one boundary. */
import type { MiddlewareHandler } from "hono";
import { DomainError } from "../../domain/errors.ts";
import { findUnstorable, isUnstorableText as isBadText } from "../../domain/text.ts";
import type { AppEnv } from "../env.ts";

/** Deeper than any questionnaire, model or sheet the API takes; stops stack-deep JSON before zod or jsonb. */
export const MAX_JSON_DEPTH = 64;

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;
const FORM_TYPES = new Set(["multipart/form-data", "application/x-www-form-urlencoded"]);

function refuse(field: string, location: string): never {
  throw new DomainError("request.invalid_text", { field }, { field, location });
}

/** Every path segment, query value (and name), JSON string and key, form field and file name. */
export function textGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    for (const segment of url.pathname.split("/")) {
      const decoded = safeDecode(segment);
      if (decoded !== null && isBadText(decoded)) refuse("path", "path");
    }
    for (const [name, value] of url.searchParams) {
      if (isBadText(name)) refuse("query", "query");
      if (isBadText(value)) refuse(name, "query");
    }
    if (c.req.method !== "GET" && c.req.method !== "HEAD") await checkBody(c);
    await next();
  };
}

/** null for a segment that is not valid percent-encoding (the router answers it with 404). */
function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

async function checkBody(c: Parameters<MiddlewareHandler<AppEnv>>[0]) {
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (JSON_TYPE.test(type)) {
    let parsed: unknown;
    try {
      parsed = await c.req.json();
    } catch {
      return; // the route's validator answers request.malformed_json
    }
    walkJson(parsed);
    return;
  }
  if (FORM_TYPES.has(type)) {
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch {
      // The validator would await the same failed parse and throw a raw error: answer it here.
      throw new DomainError("request.invalid", {}, { reason: "malformed form data" });
    }
    for (const [name, value] of form) {
      if (isBadText(name)) refuse("form", "body");
      if (typeof value === "string" ? isBadText(value) : isBadText(value.name))
        refuse(name, "body");
    }
  }
}

/** Refuses parsed JSON holding such text (naming the field by its dotted path) or nested too deep. */
export function walkJson(root: unknown) {
  const found = findUnstorable(root, MAX_JSON_DEPTH);
  if (found === null) return;
  if (found.at === "depth") {
    throw new DomainError("request.too_deep", { limit: MAX_JSON_DEPTH }, { field: found.path });
  }
  refuse(found.path || "body", "body");
}
