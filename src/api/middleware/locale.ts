/** Picks zh-CN or en-US from Accept-Language (zh-CN unless English is asked for first). */
import type { MiddlewareHandler } from "hono";
import type { Locale } from "../../domain/errors.ts";
import type { AppEnv } from "../env.ts";

export function localeOf(acceptLanguage: string | undefined): Locale {
  const first = acceptLanguage?.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en-US" : "zh-CN";
}

export const locale: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set("locale", localeOf(c.req.header("accept-language")));
  await next();
};
