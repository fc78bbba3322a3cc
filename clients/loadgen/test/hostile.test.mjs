import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runScenario, serverForTests } from '../src/testing.mjs';
import { commandsPerGame } from '../src/scenarios/play.mjs';
import { hostile, ratios, spread } from '../src/scenarios/hostile.mjs';

// A real Wargame server (the Release build) on a free loopback port, with a fresh data directory. The facilitator's
// burst is lowered from 60 to 10, so the short flood outlasts it (a playing game's facilitator makes 8 calls in 2 turns);
// the playing games pause 100 ms between steps, so the flood runs for seconds however fast the machine plays them.
// A connection is closed after 20 refused calls in a minute (not 60), so the short flood is closed and reconnects.
const wargame = serverForTests('wargame', { args: ['--Wargame:FacilitatorCallBurst', '10', '--Wargame:RefusedCallsPerConnectionPerMinute', '20'] });

const sum = (answers, pattern) => Object.entries(answers).filter(([what]) => pattern.test(what)).reduce((n, [, k]) => n + k, 0);

test('a hostile game flooding beyond every per-seat limit from its own process is refused as the limits say, and the games beside it play on untouched', { timeout: 300_000 }, async () => {
  const r = await runScenario(wargame.server, hostile, ['hostile', '--games', '2', '--turns', '2', '--think-ms', '100', '--warmup', '1', '--flood-rate', '20', '--join-rate', '5', '--command-timeout', '15']);

  // The playing games, alone and beside the flood: every command accepted, every view where it belongs.
  assert.deepEqual(r.errors, {});
  assert.deepEqual(r.entitlementViolations, {});
  assert.deepEqual(r.hubOddities, {});
  const [round] = r.result.rounds;
  for (const kind of ['alone', 'beside'])
    assert.deepEqual([round[kind].gamesCompleted, round[kind].accepted, round[kind].refusedByCode], [2, 2 * commandsPerGame(2), {}], kind);

  const { flood } = round.beside;
  assert.deepEqual(flood.entitlement, {});
  // The only connection errors are the server closing flooding connections.
  assert.deepEqual(Object.keys(flood.connectionErrors).filter((what) => !what.startsWith('connection-closed')), [], JSON.stringify(flood.connectionErrors));
  const { answers } = flood;
  // Ukraine filled its open proposals to the cap (50, counting any the scenario opens with) before the flood began:
  // the game answered too-many-proposals. From then on no proposal of Ukraine's is accepted; each is refused at the
  // cap, or before the game is asked: when the seat's command limit (spent on filling) answers first, or while its
  // connection is being closed, or on a new connection whose Resume the seat's budget refused (not-seated).
  assert.ok(flood.proposalsBeforeTheCap > 0 && flood.proposalsBeforeTheCap <= 50, `${flood.proposalsBeforeTheCap} proposals before the cap`);
  assert.ok(sum(answers, /UA Propose: refused (too-many-proposals|rate-limited)/) > 0, JSON.stringify(answers));
  assert.equal(sum(answers, /UA Propose: (accepted|refused (?!too-many-proposals|rate-limited|connection-closed|not-seated))/), 0, JSON.stringify(answers));
  // Far beyond the command and message rates: most calls are refused before the game is asked.
  assert.ok(sum(answers, /PostMessage: refused rate-limited/) > 0, JSON.stringify(answers));
  assert.ok(sum(answers, /(Propose|SubmitOrders|RespondToProposal): refused rate-limited/) > 0, JSON.stringify(answers));
  assert.ok(sum(answers, /OlderMessages: error rate-limited/) > 0, JSON.stringify(answers));
  // Within its burst a seat is heard, and the game's own rules answer: orders out of phase, ids it cannot see.
  assert.ok(sum(answers, /PostMessage: accepted/) > 0, JSON.stringify(answers));
  assert.ok(sum(answers, /SubmitOrders: refused (?!rate-limited)/) > 0, JSON.stringify(answers));
  assert.equal(sum(answers, /RespondToProposal: accepted/), 0, JSON.stringify(answers));
  // The facilitator's seat is limited too: its notes and deadlines are refused past its burst.
  assert.ok(sum(answers, /facilitator (AddNote|SetDeadline): refused rate-limited/) > 0, JSON.stringify(answers));
  assert.ok(sum(answers, /facilitator (AddNote|SetDeadline): accepted/) > 0, JSON.stringify(answers));
  // An observer never posts, whatever its rate.
  assert.equal(sum(answers, /observer PostMessage: accepted/), 0, JSON.stringify(answers));
  // Joins with one code: 60 a minute, then refused.
  const joins = sum(answers, /joiner JoinWithCode/);
  const seated = sum(answers, /joiner JoinWithCode: answered/);
  assert.ok(seated > 0 && seated <= 60, `${seated} of ${joins} joins seated: ${JSON.stringify(answers)}`);
  assert.equal(sum(answers, /joiner JoinWithCode: error (?!rate-limited)/), 0, JSON.stringify(answers));
  // A seat that keeps calling past its limits has its connection closed (its last refusal says so), then reconnects
  // and resumes its seat, and floods on.
  assert.ok(sum(answers, /: (refused|error) connection-closed/) > 0, JSON.stringify(answers));
  assert.ok(sum(answers, /connection closed by the server/) > 0, JSON.stringify(answers));
  assert.ok(sum(answers, /reconnect Resume: answered/) > 0, JSON.stringify(answers));
  // Nothing the flood sent went unanswered or failed on the server.
  assert.equal(sum(answers, /error (server-error|invoke-timeout|connect-timeout)/), 0, JSON.stringify(answers));
  assert.ok(flood.callsPerSecond > 20, `the flood sent ${flood.callsPerSecond} calls a second`);
  // It ran as a process of its own, which ended cleanly when stopped.
  assert.equal(flood.process.exit, 0, JSON.stringify(flood.process));

  // The ratios are computed from the two runs side by side.
  assert.equal(r.result.ratio.commandsPerSecond, Math.round((round.beside.commandsPerSecond / round.alone.commandsPerSecond) * 1000) / 1000);
});

test('the ratios average each round\'s beside-the-flood figure over its alone figure', () => {
  const figures = (cps, p50, p99) => ({ commandsPerSecond: cps, roundTripMs: { p50, p99 }, viewPushMs: { p50, p99 } });
  const rounds = [{ alone: figures(100, 10, 40), beside: figures(90, 12, 40) }, { alone: figures(100, 10, 40), beside: figures(110, 8, 60) }];
  assert.deepEqual(ratios(rounds), { commandsPerSecond: 1, roundTripP50: 1, roundTripP99: 1.25, viewPushP50: 1, viewPushP99: 1.25 });
});

test('the spread reads every round against the mean of the alone rounds', () => {
  const figures = (cps, p50, p99) => ({ commandsPerSecond: cps, roundTripMs: { p50, p99 }, viewPushMs: { p50, p99 } });
  const rounds = [{ alone: figures(90, 10, 40), beside: figures(100, 12, 40) }, { alone: figures(110, 10, 40), beside: figures(120, 8, 60) }];
  assert.deepEqual(spread(rounds).commandsPerSecond, { alone: [90, 110], beside: [100, 120], aloneOverAloneMean: [0.9, 1.1], besideOverAloneMean: [1, 1.2], meanRatio: 1.1 });
  assert.deepEqual(spread(rounds).roundTripP99, { alone: [40, 40], beside: [40, 60], aloneOverAloneMean: [1, 1], besideOverAloneMean: [1, 1.5], meanRatio: 1.25 });
});
