// `jixiao check` as a script uses it: findings printed, exit 1 on errors, 0 without, JSON on request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChildDatabase, createChildDatabase, runJixiao } from "./jixiao-process.ts";

describe("jixiao check", () => {
  let child: ChildDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    child = await createChildDatabase("pglite");
    env = { ...child.env, JIXIAO_ADMIN_PASSWORD: "Cli-Check-Passw0rd!" };
    const seeded = await runJixiao(["seed-demo"], env);
    expect(seeded.code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await child?.destroy();
  });

  it("prints Zhumadian's findings and exits 1 for its error", async () => {
    const r = await runJixiao(
      ["check", "--region", "411700", "--year", "2020", "--as-of", "2025-06-30"],
      env,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("检查 / check: 驻马店市（411700）2020 年，监控基准日 2025-06-30");
    expect(r.stdout).toContain(
      "[错误] score.blank-counted  驻马店市（411700） 驻马店市2020年老旧小区改造项目  评分表「得分」\n" +
        "    「老旧小区居民满意度」得分为空，但「服务对象满意度」得 5 分已将其计入（其余指标合计 0 分）",
    );
    expect(r.stdout).toContain("错误 1，警告 3，提示 0 / 1 errors, 3 warnings, 0 notes");
  });

  it("exits 0 when there is no error (Hangzhou), and lists the candidate problems on request", async () => {
    const r = await runJixiao(["check", "--region", "330100", "--year", "2020", "--problems"], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("候选问题 / candidate problems: 13");
    expect(r.stdout).toContain("  - 杭州市：「预算执行率」得 1.1 分（分值 2 分），扣 0.9 分");
    expect(r.stdout).toContain("错误 0，警告 0，提示 0");
  });

  it("answers JSON, and thresholds change what is an error", async () => {
    const r = await runJixiao(
      ["check", "--region", "440000", "--year", "2024", "--json", "--spend-error-margin", "100"],
      env,
    );
    expect(r.code).toBe(0);
    const answer = JSON.parse(r.stdout) as {
      counts: Record<string, number>;
      findings: { rule: string; severity: string; figures: Record<string, string> }[];
    };
    expect(answer.counts).toEqual({ error: 0, warning: 22, info: 2 });
    const zhanjiang = answer.findings.find((f) => f.figures.rate === "0.87");
    expect(zhanjiang).toMatchObject({ rule: "monitor.spend-behind", severity: "warning" });
  });

  it("refuses a date that does not exist, naming the option", async () => {
    const r = await runJixiao(
      ["check", "--region", "440000", "--year", "2024", "--as-of", "2024-02-30"],
      env,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"field":"as-of"');
    expect(r.stderr).toContain("日期须为 YYYY-MM-DD");
  });
});
