import os from 'node:os';
import { Latencies, Tally } from './stats.mjs';
import { MemoryProbe } from './server-memory.mjs';

/** Everything one run shares: target, limits, the stop signal, and the counters every connection feeds. */
export function createRun(options) {
  const controller = new AbortController();
  const run = {
    options,
    url: options.url,
    commandTimeoutMs: options.commandTimeoutMs,
    signal: controller.signal,
    abort: (reason) => controller.abort(reason),
    timedOut: false,
    stopping: false, // set before the run closes its own connections, so those closes are not errors
    startedAt: new Date(),
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
    memory: new MemoryProbe(options.serverPid),
    stats: {
      connect: new Latencies(),
      join: new Latencies(),
      joinToFirstView: new Latencies(),
      probe: new Latencies(),
      commandRoundTrip: new Latencies(),
      viewPush: new Latencies(),
    },
    commands: 0,
    accepted: 0,
    viewsReceived: 0,
    errors: new Tally(),
    rejections: new Tally(),
    entitlement: new Tally(),
    hubOddities: new Tally(),
    result: {}, // the scenario's own figures, filled in as it goes so a cut-short run still reports them
  };
  return run;
}

/** Waits `ms`, or less if the run is stopped. */
export function sleep(ms, signal) {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export function report(run) {
  const finishedAt = new Date();
  const { url, ...options } = run.options;
  return {
    scenario: options.scenario,
    url: url.href,
    startedAt: run.startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    seconds: Math.round((finishedAt - run.startedAt) / 100) / 10,
    timedOut: run.timedOut,
    options,
    machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), loadAverageAtStart: run.loadAverageAtStart, loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100) },
    result: run.result,
    latencyMs: Object.fromEntries(Object.entries(run.stats).filter(([, l]) => l.count > 0).map(([k, l]) => [k, l.summary()])),
    commands: { sent: run.commands, accepted: run.accepted, rejectedByCode: run.rejections.toJSON() },
    viewsReceived: run.viewsReceived,
    entitlementViolations: run.entitlement.toJSON(),
    hubOddities: run.hubOddities.toJSON(),
    errors: run.errors.toJSON(),
    server: run.memory.toJSON(),
    loadgenCpuSeconds: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1e4) / 100,
  };
}
