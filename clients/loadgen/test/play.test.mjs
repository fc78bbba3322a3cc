import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseOptions } from '../src/options.mjs';
import { RestClient } from '../src/rest.mjs';
import { createRun, report } from '../src/run.mjs';
import { buildServer, startServer } from '../src/servers.mjs';
import { commandsPerGame, play } from '../src/scenarios/play.mjs';

// A real Wargame server (the Release build) on a free loopback port, with a fresh data directory.
let server;
before(async () => {
  await buildServer('wargame', { always: false });
  server = await startServer('wargame');
}, { timeout: 600_000 });
after(() => server?.stop());

/** Seats that may see each command of one turn (four roles, the facilitator, one observer). */
function viewsExpectedInTurn(turn) {
  const everyone = 6;
  const advances = 4 * everyone;
  const statements = 4 * everyone;
  const privateMessage = 4; // Ukraine, the US, Europe and the facilitator
  const [proposal, acceptances] = turn % 2 === 1
    ? [3, 1 * 3] // a ceasefire: Ukraine, Russia and the facilitator; Russia accepts
    : [4, 2 * 4]; // a guarantee: the US, Europe, Ukraine and the facilitator; Europe and Ukraine accept
  const orders = 4 * everyone; // that a role has submitted is public
  return advances + statements + privateMessage + proposal + acceptances + orders;
}

test('play waits at every seat that may see a command, and only there, timing each view from its own command', { timeout: 300_000 }, async () => {
  const options = parseOptions(['play', '--url', server.url.href, '--games', '2', '--turns', '2', '--warmup', '1', '--command-timeout', '15']);
  const run = createRun({ ...options, serverPid: server.pid });
  const rest = new RestClient(options.url);
  try {
    await play(run, rest);
  } finally {
    rest.close();
  }
  const r = report(run);

  // Waiting at a seat that cannot see a command (the old behaviour) ends in view timeouts here.
  assert.deepEqual(r.errors, {});
  assert.deepEqual(r.entitlementViolations, {});
  // Every view that arrived carried a change its seat was waiting for: no push tells a seat about what it cannot see.
  assert.deepEqual(r.hubOddities, {});
  assert.equal(r.result.play.gamesCompleted, 2);
  assert.equal(r.result.play.accepted, 2 * commandsPerGame(2));
  assert.equal(r.latencyMs.viewPush.count, 2 * (viewsExpectedInTurn(1) + viewsExpectedInTurn(2)));
  assert.ok(r.latencyMs.viewPush.min >= 0, `a view timed before its command was sent: ${r.latencyMs.viewPush.min} ms`);

  // The warm-up game played its first turn on a run of its own: none of its commands are among the measured.
  const { warmup } = r.result;
  assert.deepEqual([warmup.games, warmup.turnsPlayed, warmup.commands], [1, 1, commandsPerGame(1)]);
  assert.equal(r.latencyMs.commandRoundTrip.count, 2 * commandsPerGame(2));

  const measured = r.result.play;
  assert.ok(measured.serverCpuMsPerCommand > 0, 'server CPU per command is measured');
  assert.ok(measured.bytesPerCommandPerAudience.mean > 0, `views are pushed: ${JSON.stringify(measured.bytesPerCommandPerAudience)}`);
  // After its whole view at the join, a seat receives deltas, which it merged into the views the watches matched.
  assert.ok(r.deltasReceived >= r.latencyMs.viewPush.count, `${r.deltasReceived} deltas for ${r.latencyMs.viewPush.count} watched views`);
  assert.ok(measured.loadAverage.min <= measured.loadAverage.mean && measured.loadAverage.mean <= measured.loadAverage.max);
});
