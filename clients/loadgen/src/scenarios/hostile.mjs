import { performance } from 'node:perf_hooks';
import { spawn } from 'node:child_process';
import { setMaxListeners } from 'node:events';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Tally, inParallel, round } from '../stats.mjs';
import { chooseScenario } from '../rest.mjs';
import { Seat, errorCode } from '../hub.mjs';
import { FACILITATOR, PUBLIC, roleAudience } from '../entitlement.mjs';
import { createRun, measurePhase, sleep, warmUp } from '../run.mjs';
import { createGames } from './games.mjs';
import { playGame, seatGames, warmUpGames } from './play.mjs';

const ROLES = ['UA', 'RU', 'US', 'EU'];
/** The line `flood` prints once its game floods the server. */
const FLOODING = 'flooding';
const CLI = fileURLToPath(new URL('../cli.mjs', import.meta.url));
/**
 * The loopback address the hostile game's connections come from (on a 127.x server URL): its players sit elsewhere
 * than the playing games', so the server's per-address limit on new connections applies to them, not to the others.
 */
const FLOOD_ADDRESS = '127.0.0.250';
/** How long a flooding seat whose connection the server closed waits before it connects again. */
const RECONNECT_MS = 250;

/**
 * Whether a hostile game slows the others: the same `play` load (--games games, --turns turns) twice on one server,
 * once alone and once beside one more game whose seats flood the server at --flood-rate calls a second each, far
 * beyond the per-seat limits (commands, messages, pages of older messages, proposals up to the open cap), while a
 * joiner opens a connection and joins with the game's observer code --join-rate times a second (beyond the per-code
 * limit, up to the cap on seats). The two runs alternate order over --rounds; each reports the playing games'
 * commands per second and round trips, and the flood what the server answered it. The flood runs as a process of
 * its own (`flood`), so its calls do not queue on the playing seats' event loop; --think-ms paces the playing games
 * like people, below what the server can take, so a slowdown shows in their latencies.
 */
export async function hostile(run, rest) {
  const { options, result } = run;
  const scenario = await chooseScenario(rest, options.scenarioId, options.turns);
  const turns = Math.min(options.turns, scenario.turns);
  Object.assign(result, { scenarioId: scenario.id, turns, floodCallsPerSeatPerSecond: options.floodRate, joinsPerSecond: options.joinRate });
  if (options.warmup > 0) result.warmup = await warmUp(run, warmUpGames(rest, scenario.id));

  result.rounds = [];
  for (let r = 0; r < options.rounds && !run.signal.aborted; r++) {
    const order = r % 2 === 0 ? ['alone', 'beside'] : ['beside', 'alone'];
    const figures = {};
    for (const kind of order) figures[kind] = await playing(run, rest, scenario.id, turns, kind === 'beside');
    result.rounds.push({ order: order.join(' then '), ...figures });
  }
  result.ratio = ratios(result.rounds);
  result.spread = spread(result.rounds);
}

const MEASURES = {
  commandsPerSecond: (f) => f.commandsPerSecond,
  roundTripP50: (f) => f.roundTripMs.p50,
  roundTripP99: (f) => f.roundTripMs.p99,
  viewPushP50: (f) => f.viewPushMs.p50,
  viewPushP99: (f) => f.viewPushMs.p99,
};

/**
 * Each measure's rounds alone and beside the flood, each over the mean of the alone rounds: the alone rounds' own
 * range is the baseline's round-to-round swing, against which the beside rounds are read.
 */
export function spread(rounds) {
  const r3 = (x) => Math.round(x * 1000) / 1000;
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return Object.fromEntries(Object.entries(MEASURES).map(([name, pick]) => {
    const alone = rounds.map((r) => pick(r.alone)).filter((x) => x != null);
    const beside = rounds.map((r) => pick(r.beside)).filter((x) => x != null);
    const base = alone.length ? mean(alone) : 0;
    if (!(base > 0) || beside.length === 0) return [name, null];
    const range = (xs) => [r3(Math.min(...xs) / base), r3(Math.max(...xs) / base)];
    return [name, { alone, beside, aloneOverAloneMean: range(alone), besideOverAloneMean: range(beside), meanRatio: r3(mean(beside) / base) }];
  }));
}

