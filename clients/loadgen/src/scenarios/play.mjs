import { performance } from 'node:perf_hooks';
import { inParallel, round } from '../stats.mjs';
import { chooseScenario } from '../rest.mjs';
import { Seat, errorCode } from '../hub.mjs';
import { FACILITATOR, PUBLIC, roleAudience } from '../entitlement.mjs';
import { perItemKiB } from '../server-memory.mjs';
import { measurePhase, sleep, warmUp } from '../run.mjs';
import { createGames } from './games.mjs';

const ROLES = ['UA', 'RU', 'US', 'EU'];
/** The audiences of a game, as the scenario names them: the four roles, the facilitator and the public (observers). */
const EVERYONE = [...ROLES, 'facilitator', 'public'];

/**
 * Plays whole turns in many games at once, each game driven by its own seats: the facilitator advances the
 * phases; in negotiation every role makes a statement, Ukraine messages the guarantors privately, and a
 * proposal is made and accepted by its parties; in the orders phase every role submits orders of its kind.
 *
 * After each accepted command the game waits for the view carrying it at every seat whose audience may see it
 * (the visibility rule of each step is written next to it below), and at no other: the server pushes a view
 * only to audiences that see a change. A view that carries no change its seat was waiting for is reported as
 * unexpected: either a push that tells an audience about something it cannot see, or a step whose rule here is wrong.
 * Before the measured games, warm-up games play their first `--warmup-turns` turns, so the JIT has compiled the
 * server's paths and the figures are those of a warm server.
 */
export async function play(run, rest) {
  const { options, memory, result } = run;
  const scenario = await chooseScenario(rest, options.scenarioId, options.turns);
  const turns = Math.min(options.turns, scenario.turns);
  Object.assign(result, { scenarioId: scenario.id, turns });

  if (options.warmup > 0) result.warmup = await warmUp(run, warmUpGames(rest, scenario.id, turns));

  memory.mark('before');
  const { games, figures } = await createGames(run, rest, scenario.id, options.games);
  result.create = figures;
  const tables = await seatGames(run, games);
  const ready = tables.filter((t) => t.ready);
  memory.mark('after-join');

  const bytesBefore = receivedBytes(ready);
  result.play = await measurePhase(run, 'after-join', 'after-play', async () => {
    const outcomes = await Promise.all(ready.map((table) => playGame(run, table, turns)));
    return { turnsPlayed: outcomes.reduce((n, t) => n + t, 0), gamesCompleted: outcomes.filter((t) => t === turns).length };
  });
  result.play.bytesPerCommandPerAudience = bytesPerCommand(ready, bytesBefore, result.play.accepted);
  result.lastViewBytes = lastViewBytes(ready);

  run.stopping = true;
  await inParallel(tables.flatMap((t) => t.seats), options.concurrency, { aborted: false }, (seat) => seat.close());
  memory.mark('after-close');
  if (memory.enabled) result.memoryPerPlayingGameKiB = perItemKiB(memory, 'before', 'after-play', ready.length);
}

/** Commands each game sends in `turns` turns of play: 15 on odd turns (one acceptor), 16 on even turns (two). */
export function commandsPerGame(turns) {
  let n = 0;
  for (let turn = 1; turn <= turns; turn++) n += 4 /* advances */ + ROLES.length /* statements */ + 1 /* private */ + 1 /* proposal */ + (turn % 2 === 1 ? 1 : 2) + ROLES.length /* orders */;
  return n;
}

/** The first `--warmup-turns` turns (at most `turns`, the scenario's) of `--warmup` other games. */
export function warmUpGames(rest, scenarioId, turns = 1) {
  return async (warm) => {
    const { games } = await createGames(warm, rest, scenarioId, warm.options.warmup);
    const tables = await seatGames(warm, games);
    const warmTurns = Math.min(warm.options.warmupTurns ?? 1, turns);
    const outcomes = await warm.playing(() => Promise.all(tables.filter((t) => t.ready).map((table) => playGame(warm, table, warmTurns))));
    return { seats: tables.flatMap((t) => t.seats), games: games.length, turnsPlayed: outcomes.reduce((n, t) => n + t, 0) };
  };
}

