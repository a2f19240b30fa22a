/** The years that hold anything in a region: the pages' year pickers and their default year. */
import { z } from "@hono/zod-openapi";

export const DataYears = z
  .object({
    /** Newest first: years with data rows, evaluation tasks or sheets, allocation plans or surveys. */
    years: z.array(z.number().int()),
    /** The newest of them, or null when the region and everything below it hold nothing yet. */
    latest: z.number().int().nullable(),
  })
  .openapi("DataYears");

export type DataYearsT = z.infer<typeof DataYears>;