/** The playing games' commands per second and round trips, beside the flood / alone, over all rounds (mean of the ratios). */
export function ratios(rounds) {
  const mean = (xs) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1000) / 1000 : null);
  const of = (pick) => mean(rounds.map((r) => [pick(r.beside), pick(r.alone)]).filter(([b, a]) => b != null && a > 0).map(([b, a]) => b / a));
  return Object.fromEntries(Object.entries(MEASURES).map(([name, pick]) => [name, of(pick)]));
}

/** One measured run of --games playing games, with or without the hostile game flooding beside them. */
async function playing(run, rest, scenarioId, turns, besideFlood) {
  const measured = createRun(run.options);
  measured.signal = run.signal;
  const flood = !besideFlood ? null : run.options.floodInProcess ? await startFlood(run, rest, scenarioId) : await floodProcess(run, scenarioId);
  const { games } = await createGames(measured, rest, scenarioId, run.options.games);
  const tables = await seatGames(measured, games);
  const ready = tables.filter((t) => t.ready);
  measured.memory.mark('after-join');
  const figures = await measurePhase(measured, 'after-join', 'after-play', async () => {
    const outcomes = await Promise.all(ready.map((table) => playGame(measured, table, turns)));
    return { gamesCompleted: outcomes.filter((t) => t === turns).length };
  });
  const floodFigures = flood ? await flood.stop() : null;
  measured.stopping = true;
  await inParallel(tables.flatMap((t) => t.seats), run.options.concurrency, { aborted: false }, (seat) => seat.close());
  measured.memory.stop();
  // The playing games' problems are the run's: a leak, an odd push or an error counts wherever it happens.
  for (const kind of ['errors', 'hubOddities', 'entitlement'])
    for (const [what, n] of Object.entries(measured[kind].toJSON())) run[kind].add(`${besideFlood ? 'beside the flood' : 'alone'}: ${what}`, n);
  run.commands += measured.commands;
  run.accepted += measured.accepted;
  return {
    games: ready.length,
    gamesCompleted: figures.gamesCompleted,
    accepted: figures.accepted,
    seconds: figures.seconds,
    commandsPerSecond: figures.commandsPerSecond,
    roundTripMs: pick(measured.stats.commandRoundTrip.summary()),
    viewPushMs: pick(measured.stats.viewPush.summary()),
    refusedByCode: measured.rejections.toJSON(),
    loadAverage: figures.loadAverage,
    ...(figures.serverCpuMsPerCommand !== undefined ? { serverCpuMsPerCommand: figures.serverCpuMsPerCommand, serverCoresBusy: figures.serverCoresBusy } : {}),
    ...(floodFigures ? { flood: floodFigures } : {}),
  };
}

const pick = ({ count, p50, p95, p99, max }) => ({ count, p50, p95, p99, max });

/**
 * Creates the hostile game, seats --flood-seats seats of each of its four roles, an observer and its facilitator
 * (who opens the negotiation), and starts every seat flooding. `stop()` ends the flood, closes its connections and returns,
 * per kind of call, what the server answered: accepted, refused by code, or a hub error by code.
 */
