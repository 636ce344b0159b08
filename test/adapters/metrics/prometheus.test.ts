import { describe, expect, it } from "vitest";
import { createPrometheusMetrics } from "../../../src/adapters/metrics/prometheus.ts";
import { usdToMicros } from "../../../src/kernel/money.ts";

const snapshot = async () => ({ poolAccounts: 12, poolBusy: 3, poolLocked: 1, tasksQueued: 4, tasksProcessing: 3 });
const line = (text: string, name: string): string | undefined => text.split("\n").find((l) => l.startsWith(name));

describe("Prometheus metrics (prom-client)", () => {
  it("turns reports into counters and histograms, money in dollars", async () => {
    const metrics = createPrometheusMetrics({ snapshot, now: () => 0, processMetrics: false });
    metrics.port.httpRequest("/api/generate", 200, 0.004);
    metrics.port.httpRequest("/api/generate", 200, 0.006);
    metrics.port.graphqlOperation("Estimate", "query", 0.002);
    metrics.port.generation("downgraded", "veo-3.1-fast-generate-001", "BUDGET_DOWNGRADE");
    metrics.port.charged(usdToMicros(1.25));
    metrics.port.charged(usdToMicros(0.5));
    metrics.port.refunded(usdToMicros(0.5));
    metrics.port.taskEnded("FAILED");
    const { contentType, body } = await metrics.render();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(line(body, 'gateai_http_request_duration_seconds_count{route="/api/generate",status="200"}')).toMatch(/ 2$/);
    expect(line(body, 'gateai_http_request_duration_seconds_sum{route="/api/generate",status="200"}')).toMatch(/ 0\.01$/);
    expect(line(body, 'gateai_graphql_operation_duration_seconds_count{operation="Estimate",type="query"}')).toMatch(/ 1$/);
    expect(line(body, 'gateai_generations_total{outcome="downgraded",model="veo-3.1-fast-generate-001",reason="BUDGET_DOWNGRADE"}')).toMatch(/ 1$/);
    expect(line(body, "gateai_charged_dollars_total ")).toBe("gateai_charged_dollars_total 1.75");
    expect(line(body, "gateai_refunded_dollars_total ")).toBe("gateai_refunded_dollars_total 0.5");
    expect(line(body, 'gateai_tasks_ended_total{state="FAILED"}')).toMatch(/ 1$/);
  });

  it("reads the pool and queue gauges from the snapshot when scraped", async () => {
    const { body } = await createPrometheusMetrics({ snapshot, now: () => 0, processMetrics: false }).render();
    expect(body).toContain('gateai_pool_accounts{state="total"} 12');
    expect(body).toContain('gateai_pool_accounts{state="busy"} 3');
    expect(body).toContain('gateai_pool_accounts{state="locked"} 1');
    expect(body).toContain('gateai_tasks{state="QUEUED"} 4');
    expect(body).toContain('gateai_tasks{state="PROCESSING"} 3');
    expect(body).toContain("gateai_queue_depth 4");
  });

  it("shows how many tasks the driver drives at once, as it last reported", async () => {
    const metrics = createPrometheusMetrics({ snapshot, now: () => 0, processMetrics: false });
    metrics.port.driverConcurrency(32);
    metrics.port.driverConcurrency(8);
    expect(line((await metrics.render()).body, "gateai_driver_concurrency ")).toBe("gateai_driver_concurrency 8");
  });

  it("counts open subscriptions up and down, and the driver's lag since its last pass", async () => {
    let now = 10_000;
    const metrics = createPrometheusMetrics({ snapshot, now: () => now, processMetrics: false });
    metrics.port.subscriptions(1);
    metrics.port.subscriptions(1);
    metrics.port.subscriptions(-1);
    metrics.port.driverPass(0.02);
    now += 2_500;
    const { body } = await metrics.render();
    expect(line(body, "gateai_subscriptions_open ")).toBe("gateai_subscriptions_open 1");
    expect(line(body, "gateai_driver_lag_seconds ")).toBe("gateai_driver_lag_seconds 2.5");
    expect(line(body, "gateai_driver_pass_duration_seconds_count")).toMatch(/ 1$/);
  });

  it("keeps two gateways' figures apart (a registry each)", async () => {
    const a = createPrometheusMetrics({ snapshot, now: () => 0 });
    const b = createPrometheusMetrics({ snapshot, now: () => 0 });
    a.port.charged(usdToMicros(2));
    expect(line((await b.render()).body, "gateai_charged_dollars_total ")).toBe("gateai_charged_dollars_total 0");
    expect((await a.render()).body).toContain("process_cpu_user_seconds_total");
  });
});
