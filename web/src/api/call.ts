/**
 * The typed API client: `call(route, input)` takes a route's address (src/shared/routes/addresses.ts),
 * typed as its definition, so the path parameters, query, JSON body and answer are the route's own
 * zod types, never written again; only the method and path are bundled, no schema.
 */
import type { RouteConfig, z } from "@hono/zod-openapi";
import type { RouteAddress } from "../../../src/shared/routes/address.ts";
import { postForm, request } from "./client.ts";

type Schema = z.ZodType;

/** Any route's address. */
type AnyAddress = RouteAddress<RouteConfig>;

/** A part of the input a route does not take. */
type None = Record<never, never>;

/** What a path or query value may be given as: the schema's input (text) or its parsed value. */
type Wire<S extends Schema> = {
  [K in keyof z.input<S>]: z.input<S>[K] | (K extends keyof z.output<S> ? z.output<S>[K] : never);
};

/** A part that may be left out when every field of it is optional. */
type Part<Name extends string, T> = Partial<T> extends T ? { [K in Name]?: T } : { [K in Name]: T };

/** The definition an address stands for. */
type Def<A> = A extends RouteAddress<infer R> ? R : never;
type RequestOf<A> = NonNullable<Def<A>["request"]>;

/** A route's path parameters as the web may give them. */
export type RouteParams<A> =
  RequestOf<A> extends { params: infer P extends Schema } ? Wire<P> : never;

/** A route's query as the web may give it. */
export type RouteQuery<A> =
  RequestOf<A> extends { query: infer Q extends Schema } ? Wire<Q> : never;

/** A route's JSON body as the web sends it. */
export type RouteBody<A> =
  RequestOf<A> extends {
    body: { content: { "application/json": { schema: infer B extends Schema } } };
  }
    ? z.input<B>
    : never;

/** The fields of an upload route's multipart form (files among them). */
export type RouteForm<A> =
  RequestOf<A> extends {
    body: { content: { "multipart/form-data": { schema: infer F extends Schema } } };
  }
    ? Wire<F>
    : never;

/** The part `name` of an input: absent when the route takes none, optional when all of it is. */
type Piece<Name extends string, T> = [T] extends [never] ? None : Part<Name, T>;

/** What a route takes: `params`, `query` and `json` as its definition declares them. */
export type RouteInput<A> = Piece<"params", RouteParams<A>> &
  Piece<"query", RouteQuery<A>> &
  ([RouteBody<A>] extends [never] ? None : { json: RouteBody<A> });

/** What an upload route takes: its path parameters and its form fields (files among them). */
export type FormInput<A> = Piece<"params", RouteParams<A>> &
  ([RouteForm<A>] extends [never] ? None : { form: RouteForm<A> });

type JsonAnswer<A> = A extends {
  content: { "application/json": { schema: infer S extends Schema } };
}
  ? z.output<S>
  : never;

/** The body of a route's success: the JSON of its 200, 201 or 202 answer, nothing for a 204. */
export type RouteOutput<A> = Def<A>["responses"] extends { 200: infer Y }
  ? JsonAnswer<Y>
  : Def<A>["responses"] extends { 201: infer Y }
    ? JsonAnswer<Y>
    : Def<A>["responses"] extends { 202: infer Y }
      ? JsonAnswer<Y>
      : Def<A>["responses"] extends { 204: unknown }
        ? undefined
        : never;

type Args<I> = Partial<I> extends I ? [input?: I] : [input: I];

type Values = Readonly<Record<string, unknown>>;

interface Parts {
  params?: Values;
  query?: Values;
  json?: unknown;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : String(value);
}

/** The path of a route with its `{name}` parameters filled in, each one URL-encoded. */
export function pathOf(path: string, params: Values = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) throw new Error(`${path}: no value for ${name}`);
    return encodeURIComponent(text(value));
  });
}

/** The query of a request: unset and empty values are left out, the rest written as text. */
export function queryOf(query: Values = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") out[key] = text(value);
  }
  return out;
}

function hrefOf(route: AnyAddress, parts: Parts): string {
  const search = new URLSearchParams(queryOf(parts.query)).toString();
  const path = pathOf(route.path, parts.params);
  return search ? `${path}?${search}` : path;
}

/** Sends a request to `route` and answers its success body; a failure is an ApiError (client.ts). */
export function call<A extends AnyAddress>(
  route: A,
  ...input: Args<RouteInput<A>>
): Promise<RouteOutput<A>>;
export async function call(route: AnyAddress, input: Parts = {}): Promise<unknown> {
  return await request(route.method.toUpperCase(), pathOf(route.path, input.params), {
    query: queryOf(input.query),
    body: input.json,
  });
}

/** The address of a route that answers a file (a link or a download): path and query filled in. */
export function hrefTo<A extends AnyAddress>(route: A, ...input: Args<RouteInput<A>>): string;
export function hrefTo(route: AnyAddress, input: Parts = {}): string {
  return hrefOf(route, input);
}

/** Uploads a multipart form to `route` (a file with its fields) and answers the route's success body. */
export function upload<A extends AnyAddress>(
  route: A,
  expected: number,
  input: FormInput<A>,
): Promise<RouteOutput<A>>;
export async function upload(
  route: AnyAddress,
  expected: number,
  input: { params?: Values; form?: Values },
): Promise<unknown> {
  return await postForm(pathOf(route.path, input.params), formOf(input.form ?? {}), expected);
}

/** The FormData of an upload: files as they are, other fields as text, unset ones left out. */
export function formOf(fields: Values): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value instanceof Blob) form.set(name, value);
    else if (value !== undefined && value !== null && value !== "") form.set(name, text(value));
  }
  return form;
}
