import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runScenario, serverForTests } from '../src/testing.mjs';
import { boardgameioInstalled } from '../src/compare.mjs';

// boardgame.io is an optional dependency: without it, compare skips that baseline and so does this test.
const skip = boardgameioInstalled() ? false : 'boardgame.io 0.50 is not installed (optional dependency)';

const boardgameioServer = serverForTests('boardgameio', { skip });

test('boardgameio: every move reaches all six players of its match, once', { skip, timeout: 120_000 }, async () => {
  const { boardgameio } = await import('../src/scenarios/boardgameio.mjs');
  const r = await runScenario(boardgameioServer.server, boardgameio, ['boardgameio', '--games', '3', '--ops', '12', '--warmup', '1', '--command-timeout', '15']);
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
