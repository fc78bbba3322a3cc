import { createRequire } from 'node:module';
import { RestClient } from './rest.mjs';
import { createRun, report, runBounded } from './run.mjs';
import { SERVERS, buildServer, startServer } from './servers.mjs';
import { offersProtocol } from './hub.mjs';
import { play } from './scenarios/play.mjs';
import { BARE_HUB_PATH, bare } from './scenarios/bare.mjs';

/** What compare runs: each target's server and the scenario that drives it. */
export const TARGETS = {
  bare: { label: 'bare SignalR hub', server: 'bare', hubPath: BARE_HUB_PATH, scenario: 'bare', drive: (run) => bare(run) },
  // Optional: its packages are optional dependencies, so the scenario is loaded only when they are installed.
  boardgameio: { label: 'boardgame.io 0.50', server: 'boardgameio', hubPath: null, scenario: 'boardgameio', drive: async (run) => (await import('./scenarios/boardgameio.mjs')).boardgameio(run) },
  wargame: { label: 'Wargame', server: 'wargame', hubPath: '/hubs/game', scenario: 'play', drive: (run, rest) => play(run, rest) },
};

/** Whether boardgame.io and socket.io-client are installed (npm leaves out optional dependencies that fail). */
export function boardgameioInstalled() {
  const require = createRequire(import.meta.url);
  try {
    require.resolve('boardgame.io/server');
    require.resolve('socket.io-client');
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs the targets one after another on this machine, each on a fresh server of its own (a Release build on a
 * free loopback port), with the same sizes, warm-up and protocol; `--rounds` repeats the sequence. Absolute
 * rates swing with what else the machine does, so what to read is the ratio within a round.
 */
export async function compare(options, log) {
  const skipped = {};
  if (options.targets.includes('boardgameio') && !boardgameioInstalled())
    skipped.boardgameio = 'its npm packages (boardgame.io 0.50, socket.io-client) are not installed: npm install left out the optional dependencies';
  const names = options.targets.filter((t) => !skipped[t]);
  for (const name of names.filter((n) => SERVERS[TARGETS[n].server].project)) {
    log(`${options.build ? 'building' : 'checking'} ${TARGETS[name].label} (dotnet build -c Release)`);
    await buildServer(TARGETS[name].server, { always: options.build });
  }
  const rounds = [];
  for (let r = 1; r <= options.rounds; r++) {
    const round = {};
    // Every other round runs the targets in reverse, so none always runs first on a machine that warms or cools.
    const order = r % 2 === 1 ? names : [...names].reverse();
    for (const name of order.filter((n) => !skipped[n])) {
      log(`round ${r} of ${options.rounds}: ${TARGETS[name].label}, ${options.games} games of ${5 + options.observers} connections, ${options.protocol}`);
      const outcome = await runTarget(name, options);
      if (outcome.skipped) skipped[name] = outcome.skipped;
      else round[name] = outcome;
    }
    rounds.push(Object.fromEntries(names.filter((n) => round[n]).map((n) => [n, round[n]])));
  }
  return { options: { ...options, url: undefined }, skipped, rounds };
}

async function runTarget(name, options) {
  const target = TARGETS[name];
  const server = await startServer(target.server);
  let outcome;
  try {
    if (target.hubPath && !await offersProtocol(server.url, target.hubPath, options.protocol))
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
