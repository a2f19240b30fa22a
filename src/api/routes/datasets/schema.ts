/** How a route sends a file: its Content-Disposition and a body that is never sniffed. */
import type { Context } from "hono";

/** A download's Content-Disposition: an ASCII fallback name, and the real (Chinese) name per RFC 6266. */
export function attachment(fileName: string, fallback = "jixiao.xlsx"): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** A file to download, typed, named (UTF-8 with an ASCII fallback) and never sniffed. */
export function fileBody(
  c: Context,
  file: { fileName: string; contentType: string; bytes: Uint8Array },
  fallback: string,
) {
  return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
    "Content-Type": file.contentType,
    "Content-Disposition": attachment(file.fileName, fallback),
    "X-Content-Type-Options": "nosniff",
  });
}
