import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseOptions } from '../src/options.mjs';
import { createRun, report } from '../src/run.mjs';
import { startServer } from '../src/servers.mjs';
import { boardgameioInstalled } from '../src/compare.mjs';

// boardgame.io is an optional dependency: without it, compare skips that baseline and so does this test.
const skip = boardgameioInstalled() ? false : 'boardgame.io 0.50 is not installed (optional dependency)';

let server;
before(async () => {
  if (!skip) server = await startServer('boardgameio');
}, { timeout: 120_000 });
after(() => server?.stop());

test('boardgameio: every move reaches all six players of its match, once', { skip, timeout: 120_000 }, async () => {
  const { boardgameio } = await import('../src/scenarios/boardgameio.mjs');
  const options = parseOptions(['boardgameio', '--url', server.url.href, '--games', '3', '--ops', '12', '--warmup', '1', '--command-timeout', '15']);
  const run = createRun({ ...options, serverPid: server.pid });
  await boardgameio(run);
  const r = report(run);
  assert.deepEqual(r.errors, {});
  assert.deepEqual(r.hubOddities, {});
  assert.equal(r.result.join.connections, 3 * 6);
  assert.equal(r.result.play.accepted, 3 * 12);
  assert.equal(r.latencyMs.viewPush.count, 3 * 12 * 6);
  assert.equal(r.latencyMs.commandRoundTrip.count, 3 * 12);
  assert.ok(r.latencyMs.viewPush.min >= 0);
  // The state carries the 1 KB payload beside boardgame.io's ctx and log.
  assert.ok(r.result.play.bytesPerCommandPerAudience.mean > 1024, JSON.stringify(r.result.play.bytesPerCommandPerAudience));
});