export async function startFlood(run, rest, scenarioId) {
  const floodRun = createRun({ ...run.options, serverPid: null });
  floodRun.signal = run.signal;
  const { games } = await createGames(floodRun, rest, scenarioId, 1);
  if (games.length !== 1) throw new Error(`the hostile game could not be created: ${JSON.stringify(floodRun.errors.toJSON())}`);
  const [game] = games;
  const localAddress = /^127\./.test(run.options.url.hostname) ? FLOOD_ADDRESS : null;
  // --flood-seats seats of each role (the first one fills Ukraine's proposals), an observer and the facilitator.
  const seatsOf = Object.fromEntries(ROLES.map((role) => [role, Array.from({ length: run.options.floodSeats }, (_, k) =>
    new Seat(floodRun, `hostile ${role} ${k}`, { audience: roleAudience(role), localAddress }))]));
  const observer = new Seat(floodRun, 'hostile observer', { audience: PUBLIC, localAddress });
  const facilitator = new Seat(floodRun, 'hostile facilitator', { audience: FACILITATOR, localAddress });
  const seats = [...Object.values(seatsOf).flat(), observer, facilitator];
  const joined = await Promise.all([
    ...ROLES.flatMap((role) => seatsOf[role].map((seat, k) => seat.open('JoinWithCode', game.joinCodes[role], `Hostile ${role} ${k}`))),
    observer.open('JoinWithCode', game.observerCode, 'Hostile observer'),
    facilitator.open('JoinAsFacilitator', game.gameId, game.facilitatorKey),
  ]);
  if (!joined.every(Boolean) || !(await facilitator.command('AdvancePhase'))?.result?.accepted)
    throw new Error(`the hostile game could not be seated and opened: ${JSON.stringify(floodRun.errors.toJSON())}`);

  const answers = new Tally();
  const stop = new AbortController();
  setMaxListeners(0, stop.signal); // every flooding seat waits on it
  let n = 0;
  const text = () => `flood ${n++} ${'x'.repeat(200)}`;
  const ceasefire = { kind: 'ceasefire', durationTurns: 4, line: 'Freeze', dmzWidthKm: 10, monitoring: 'UnarmedMonitors', monitorsFrom: ['OSCE'], jointCommission: true, specificity: 'Specific', sanctionsRelief: 'Phased', prisonerExchange: true };
  const guarantee = { kind: 'guarantee', durationTurns: 4, guarantors: ['EU'], legalForm: 'ExecutiveAgreement', trigger: 'Consultative', armsAndIntelligence: true };
  const orders = { kind: 'russia', posture: 'Comply', rearm: false, sanctionsEvasion: false };
  // Ukraine first fills its open proposals to the cap, as fast as its seat's limit lets it, so the flood runs at the cap.
  const cap = await proposeToTheCap(seatsOf.UA[0], ceasefire, run.signal);
  // Each seat cycles through its calls: messages, proposals to the open cap, orders out of phase, answers to ids it
  // cannot see, and pages of every channel it may or may not read.
  const calls = {
    UA: [(s) => s.invokeRaw('PostMessage', { to: [], text: text() }), (s) => s.invokeRaw('Propose', ceasefire), (s) => s.invokeRaw('OlderMessages', [], 1_000_000)],
    RU: [(s) => s.invokeRaw('PostMessage', { to: ['UA'], text: text() }), (s) => s.invokeRaw('SubmitOrders', orders), (s) => s.invokeRaw('RespondToProposal', 100_000 + (n++ % 900_000), 'Accept')],
    US: [(s) => s.invokeRaw('OlderMessages', [], 1_000_000), (s) => s.invokeRaw('OlderMessages', ['UA', 'EU'], 5), (s) => s.invokeRaw('PostMessage', { to: ['EU'], text: text() })],
    EU: [(s) => s.invokeRaw('Propose', guarantee), (s) => s.invokeRaw('PostMessage', { to: [], text: text() }), (s) => s.invokeRaw('OlderMessages', ['US', 'EU'], 1_000_000)],
    observer: [(s) => s.invokeRaw('OlderMessages', [], 1_000_000), (s) => s.invokeRaw('PostMessage', { to: [], text: text() })],
    // The facilitator's notes, deadlines (pushed to everyone) and pages.
    facilitator: [(s) => s.invokeRaw('AddNote', 1, text()), (s) => s.invokeRaw('SetDeadline', 3600), (s) => s.invokeRaw('OlderMessages', ['UA', 'RU'], 1_000_000)],
  };
  const flooding = { run: floodRun, rate: run.options.floodRate, signal: stop.signal, answers, localAddress };
  const floods = [
    ...ROLES.flatMap((role) => seatsOf[role].map((seat) => floodSeat(seat, calls[role], flooding))),
    floodSeat(observer, calls.observer, flooding),
    floodSeat(facilitator, calls.facilitator, flooding),
    floodJoins(flooding, game.observerCode, run.options.joinRate),
  ];
  const started = performance.now();
  return {
    async stop() {
      stop.abort();
      const joiners = (await Promise.all(floods)).flat();
      const seconds = (performance.now() - started) / 1000;
      floodRun.stopping = true;
      await inParallel([...seats, ...joiners], run.options.concurrency, { aborted: false }, (seat) => seat.close());
      const byCall = answers.toJSON();
      const calls = Object.values(byCall).reduce((a, b) => a + b, 0);
      return {
        proposalsBeforeTheCap: cap, seconds: round(seconds), calls, callsPerSecond: round(calls / seconds), answers: byCall,
        connectionErrors: floodRun.errors.toJSON(), entitlement: floodRun.entitlement.toJSON(),
      };
    },
  };
}

