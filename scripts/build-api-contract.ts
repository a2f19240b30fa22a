/**
 * Rewrites what is generated from the route definitions: the reference part of docs/api-contract.md
 * (from the OpenAPI document) and the web client's src/shared/routes/addresses.ts: `npm run docs:api`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { apiContractMarkdown, API_CONTRACT_MARK as MARK } from "../src/api/api-contract.ts";
import { openApiDocument } from "../src/api/openapi-document.ts";
import { routeAccess } from "../src/api/route-access.ts";
import { routeAddressesSource } from "../src/api/route-addresses.ts";

const DOC = new URL("../docs/api-contract.md", import.meta.url);
const ADDRESSES = new URL("../src/shared/routes/addresses.ts", import.meta.url);

const text = readFileSync(DOC, "utf8");
const head = text.slice(0, text.indexOf(MARK) + MARK.length);
const document = JSON.parse(JSON.stringify(openApiDocument()));
writeFileSync(DOC, `${head}\n\n${apiContractMarkdown(document, routeAccess())}`);
writeFileSync(ADDRESSES, routeAddressesSource());
console.log("docs/api-contract.md and src/shared/routes/addresses.ts updated");
