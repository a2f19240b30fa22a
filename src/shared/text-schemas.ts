/** Text in both languages as API answers carry it. */
import { z } from "@hono/zod-openapi";
import type { ShortBilingual } from "../domain/bilingual.ts";

/** A finding's, a problem's or a data binding's text: `{ zh, en }`. */
export const ShortText = z.object({
  zh: z.string(),
  en: z.string(),
}) satisfies z.ZodType<ShortBilingual>;
