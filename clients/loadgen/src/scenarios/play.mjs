import { performance } from 'node:perf_hooks';
import { inParallel, round } from '../stats.mjs';
import { chooseScenario } from '../rest.mjs';
import { Seat, errorCode } from '../hub.mjs';
import { FACILITATOR, PUBLIC, roleAudience } from '../entitlement.mjs';
import { coresBetween, perItemKiB, runQueueWaitBetween } from '../server-memory.mjs';
import { sleep } from '../run.mjs';
import { createGames } from './games.mjs';

const ROLES = ['UA', 'RU', 'US', 'EU'];

/**
 * Plays whole turns in many games at once, each game driven by its own seats: the facilitator advances the
 * phases; in negotiation every role makes a statement, Ukraine messages the guarantors privately, and a
 * proposal is made and accepted by its parties; in the orders phase every role submits orders of its kind.
 */
export async function play(run, rest) {
  const { options, memory, result } = run;
  const scenario = await chooseScenario(rest, options.scenarioId, options.turns);
  const turns = Math.min(options.turns, scenario.turns);
  Object.assign(result, { scenarioId: scenario.id, turns });
  memory.mark('before');
  const { games, figures } = await createGames(run, rest, scenario.id, options.games);
  result.create = figures;

  const tables = [];
  const joining = performance.now();
  await inParallel(games, Math.max(1, Math.floor(options.concurrency / 4)), run.signal, async (game, i) => {
    const table = { game, roles: {}, observers: [], facilitator: new Seat(run, `facilitator ${i}`, FACILITATOR), seats: [] };
    for (const role of ROLES) table.roles[role] = new Seat(run, `${role} ${i}`, roleAudience(role));
    for (let k = 0; k < options.observers; k++) table.observers.push(new Seat(run, `observer ${i}.${k}`, PUBLIC));
    table.seats = [...Object.values(table.roles), table.facilitator, ...table.observers];
    tables.push(table);
    const joins = await Promise.all([
      ...ROLES.map((role) => table.roles[role].open('JoinWithCode', game.joinCodes[role], `${role} player ${i}`)),
      table.facilitator.open('JoinAsFacilitator', game.gameId, game.facilitatorKey),
      ...table.observers.map((seat, k) => seat.open('JoinWithCode', game.observerCode, `Observer ${i}.${k}`)),
    ]);
    table.ready = joins.every(Boolean);
  });
  const ready = tables.filter((t) => t.ready);
  result.join = { games: tables.length, readyGames: ready.length, connections: tables.reduce((n, t) => n + t.seats.filter((s) => s.join).length, 0), seconds: round((performance.now() - joining) / 1000) };
  memory.mark('after-join');

  const playing = performance.now();
  const commandsBefore = run.commands;
  const outcomes = await Promise.all(ready.map((table) => playGame(run, table, turns)));
  const seconds = (performance.now() - playing) / 1000;
  result.play = {
    seconds: round(seconds),
    commands: run.commands - commandsBefore,
    commandsPerSecond: round((run.commands - commandsBefore) / seconds),
    turnsPlayed: outcomes.reduce((n, t) => n + t, 0),
    gamesCompleted: outcomes.filter((t) => t === turns).length,
  };
  memory.mark('after-play');
  result.lastViewBytes = lastViewBytes(ready);

  run.stopping = true;
  await inParallel(tables.flatMap((t) => t.seats), options.concurrency, { aborted: false }, (seat) => seat.close());
  memory.mark('after-close');
  if (memory.enabled) {
    result.memoryPerPlayingGameKiB = perItemKiB(memory, 'before', 'after-play', ready.length);
    result.serverCoresBusy = { join: coresBetween(memory, 'before', 'after-join'), play: coresBetween(memory, 'after-join', 'after-play') };
    result.serverRunQueueWaitPerSecond = { join: runQueueWaitBetween(memory, 'before', 'after-join'), play: runQueueWaitBetween(memory, 'after-join', 'after-play') };
  }
}

/** Mean size of the last view each kind of seat holds, as JSON: what one push of one audience costs by the end. */
function lastViewBytes(tables) {
  const sizes = { role: [], facilitator: [], observer: [] };
  for (const t of tables) {
    for (const seat of Object.values(t.roles)) if (seat.latestView) sizes.role.push(JSON.stringify(seat.latestView).length);
    if (t.facilitator.latestView) sizes.facilitator.push(JSON.stringify(t.facilitator.latestView).length);
    for (const seat of t.observers) if (seat.latestView) sizes.observer.push(JSON.stringify(seat.latestView).length);
  }
  const mean = (xs) => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : null);
  return { role: mean(sizes.role), facilitator: mean(sizes.facilitator), observer: mean(sizes.observer) };
}

