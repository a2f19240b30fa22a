/** The route reference of docs/api-contract.md, written from the OpenAPI document so that it cannot drift. */
import type { AccessRule } from "../services/index.ts";
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES } from "../shared/roles.ts";
import { accessText } from "./route-access.ts";

/** Where the generated part of docs/api-contract.md starts; the text above it is written by hand. */
export const API_CONTRACT_MARK =
  "<!-- generated from the OpenAPI document (src/shared/routes): npm run docs:api -->";

type Json = Readonly<Record<string, unknown>>;

function isJson(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function field(value: unknown, key: string): Json {
  const found = isJson(value) ? value[key] : undefined;
  return isJson(found) ? found : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

const METHODS = ["get", "post", "put", "patch", "delete"];

/** A schema in a few words: a shape's name, a list, a choice of values, an object's field names. */
function typeOf(schema: unknown, depth = 0): string {
  if (!isJson(schema)) return "any";
  const ref = text(schema.$ref);
  if (ref) return ref.slice(ref.lastIndexOf("/") + 1);
  const parts = list(schema.allOf).length ? list(schema.allOf) : list(schema.anyOf);
  if (parts.length) {
    const named = parts.map((p) => typeOf(p, depth)).filter((t) => t !== "object" && t !== "null");
    const nullable = parts.some((p) => isJson(p) && list(p.type).includes("null"));
    return [...new Set(named)].join(" \\| ") + (nullable ? " \\| null" : "");
  }
  if (list(schema.oneOf).length)
    return list(schema.oneOf)
      .map((p) => typeOf(p, depth))
      .join(" \\| ");
  if ("const" in schema) return JSON.stringify(schema.const);
  if (list(schema.enum).length)
    return list(schema.enum)
      .map((v) => JSON.stringify(v))
      .join(" \\| ");
  const types = Array.isArray(schema.type) ? schema.type.map(text) : [text(schema.type)];
  const nullable = types.includes("null");
  const base = types.find((t) => t !== "null") ?? "";
  const shown = baseType(schema, base, depth);
  return nullable ? `${shown} \\| null` : shown;
}

function baseType(schema: Json, type: string, depth: number): string {
  if (type === "array") {
    const item = typeOf(schema.items, depth);
    return item.includes("|") ? `(${item})[]` : `${item}[]`;
  }
  if (type === "string" && schema.format === "binary") return "file";
  if (type === "string" && typeof schema.format === "string") return schema.format;
  if (type !== "object") return type || "any";
  const properties = field(schema, "properties");
  const names = Object.keys(properties);
  if (names.length === 0) {
    const values = schema.additionalProperties;
    return isJson(values) ? `{[key]: ${typeOf(values, depth + 1)}}` : "object";
  }
  if (depth > 0) return "object";
  const required = new Set(list(schema.required).map(text));
  const named = (n: string) => (required.has(n) ? n : `${n}?`);
  // A small object shows its fields' types; a large one only their names.
  if (names.length > 4) return `{${names.map(named).join(", ")}}`;
  return `{${names.map((n) => `${named(n)}: ${typeOf(properties[n], depth + 1)}`).join(", ")}}`;
}

/** What a route takes besides its path: the query with defaults, the JSON body or the form fields. */
function takes(operation: Json): string {
  const query = list(operation.parameters)
    .filter((p) => isJson(p) && p.in === "query")
    .map((p) => {
      const name = isJson(p) ? text(p.name) : "";
      const fallback = field(p, "schema").default;
      return fallback === undefined ? name : `${name}=${String(fallback)}`;
    });
  const out: string[] = [];
  if (query.length) out.push(`\`?${query.join("&")}\``);
  const content = field(field(operation, "requestBody"), "content");
  const jsonBody = field(content, "application/json");
  if ("schema" in jsonBody) out.push(`\`${typeOf(jsonBody.schema)}\``);
  const form = field(field(content, "multipart/form-data"), "schema");
  if ("properties" in form) out.push(`form \`${typeOf({ ...form, type: "object" })}\``);
  return out.join("; ");
}

/** The answers of a route: each success with its shape (or file), then the error statuses. */
function answers(operation: Json): string {
  const responses = field(operation, "responses");
  const success: string[] = [];
  const errors: string[] = [];
  for (const [status, answer] of Object.entries(responses)) {
    if (Number(status) >= 400) {
      errors.push(status);
      continue;
    }
    const content = field(answer, "content");
    const types = Object.keys(content);
    const jsonBody = field(content, "application/json");
    if ("schema" in jsonBody) success.push(`${status} \`${typeOf(jsonBody.schema)}\``);
    else if (types.includes("text/html")) success.push(`${status} HTML page`);
    else if (types.length) success.push(`${status} file (${types.join(", ")})`);
    else success.push(status);
  }
  return [...success, errors.length ? `errors ${errors.join(", ")}` : ""]
    .filter(Boolean)
    .join("; ");
}

function cell(value: string): string {
  return value.replace(/\n/g, " ").replace(/(?<!\\)\|/g, "\\|");
}

/** Which roles hold each permission (src/shared/roles.ts); a route names the one it needs. */
function permissionTable(): string[] {
  const lines = ["## Permissions", "", "| permission | roles |", "|---|---|"];
  for (const permission of PERMISSIONS) {
    const roles = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(permission));
    lines.push(`| \`${permission}\` | ${roles.join(", ")} |`);
  }
  return [...lines, ""];
}

/**
 * The routes by tag (with who may call each, from `access`: "GET /api/users" → its rule), the
 * permissions by role and the named shapes, as Markdown.
 */
export function apiContractMarkdown(
  document: unknown,
  access: ReadonlyMap<string, AccessRule>,
): string {
  const byTag = new Map<string, string[]>();
  const paths = field(document, "paths");
  for (const path of Object.keys(paths).sort()) {
    const item = field(paths, path);
    for (const method of METHODS.filter((m) => m in item)) {
      const operation = field(item, method);
      const tag = text(list(operation.tags)[0]) || "other";
      const who = accessText(access.get(`${method.toUpperCase()} ${path}`));
      const row = `| ${method.toUpperCase()} | \`${path}\` | ${cell(text(operation.summary))} | ${who} | ${takes(operation)} | ${answers(operation)} |`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), row]);
    }
  }
  const lines: string[] = [];
  for (const [tag, rows] of [...byTag].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(
      `## ${tag}`,
      "",
      "| method | path | what | who | takes | answers |",
      "|---|---|---|---|---|---|",
    );
    lines.push(...rows, "");
  }
  lines.push(...permissionTable(), "## Shapes", "");
  const schemas = field(field(document, "components"), "schemas");
  for (const name of Object.keys(schemas).sort()) {
    const schema = field(schemas, name);
    const properties = field(schema, "properties");
    const required = new Set(list(schema.required).map(text));
    if (Object.keys(properties).length === 0) {
      lines.push(`### ${name}`, "", `\`${typeOf(schema)}\``, "");
      continue;
    }
    lines.push(`### ${name}`, "", "| field | type |", "|---|---|");
    for (const [key, value] of Object.entries(properties)) {
      const about = isJson(value) ? text(value.description) : "";
      const type = `\`${typeOf(value, 1)}\`${required.has(key) ? "" : " (optional)"}`;
      lines.push(`| \`${key}\` | ${type}${about ? ` — ${cell(about)}` : ""} |`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