/** Joins every game's seats: four roles, the facilitator and the observers. */
export async function seatGames(run, games) {
  const { options, result } = run;
  const tables = [];
  const joining = performance.now();
  await inParallel(games, Math.max(1, Math.floor(options.concurrency / 4)), run.signal, async (game, i) => {
    const roles = Object.fromEntries(ROLES.map((role) => [role, new Seat(run, `${role} ${i}`, { audience: roleAudience(role) })]));
    const facilitator = new Seat(run, `facilitator ${i}`, { audience: FACILITATOR });
    const observers = Array.from({ length: options.observers }, (_, k) => new Seat(run, `observer ${i}.${k}`, { audience: PUBLIC }));
    const table = {
      game, roles, facilitator, observers,
      seats: [...Object.values(roles), facilitator, ...observers],
      byAudience: { ...Object.fromEntries(ROLES.map((role) => [role, [roles[role]]])), facilitator: [facilitator], public: observers },
    };
    tables.push(table);
    const joins = await Promise.all([
      ...ROLES.map((role) => roles[role].open('JoinWithCode', game.joinCodes[role], `${role} player ${i}`)),
      facilitator.open('JoinAsFacilitator', game.gameId, game.facilitatorKey),
      ...observers.map((seat, k) => seat.open('JoinWithCode', game.observerCode, `Observer ${i}.${k}`)),
    ]);
    table.ready = joins.every(Boolean);
  });
  result.join = { games: tables.length, readyGames: tables.filter((t) => t.ready).length, connections: tables.reduce((n, t) => n + t.seats.filter((s) => s.join).length, 0), seconds: round((performance.now() - joining) / 1000) };
  return tables;
}

/** Plays `turns` turns of one game; returns how many were completed. */
export async function playGame(run, table, turns) {
  const { roles, facilitator, seats, byAudience } = table;
  const fail = (why) => { run.errors.add(`game stopped: ${why}`); return false; };
  for (const seat of seats) seat.strict = true;

  /**
   * One command, then the time until every seat that may see it has the view carrying it. `seenBy` names the
   * audiences entitled to see the change and `carries(view)` recognises it in a view.
   */
  const step = async (seat, seenBy, carries, method, ...args) => {
    const watches = seenBy.flatMap((audience) => byAudience[audience]).filter((s) => !s.closed).map((s) => s.watch(carries));
    const sent = await seat.command(method, ...args);
    if (!sent?.result?.accepted) {
      for (const w of watches) w.cancel();
      return null;
    }
    await Promise.all(watches.map(async (w) => {
      try {
        run.stats.viewPush.add((await w.arrival(run.commandTimeoutMs)) - sent.sent);
      } catch (error) {
        run.errors.add(`view: ${errorCode(error)}`);
      }
    }));
    if (run.options.thinkMs > 0) await sleep(run.options.thinkMs, run.signal);
    return sent.result;
  };

  // Phases and turns are public: everyone sees the advance.
  const advanceFrom = async (turn, phase) => {
    const at = facilitator.latestView?.phase;
    if (at !== phase) return fail(`expected the ${phase} phase, the facilitator's view shows ${at}`);
    const moved = (v) => v.ended || v.turn !== turn || v.phase !== phase;
    return (await step(facilitator, EVERYONE, moved, 'AdvancePhase')) !== null || fail(`AdvancePhase from ${phase} failed`);
  };
  // A public statement reaches everyone; a private message its sender, its addressees and the facilitator.
  const post = (from, to, text) => {
    const seenBy = to.length === 0 ? EVERYONE : [from, ...to, 'facilitator'];
    return step(roles[from], seenBy, (v) => (v.messages ?? []).some((m) => m.from === from && m.text === text), 'PostMessage', { to, text });
  };
  // That a role has submitted orders is public (what they are is not): everyone sees a first submission.
  const submit = (role, turn) => step(roles[role], EVERYONE, (v) => (v.roles ?? []).some((r) => r.role === role && r.ordersSubmitted),
    'SubmitOrders', ordersFor(role, turn, roles[role].latestView));

  for (let turn = 1; turn <= turns; turn++) {
    if (run.signal.aborted) return turn - 1;
    if (!await advanceFrom(turn, 'Briefing')) return turn - 1;

    await Promise.all(ROLES.map((role) => post(role, [], `${role} statement, turn ${turn}: we are ready to talk.`)));
    await post('UA', ['US', 'EU'], `Private to the guarantors, turn ${turn}: what would you commit?`);
    await negotiate(step, roles, turn);

    if (!await advanceFrom(turn, 'Negotiation')) return turn - 1;
    await Promise.all(ROLES.map((role) => submit(role, turn)));
    if (!await advanceFrom(turn, 'Orders')) return turn - 1;
    if (!await advanceFrom(turn, 'Debrief')) return turn - 1;
  }
  return turns;
}

