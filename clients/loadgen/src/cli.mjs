#!/usr/bin/env node
import { parseOptions, USAGE } from './options.mjs';
import { RestClient } from './rest.mjs';
import { createRun, report } from './run.mjs';
import { summary } from './summary.mjs';
import { idleGames } from './scenarios/idle-games.mjs';
import { connections } from './scenarios/connections.mjs';
import { play } from './scenarios/play.mjs';

const SCENARIOS = { 'idle-games': idleGames, connections, play };

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

  const run = createRun(options);
  const rest = new RestClient(options.url, { sourceAddresses: options.sourceAddresses, timeoutMs: options.commandTimeoutMs });
  const print = () => console.log(options.json ? JSON.stringify(report(run), null, 2) : summary(report(run)));

  const deadline = setTimeout(() => {
    run.timedOut = true;
    run.abort(new Error('hard timeout'));
    // Every wait is bounded by --command-timeout; if the run still has not wound down, report and leave.
    setTimeout(() => {
      run.errors.add('the run did not wind down after the hard timeout; exiting');
      print();
      process.exit(3);
    }, options.commandTimeoutMs + 15_000).unref();
  }, options.timeoutMs);

  let failed = false;
  try {
    await SCENARIOS[options.scenario](run, rest);
  } catch (error) {
    failed = true;
    run.errors.add(`run failed: ${error.message}`);
  } finally {
    clearTimeout(deadline);
    run.memory.stop();
    rest.close();
  }
  print();
  if (failed) return 1;
  if (run.entitlement.total > 0) return 2;
  return run.timedOut ? 3 : 0;
}

process.exitCode = await main();