/**
 * The flood alone (`node src/cli.mjs flood`): what `hostile` starts as a process of its own. Prints FLOODING once its
 * game floods, then floods until SIGTERM or --hold seconds; its figures go to the report's result.flood.
 */
export async function flood(run, rest) {
  const scenario = await chooseScenario(rest, run.options.scenarioId, 1);
  const stopped = new AbortController();
  const stop = () => stopped.abort();
  process.once('SIGTERM', stop);
  try {
    const started = await startFlood(run, rest, scenario.id);
    process.stdout.write(`${FLOODING}\n`);
    await sleep(run.options.holdMs, AbortSignal.any([stopped.signal, run.signal]));
    run.result.flood = await started.stop();
  } finally {
    process.off('SIGTERM', stop);
  }
}

/**
 * Starts `flood` as a child process against the same server and waits until it floods; `stop()` ends it with SIGTERM
 * and returns its figures, with the CPU seconds the flooding process spent.
 */
async function floodProcess(run, scenarioId) {
  const o = run.options;
  const seconds = Math.min(600, Math.ceil(o.timeoutMs / 1000));
  const args = [CLI, 'flood', '--url', o.url.href, '--scenario', scenarioId, '--hold', String(seconds), '--timeout', String(seconds + 120),
    '--flood-rate', String(o.floodRate), '--join-rate', String(o.joinRate), '--flood-seats', String(o.floodSeats),
    '--source-addresses', String(o.sourceAddresses), '--command-timeout', String(o.commandTimeoutMs / 1000), '--protocol', o.protocol, '--json'];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  // The attacker's own CPU is not the server's: on a small shared machine the flooding process yields to the server
  // and the playing games (--flood-nice); its achieved calls a second are reported.
  if (o.floodNice > 0) os.setPriority(child.pid, o.floodNice);
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d) => { out += d; });
  child.stderr.setEncoding('utf8').on('data', (d) => { err += d; });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const flooding = new Promise((resolve) => {
    const look = () => { if (out.startsWith(`${FLOODING}\n`)) resolve(true); };
    child.stdout.on('data', look);
  });
  const waited = new AbortController();
  const ready = await Promise.race([flooding, exited.then(() => false), sleep(180_000, AbortSignal.any([run.signal, waited.signal])).then(() => false)]);
  waited.abort(); // so the wait's timer does not keep the process alive for three minutes
  if (!ready) {
    child.kill('SIGTERM');
    await exited;
    throw new Error(`the flooding process did not start flooding: ${err.trim() || out.trim()}`);
  }
  return {
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      let report;
      try {
        report = JSON.parse(out.slice(FLOODING.length + 1));
      } catch {
        throw new Error(`the flooding process ended (${code}) without a report: ${err.trim() || out.trim()}`);
      }
      if (!report.result?.flood) throw new Error(`the flooding process failed: ${JSON.stringify(report.errors)}`);
      return { ...report.result.flood, process: { exit: code, nice: o.floodNice, cpuSeconds: report.loadgenCpuSeconds, errors: report.errors } };
    },
  };
}