/**
 * Odd turns: Ukraine proposes a ceasefire and Russia accepts. Even turns: the US proposes a joint guarantee,
 * Europe and Ukraine accept. A proposal and the answers to it are seen by its proposer, its parties and the
 * facilitator; it becomes public only when signed, as the negotiation phase closes.
 */
async function negotiate(step, roles, turn) {
  const [proposer, terms, parties, acceptors] = turn % 2 === 1
    ? ['UA', { kind: 'ceasefire', durationTurns: 4, line: 'Freeze', dmzWidthKm: 10, monitoring: 'UnarmedMonitors', monitorsFrom: ['OSCE'], jointCommission: true, specificity: 'Specific', sanctionsRelief: 'Phased', prisonerExchange: true }, ['UA', 'RU'], ['RU']]
    : ['US', { kind: 'guarantee', durationTurns: 4, guarantors: ['US', 'EU'], legalForm: 'ExecutiveAgreement', trigger: 'Consultative', armsAndIntelligence: true }, ['US', 'EU', 'UA'], ['EU', 'UA']];
  const seenBy = [...new Set([proposer, ...parties, 'facilitator'])];
  const kind = terms.kind === 'ceasefire' ? 'Ceasefire' : 'Guarantee';
  const made = await step(roles[proposer], seenBy, (v) => (v.proposals ?? []).some((p) => p.proposer === proposer && p.kind === kind && p.proposedTurn === turn), 'Propose', terms);
  if (!made) return;
  const mine = (roles[proposer].latestView?.proposals ?? []).filter((p) => p.proposer === proposer && p.status === 'Proposed');
  if (mine.length === 0) return;
  const id = Math.max(...mine.map((p) => p.id));
  const accepted = (role) => (v) => (v.proposals ?? []).some((p) => p.id === id && (p.responses ?? []).some((r) => r.role === role && r.response === 'Accepted'));
  await Promise.all(acceptors.map((role) => step(roles[role], seenBy, accepted(role), 'RespondToProposal', id, 'Accept')));
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

const receivedBytes = (tables) => tables.map((t) => Object.values(t.byAudience).map((seats) => seats[0]?.bytesReceived ?? null));

/**
 * Bytes the server sent per accepted command to one connection of each audience, averaged over audiences (an
 * audience that does not see a command receives nothing for it); also per kind of audience.
 */
function bytesPerCommand(tables, before, commands) {
  const kinds = { role: 0, facilitator: 0, public: 0 };
  let total = 0;
  let audiences = 0;
  tables.forEach((t, g) => Object.entries(t.byAudience).forEach(([audience, seats], a) => {
    if (!seats[0]) return;
    const bytes = seats[0].bytesReceived - before[g][a];
    if (ROLES.includes(audience)) kinds.role += bytes / ROLES.length;
    else kinds[audience] += bytes;
    total += bytes;
    audiences++;
  }));
  if (commands === 0 || audiences === 0) return null;
  const perGame = audiences / tables.length;
  return {
    mean: Math.round(total / commands / perGame),
    role: Math.round(kinds.role / commands),
    facilitator: Math.round(kinds.facilitator / commands),
    ...(tables[0]?.observers.length ? { observer: Math.round(kinds.public / commands) } : {}),
  };
}

/** Mean size of the last view each kind of seat holds, as JSON: what one whole view of one audience costs by the end. */
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
