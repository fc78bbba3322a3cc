// What the load generator's own tests share: a real server per test file, and running a scenario as the CLI would.
import { after, before } from 'node:test';
import { parseOptions } from './options.mjs';
import { RestClient } from './rest.mjs';
import { createRun, report } from './run.mjs';
import { buildServer, startServer } from './servers.mjs';

/**
 * Starts a `kind` server (`wargame` or `bare`: the Release build, built if missing; `boardgameio`) on a free loopback
 * port before the file's tests and stops it after them. `skip` leaves it unstarted; `args` are the server's own
 * settings. Read `.server` inside a test.
 */
export function serverForTests(kind, { skip = false, args = [] } = {}) {
  const handle = { server: undefined };
  before(async () => {
    if (skip) return;
    if (kind !== 'boardgameio') await buildServer(kind, { always: false });
    handle.server = await startServer(kind, { args });
  }, { timeout: 600_000 });
  after(() => handle.server?.stop());
  return handle;
}

/** Runs `scenario` against `server` with the CLI arguments `args` (the scenario's name first) and returns its report. */
export async function runScenario(server, scenario, args) {
  const [name, ...flags] = args;
  const options = parseOptions([name, '--url', server.url.href, ...flags]);
  const run = createRun({ ...options, serverPid: server.pid });
  const rest = new RestClient(options.url);
  try {
    await scenario(run, rest);
  } finally {
    rest.close();
  }
  return report(run);
}