/**
 * Proposes until the game answers too-many-proposals, waiting out rate-limited answers, for at most 90 s; returns
 * how many proposals were accepted (null if the cap was not reached).
 */
async function proposeToTheCap(seat, terms, signal) {
  const until = performance.now() + 90_000;
  let accepted = 0;
  while (!signal.aborted && performance.now() < until) {
    const result = await seat.invokeRaw('Propose', terms);
    if (result?.accepted) accepted++;
    else if (result?.code === 'too-many-proposals') return accepted;
    // Wait long enough that refusals stay under the connection's bound (the server closes a connection past it).
    else if (result?.code === 'rate-limited') await sleep(3_500, signal);
    else throw new Error(`the hostile game's proposal was refused: ${result?.code}: ${result?.message}`);
  }
  return null;
}

/**
 * Calls `rate` times a second from one seat, whatever the answers, with at most 8 calls in flight; resolves when
 * stopped with the connections it opened again. When the server closes its connection (too many refused calls) it
 * does what a hostile script would: waits a moment, connects again and resumes its seat with its token, and floods on.
 */
async function floodSeat(first, calls, { run, rate, signal, answers, localAddress }) {
  const who = first.label.split(' ')[1];
  const token = first.join?.seatToken;
  const inFlight = new Set();
  const reopened = [];
  let seat = first;
  let reconnecting = null;
  for (let i = 0; !signal.aborted; i++) {
    if (!seat.connected && !reconnecting) {
      answers.add(`${who} connection closed by the server`);
      reconnecting = sleep(RECONNECT_MS, signal).then(async () => {
        const again = new Seat(run, first.label, { audience: first.expected, localAddress });
        reopened.push(again);
        await classify(again.invokeRawAfterStart('Resume', token), answers, `${who} reconnect Resume`);
        seat = again;
      }).catch(() => {}).finally(() => { reconnecting = null; });
    }
    if (!reconnecting && seat.connected && inFlight.size < 8) {
      const make = calls[i % calls.length];
      const call = classify(make(seat), answers, `${who} ${callName(make)}`).finally(() => inFlight.delete(call));
      inFlight.add(call);
    }
    await sleep(1000 / rate, signal);
  }
  await Promise.allSettled([...inFlight, reconnecting]);
  return reopened;
}

/** A new connection joining with the observer code `rate` times a second; every seated connection is closed at the end. */
async function floodJoins({ run: floodRun, signal, answers, localAddress }, code, rate) {
  const opened = [];
  const joins = [];
  for (let i = 0; !signal.aborted; i++) {
    const seat = new Seat(floodRun, `joiner ${i}`, { audience: PUBLIC, localAddress });
    opened.push(seat);
    joins.push(classify(seat.invokeRawAfterStart('JoinWithCode', code, `Joiner ${i}`), answers, 'joiner JoinWithCode'));
    await sleep(1000 / rate, signal);
  }
  await Promise.allSettled(joins);
  return opened;
}

/** Tallies a call's answer: "accepted", "refused <code>" (a CommandResult) or "error <code>" (a HubException). */
async function classify(promise, answers, what) {
  try {
    const result = await promise;
    if (result && typeof result === 'object' && 'accepted' in result) answers.add(`${what}: ${result.accepted ? 'accepted' : `refused ${result.code}`}`);
    else answers.add(`${what}: answered`);
  } catch (error) {
    answers.add(`${what}: error ${errorCode(error)}`);
  }
}

/** The hub method a call maker invokes, read from its source ("PostMessage"). */
const callName = (make) => /invokeRaw\('([A-Za-z]+)'/.exec(String(make))?.[1] ?? 'call';
