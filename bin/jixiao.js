#!/usr/bin/env node
// Entry point of the `jixiao` command: runs the TypeScript sources through tsx.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/cli/main.ts");
process.exitCode = await runCli(process.argv);