/** Plays `turns` turns of one game; returns how many were completed. */
async function playGame(run, table, turns) {
  const { roles, facilitator, seats } = table;
  const fail = (why) => { run.errors.add(`game stopped: ${why}`); return false; };

  // One command, then the time until every connection of the game has the view of its result.
  const step = async (seat, method, ...args) => {
    const sent = await seat.command(method, ...args);
    if (!sent?.result?.accepted) return null;
    await Promise.all(seats.filter((s) => !s.closed).map(async (s) => {
      try {
        run.stats.viewPush.add((await s.waitForVersion(sent.result.version)) - sent.sent);
      } catch (error) {
        run.errors.add(`view: ${errorCode(error)}`);
      }
    }));
    if (run.options.thinkMs > 0) await sleep(run.options.thinkMs, run.signal);
    return sent.result;
  };
  const advanceFrom = async (phase) => {
    const at = facilitator.latestView?.phase;
    if (at !== phase) return fail(`expected the ${phase} phase, the facilitator's view shows ${at}`);
    return (await step(facilitator, 'AdvancePhase')) !== null || fail(`AdvancePhase from ${phase} failed`);
  };

  for (let turn = 1; turn <= turns; turn++) {
    if (run.signal.aborted) return turn - 1;
    if (!await advanceFrom('Briefing')) return turn - 1;

    await Promise.all(ROLES.map((role) => step(roles[role], 'PostMessage', { to: [], text: `${role} statement, turn ${turn}: we are ready to talk.` })));
    await step(roles.UA, 'PostMessage', { to: ['US', 'EU'], text: `Private to the guarantors, turn ${turn}: what would you commit?` });
    await negotiate(step, roles, turn);

    if (!await advanceFrom('Negotiation')) return turn - 1;
    await Promise.all(ROLES.map((role) => step(roles[role], 'SubmitOrders', ordersFor(role, turn, roles[role].latestView))));
    if (!await advanceFrom('Orders')) return turn - 1;
    if (!await advanceFrom('Debrief')) return turn - 1;
  }
  return turns;
}

/** Odd turns: Ukraine proposes a ceasefire and Russia accepts. Even turns: the US proposes a joint guarantee, Europe and Ukraine accept. */
async function negotiate(step, roles, turn) {
  const [proposer, terms, acceptors] = turn % 2 === 1
    ? ['UA', { kind: 'ceasefire', durationTurns: 4, line: 'Freeze', dmzWidthKm: 10, monitoring: 'UnarmedMonitors', monitorsFrom: ['OSCE'], jointCommission: true, specificity: 'Specific', sanctionsRelief: 'Phased', prisonerExchange: true }, ['RU']]
    : ['US', { kind: 'guarantee', durationTurns: 4, guarantors: ['US', 'EU'], legalForm: 'ExecutiveAgreement', trigger: 'Consultative', armsAndIntelligence: true }, ['EU', 'UA']];
  const made = await step(roles[proposer], 'Propose', terms);
  if (!made) return;
  const mine = (roles[proposer].latestView?.proposals ?? []).filter((p) => p.proposer === proposer && p.status === 'Proposed');
  if (mine.length === 0) return;
  const id = Math.max(...mine.map((p) => p.id));
  await Promise.all(acceptors.map((role) => step(roles[role], 'RespondToProposal', id, 'Accept')));
}

/** Orders of the kind each role gives; a guarantor answers a test of its guarantee when the view shows one. */
export function ordersFor(role, turn, view) {
  switch (role) {
    case 'RU': return { kind: 'russia', posture: turn % 3 === 0 ? 'Probe' : 'Comply', rearm: false, sanctionsEvasion: false };
    case 'UA': return { kind: 'ukraine', posture: turn % 2 === 0 ? 'Hold' : 'Fortify', mobilise: false };
    default: {
      const tested = (view?.pendingTests ?? []).some((t) => t.guarantor === role);
      return { kind: 'guarantor', troopChange: 0, troopLocation: 'Rear', armsAndIntelligence: true, sanctions: 'Hold', response: tested ? 'Limited' : null, seekRatification: false, raiseSpending: false };
    }
  }
}
