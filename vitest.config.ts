import { defineConfig } from "vitest/config";
import LongFirst from "./test/helpers/sequencer.ts";

export default defineConfig({
  test: {
    include: [
      "src/**/*.test.ts",
      "web/src/**/*.test.ts",
      "test/**/*.test.ts",
      "bench/**/*.test.ts",
    ],
    globalSetup: ["test/helpers/global-setup.ts"],
    setupFiles: ["test/helpers/yield-between-tests.ts"],
    pool: "forks",
    maxWorkers: 2,
    // Catches hangs only: tests that spawn the CLI or a browser take tens of seconds on a loaded
    // 2-core machine. Speed is measured by bench/, never by a time limit here.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Browser tests poll the page; on a loaded machine a page can take seconds to settle.
    expect: { poll: { timeout: 15_000 } },
    reporters: ["default"],
    sequence: { sequencer: LongFirst },
  },
});
