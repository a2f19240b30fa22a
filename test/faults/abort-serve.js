// `jixiao serve` where a test can break PGlite's WebAssembly runtime: SIGUSR2 makes every step of
// PGlite's main loop call emscripten's own abort(); SIGUSR1 throws from a timer. Both must end the
// process with 1 and a fatal log line, not leave it spinning or half alive.
import { register } from "tsx/esm/api";

register();
const { PGlite } = await import("@electric-sql/pglite");
let armed = false;
process.on("SIGUSR2", () => {
  armed = true;
});
process.on("SIGUSR1", () => {
  setTimeout(() => {
    throw new Error("thrown from a timer by the test");
  });
});
const run = PGlite.prototype.execProtocolRawSync;
PGlite.prototype.execProtocolRawSync = function (message) {
  if (armed) this.mod._PostgresMainLoopOnce = () => this.mod._abort();
  return run.call(this, message);
};
const { runCli } = await import("../../src/cli/main.ts");
await runCli([process.execPath, "jixiao", "serve", "--no-demo"]);
