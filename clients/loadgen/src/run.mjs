import os from 'node:os';
import { setMaxListeners } from 'node:events';
import { performance } from 'node:perf_hooks';
import { Latencies, Tally, inParallel, round } from './stats.mjs';
import { MemoryProbe, coresBetween, cpuSecondsBetween, readCpuSeconds, runQueueWaitBetween } from './server-memory.mjs';

/** Everything one run shares: target, limits, the stop signal, and the counters every connection feeds. */
export function createRun(options) {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal); // every pause of every seat (think time, pacing) waits on it
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
    deltasReceived: 0,
    wholeViewsWatched: 0,
    errors: new Tally(),
    rejections: new Tally(),
    entitlement: new Tally(),
    hubOddities: new Tally(),
    result: {}, // the scenario's own figures, filled in as it goes so a cut-short run still reports them
  };
  return run;
}

/**
 * Runs a scenario within the run's hard timeout: when it passes, the run is aborted and every wait winds down
 * within --command-timeout; `onStuck` is called if the scenario has still not returned 15 s after that.
 * Resolves with false when the scenario threw (its error is in the run's errors).
 */
export async function runBounded(run, scenario, onStuck) {
  const deadline = setTimeout(() => {
    run.timedOut = true;
    run.abort(new Error('hard timeout'));
    setTimeout(() => {
      run.errors.add('the run did not wind down after the hard timeout');
      onStuck();
    }, run.commandTimeoutMs + 15_000).unref();
  }, run.options.timeoutMs);
  try {
    await scenario();
    return true;
  } catch (error) {
    run.errors.add(`run failed: ${error.message}`);
    return false;
  } finally {
    clearTimeout(deadline);
    run.memory.stop();
  }
}

/**
 * Runs the measured part of a scenario between two memory marks (`from` already taken): commands per second,
 * the machine's load average meanwhile, and with a server pid the server's CPU per accepted command.
 */
export async function measurePhase(run, from, to, body) {
  const { memory } = run;
  const load = sampleLoadAverage();
  const [sent, accepted] = [run.commands, run.accepted];
  const started = performance.now();
  const ownCpu = process.cpuUsage();
  const own = await body();
  const seconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(ownCpu);
  memory.mark(to);
  const figures = {
    seconds: round(seconds),
    commands: run.commands - sent,
    accepted: run.accepted - accepted,
    commandsPerSecond: round((run.accepted - accepted) / seconds),
    loadAverage: load.stop(),
    ...own,
  };
  // The load generator shares the machine: what it spends per command is taken from the server's cores.
  figures.loadgenCpuMsPerCommand = figures.accepted === 0 ? null : round((user + system) / 1000 / figures.accepted);
  if (memory.enabled) {
    const cpu = cpuSecondsBetween(memory, from, to);
    figures.serverCpuMsPerCommand = cpu === null || figures.accepted === 0 ? null : round((cpu * 1000) / figures.accepted);
    figures.serverCoresBusy = coresBetween(memory, from, to);
    figures.serverRunQueueWaitPerSecond = runQueueWaitBetween(memory, from, to);
  }
  return figures;
}

/**
 * Warms the server before measuring (a cold server spends about twice the CPU per command compiling): `body`
 * drives a few games on a run of its own, so none of its figures mix with the measured ones, and returns the
 * seats it opened and its own figures. After each pass it waits for the server to settle (see serverSettled).
 * Tiered compilation keeps recompiling hot code for more than one full-size pass, so with the server's pid it
 * repeats the pass, up to --warmup-passes, until its play costs the server within a tenth of the CPU per accepted
 * command of the pass before: the server the measured phase meets is the one a seminar meets after its first hour.
 */
export async function warmUp(run, body) {
  const pid = run.options.serverPid ?? null;
  const started = performance.now();
  const passes = [];
  let figures = {};
  for (let pass = 1; pass <= run.options.warmupPasses && !run.signal.aborted; pass++) {
    const warm = createRun({ ...run.options, serverPid: null });
    warm.signal = run.signal;
    warm.serverCpuSeconds = 0;
    // The body wraps its play in `playing`, so joins and whole views at the start do not count: as in measurePhase.
    warm.playing = async (play) => {
      const before = pid === null ? 0 : readCpuSeconds(pid);
      try { return await play(); } finally { if (pid !== null) warm.serverCpuSeconds += readCpuSeconds(pid) - before; }
    };
    const { seats, ...own } = await body(warm);
    const cpuMsPerCommand = pid === null || warm.accepted === 0 ? null : round((warm.serverCpuSeconds * 1000) / warm.accepted);
    warm.stopping = true;
    await inParallel(seats, run.options.concurrency, { aborted: false }, (seat) => seat.close());
    // What went wrong while warming up is reported with the run: a leak or an odd push is one wherever it happens.
    for (const kind of ['errors', 'hubOddities', 'entitlement'])
      for (const [what, n] of Object.entries(warm[kind].toJSON())) run[kind].add(`warm-up: ${what}`, n);
    const settledSeconds = await serverSettled(pid, run.signal);
    passes.push({ commands: warm.accepted, serverCpuMsPerCommand: cpuMsPerCommand, settledSeconds });
    figures = own;
    const previous = passes.at(-2)?.serverCpuMsPerCommand;
    if (cpuMsPerCommand === null || (previous && Math.abs(cpuMsPerCommand - previous) <= 0.1 * previous)) break;
  }
  return { ...figures, passes, commands: passes.reduce((n, p) => n + p.commands, 0), seconds: round((performance.now() - started) / 1000) };
}

/**
 * After the warm-up the runtime is still compiling hot methods at its higher tier in the background (measured: a
 * 100-game run right after a warm-up cost twice the server CPU per command of the next run). Waits until the server
 * process is idle — under a tenth of a core over two half-second samples running — at most 60 s; a second when the
 * server is not ours to watch. Returns the seconds waited.
 */
async function serverSettled(pid, signal) {
  const started = performance.now();
  if (pid === null || pid === undefined) {
    await sleep(1000, signal);
    return 1;
  }
  const sampleMs = 500;
  let quiet = 0;
  let cpu = readCpuSeconds(pid);
  while (quiet < 2 && performance.now() - started < 60_000 && !signal?.aborted) {
    await sleep(sampleMs, signal);
    const now = readCpuSeconds(pid);
    quiet = now - cpu < 0.1 * (sampleMs / 1000) ? quiet + 1 : 0;
    cpu = now;
  }
  return round((performance.now() - started) / 1000);
}

/** The 1-minute load average sampled every second until stopped: { min, mean, max }. */
function sampleLoadAverage() {
  const samples = [os.loadavg()[0]];
  const timer = setInterval(() => samples.push(os.loadavg()[0]), 1000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      samples.push(os.loadavg()[0]);
      const r2 = (x) => Math.round(x * 100) / 100;
      return { min: r2(Math.min(...samples)), mean: r2(samples.reduce((a, b) => a + b, 0) / samples.length), max: r2(Math.max(...samples)) };
    },
  };
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
    deltasReceived: run.deltasReceived,
    wholeViewsWatched: run.wholeViewsWatched,
    entitlementViolations: run.entitlement.toJSON(),
    hubOddities: run.hubOddities.toJSON(),
    errors: run.errors.toJSON(),
    server: run.memory.toJSON(),
    loadgenCpuSeconds: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1e4) / 100,
  };
}
