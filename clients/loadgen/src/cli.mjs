#!/usr/bin/env node
import { parseOptions, USAGE } from './options.mjs';
import { RestClient } from './rest.mjs';
import { createRun, report, runBounded } from './run.mjs';
import { compareSummary, summary } from './summary.mjs';
import { compare } from './compare.mjs';
import { idleGames } from './scenarios/idle-games.mjs';
import { connections } from './scenarios/connections.mjs';
import { play } from './scenarios/play.mjs';
import { bare } from './scenarios/bare.mjs';
import { flood, hostile } from './scenarios/hostile.mjs';

const SCENARIOS = {
  'idle-games': idleGames,
  connections,
  play,
  hostile,
  flood,
  bare,
  // An optional dependency: loaded only when asked for.
  boardgameio: async (run) => (await import('./scenarios/boardgameio.mjs')).boardgameio(run),
};

// Exit codes: 0 done, 1 bad usage or the run failed, 2 a connection received a view it is not entitled to,
// 3 the hard timeout cut the run short.
async function main() {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error.message}\n\n${USAGE}`);
    return 1;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (options.scenario === 'compare') return compareMain(options);

  const run = createRun(options);
  const rest = new RestClient(options.url, { sourceAddresses: options.sourceAddresses, timeoutMs: options.commandTimeoutMs });
  const print = () => console.log(options.json ? JSON.stringify(report(run), null, 2) : summary(report(run)));
  const finished = await runBounded(run, () => SCENARIOS[options.scenario](run, rest), () => {
    print();
    process.exit(3);
  });
  rest.close();
  print();
  if (!finished) return 1;
  if (run.entitlement.total > 0) return 2;
  return run.timedOut ? 3 : 0;
}

async function compareMain(options) {
  try {
    const result = await compare(options, (line) => console.error(line));
    console.log(options.json ? JSON.stringify(result, null, 2) : compareSummary(result));
    const reports = result.rounds.flatMap((r) => Object.values(r));
    if (reports.some((r) => r.entitlementViolations && Object.keys(r.entitlementViolations).length > 0)) return 2;
    return reports.some((r) => r.failed) ? 1 : 0;
  } catch (error) {
    console.error(`compare failed: ${error.message}`);
    return 1;
  }
}

process.exitCode = await main();
