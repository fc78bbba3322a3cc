import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runScenario, serverForTests } from '../src/testing.mjs';
import { commandsPerGame, play } from '../src/scenarios/play.mjs';

// A real Wargame server (the Release build) on a free loopback port, with a fresh data directory.
const wargame = serverForTests('wargame');

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
  const r = await runScenario(wargame.server, play, ['play', '--games', '2', '--turns', '2', '--warmup', '1', '--command-timeout', '15']);

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
  assertMostlyDeltas(r);
  assert.ok(measured.loadAverage.min <= measured.loadAverage.mean && measured.loadAverage.mean <= measured.loadAverage.max);
});

test('a MessagePack client plays a turn: the same views and deltas, in the same shape, as a JSON client', { timeout: 300_000 }, async () => {
  const r = await runScenario(wargame.server, play, ['play', '--games', '1', '--turns', '1', '--warmup', '0', '--protocol', 'msgpack', '--command-timeout', '15']);

  assert.deepEqual(r.errors, {});
  // The entitlement check reads the views' camelCase fields and enum names: they arrive as in JSON.
  assert.deepEqual(r.entitlementViolations, {});
  assert.deepEqual(r.hubOddities, {});
  assert.equal(r.result.play.gamesCompleted, 1);
  assert.equal(r.result.play.accepted, commandsPerGame(1));
  assert.equal(r.latencyMs.viewPush.count, viewsExpectedInTurn(1));
  assertMostlyDeltas(r);
});

/**
 * The watched changes came as deltas; a whole view held one only as the node's fallback (a newcomer's first push, or
 * a delta that overtook another on the way): at most one in ten.
 */
function assertMostlyDeltas(r) {
  const watched = r.latencyMs.viewPush.count;
  const described = `${r.deltasReceived} deltas and ${r.wholeViewsWatched} whole views for ${watched} watched views`;
  assert.ok(r.deltasReceived >= watched - r.wholeViewsWatched, described);
  assert.ok(r.wholeViewsWatched * 10 <= watched, described);
}
