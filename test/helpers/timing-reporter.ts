/**
 * `vitest run --reporter=default --reporter=./test/helpers/timing-reporter.ts` prints, after the run,
 * the files that took longest with their hooks (seeding, servers, browsers) counted, which vitest's
 * own per-file figure leaves out, and the time spent importing each file's modules.
 */
import type { Reporter, TestModule } from "vitest/node";

export default class TimingReporter implements Reporter {
  private readonly rows: { file: string; total: number; imports: number; tests: number }[] = [];

  onTestModuleEnd(module: TestModule) {
    const d = module.diagnostic();
    this.rows.push({
      file: module.relativeModuleId,
      total: d.duration + d.collectDuration + d.setupDuration + d.prepareDuration,
      imports: d.collectDuration,
      tests: [...module.children.allTests()].length,
    });
  }

  onTestRunEnd() {
    const rows = this.rows.sort((a, b) => b.total - a.total);
    const sum = rows.reduce((s, r) => s + r.total, 0);
    const lines = rows
      .slice(0, Number(process.env.TIMING_TOP ?? 40))
      .map(
        (r) =>
          `${(r.total / 1000).toFixed(1).padStart(7)} s ${(r.imports / 1000).toFixed(1).padStart(6)} s ${String(r.tests).padStart(4)}  ${r.file}`,
      );
    process.stdout.write(
      `\nslowest files (whole file incl. hooks, of which collecting; tests):\n${lines.join("\n")}\n` +
        `all ${rows.length} files: ${(sum / 1000).toFixed(0)} s of worker time\n`,
    );
  }
}
