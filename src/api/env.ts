/** The Hono environment: what middleware puts on the context for the handlers. */
import type { Logger } from "pino";
import type { Database } from "../db/index.ts";
import type { Locale } from "../domain/errors.ts";
import type { UploadLimits } from "../domain/upload-limits.ts";
import type { PdfRenderer } from "../render/pdf.ts";
import type { ReportJobRunner, ResolvedSession, ServiceContext } from "../services/index.ts";
import type { EvidenceStore } from "../storage/evidence-store.ts";

export interface AppDeps {
  database: Database;
  /** The file store: evidence files, and the files of report jobs (a folder, or the database). */
  evidence: EvidenceStore;
  logger: Logger;
  /** Prints reports to PDF (Chromium). */
  pdf: PdfRenderer;
  /** Runs report jobs (the server's, with its settings); absent: one made on the database and pdf. */
  reportJobs?: ReportJobRunner | undefined;
  /** Folder of the built web app (web/dist); absent in API-only tests. */
  webDist?: string | undefined;
  /** Marks the session cookie Secure (behind HTTPS). */
  secureCookies?: boolean;
  /** The address residents reach Jixiao at, for the QR codes of survey posters. */
  publicUrl?: string | undefined;
  /** Proxies (addresses, CIDR blocks) whose X-Forwarded-For names the client (JIXIAO_TRUST_PROXY). */
  trustProxy?: readonly string[] | undefined;
  /** How long a public survey page's ticket takes an answer, in hours (24 unless set). */
  surveyTicketHours?: number | undefined;
  /** How large an uploaded file may be inside (zip size, rows, cells); the defaults unless set. */
  uploadLimits?: UploadLimits | undefined;
}

export type AppEnv = {
  Variables: {
    requestId: string;
    locale: Locale;
    log: Logger;
    ctx: ServiceContext;
    session: ResolvedSession | null;
    sessionToken: string | null;
    /** Why a presented cookie did not give a session (expired…), reported on protected routes. */
    sessionProblem: "auth.session_expired" | null;
    /** The client's address (client-address.ts); undefined before that middleware has run. */
    clientAddress: string | null | undefined;
  };
};
