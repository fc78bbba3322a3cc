import { RestClient } from './rest.mjs';
import { createRun, report, runBounded } from './run.mjs';
import { buildServer, startServer } from './servers.mjs';
import { offersProtocol } from './hub.mjs';
import { play } from './scenarios/play.mjs';
import { BARE_HUB_PATH, bare } from './scenarios/bare.mjs';

/** What compare runs: each target's server and the scenario that drives it. */
export const TARGETS = {
  bare: { label: 'bare SignalR hub', server: 'bare', hubPath: BARE_HUB_PATH, scenario: 'bare', drive: (run) => bare(run) },
  wargame: { label: 'Wargame', server: 'wargame', hubPath: '/hubs/game', scenario: 'play', drive: (run, rest) => play(run, rest) },
};

/**
 * Runs the targets one after another on this machine, each on a fresh server of its own (a Release build on a
 * free loopback port), with the same sizes, warm-up and protocol; `--rounds` repeats the sequence. Absolute
 * rates swing with what else the machine does, so what to read is the ratio within a round.
 */
export async function compare(options, log) {
  const skipped = {};
  const names = options.targets.filter((t) => TARGETS[t]);
  for (const name of names) {
    log(`${options.build ? 'building' : 'checking'} ${TARGETS[name].label} (Release)`);
    await buildServer(TARGETS[name].server, { always: options.build });
  }
  const rounds = [];
  for (let r = 1; r <= options.rounds; r++) {
    const round = {};
    for (const name of names.filter((n) => !skipped[n])) {
      log(`round ${r} of ${options.rounds}: ${TARGETS[name].label}, ${options.games} games of ${5 + options.observers} connections, ${options.protocol}`);
      const outcome = await runTarget(name, options);
      if (outcome.skipped) skipped[name] = outcome.skipped;
      else round[name] = outcome;
    }
    rounds.push(round);
  }
  return { options: { ...options, url: undefined }, skipped, rounds };
}

async function runTarget(name, options) {
  const target = TARGETS[name];
  const server = await startServer(target.server);
  let outcome;
  try {
    if (!await offersProtocol(server.url, target.hubPath, options.protocol))
      return (outcome = { skipped: `${target.label} does not offer the ${options.protocol} hub protocol` });
    const run = createRun({ ...options, scenario: target.scenario, url: server.url, serverPid: server.pid });
    const rest = new RestClient(server.url, { timeoutMs: options.commandTimeoutMs });
    // A run that cannot wind down is abandoned: the server is stopped below, which closes its connections.
    const finished = await Promise.race([
      runBounded(run, () => target.drive(run, rest), () => {}),
      new Promise((resolve) => setTimeout(resolve, options.timeoutMs + options.commandTimeoutMs + 20_000, false).unref()),
    ]);
    rest.close();
    outcome = { ...report(run), target: name, failed: !finished || run.timedOut };
  } finally {
    const { errorLines } = await server.stop();
    if (outcome && !outcome.skipped) outcome.serverErrorLines = errorLines;
  }
  return outcome;
}
