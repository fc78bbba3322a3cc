import { performance } from 'node:perf_hooks';
import { inParallel, round } from '../stats.mjs';
import { chooseScenario } from '../rest.mjs';
import { Seat, errorCode, withTimeout } from '../hub.mjs';
import { roleAudience, PUBLIC } from '../entitlement.mjs';
import { coresBetween, perItemKiB, runQueueWaitBetween } from '../server-memory.mjs';
import { sleep } from '../run.mjs';
import { activateGames, createGames } from './games.mjs';

const ROLES = ['UA', 'RU', 'US', 'EU'];

/**
 * Holds many hub connections (the games activated first): every role's seat of every game first, then observers spread over the games.
 * At the end of the hold each connection makes one call that the server refuses without touching the game
 * (AdvancePhase from a non-facilitator), which shows the connection and the hub still answer.
 */
export async function connections(run, rest) {
  const { options, memory, result } = run;
  const scenario = await chooseScenario(rest, options.scenarioId);
  result.scenarioId = scenario.id;
  memory.mark('before');
  const { games, figures } = await createGames(run, rest, scenario.id, options.games);
  result.create = figures;
  if (games.length === 0) return;
  // Activate the games first, so the memory measured across the joins is the connections' own.
  result.activate = await activateGames(run, rest, games);

  const plan = [];
  for (const game of games) for (const role of ROLES) plan.push({ game, role });
  for (let i = 0; plan.length < options.connections && options.connections > 4 * games.length; i++) plan.push({ game: games[i % games.length], role: null });
  plan.length = Math.min(plan.length, options.connections);

  memory.mark('before-join');
  const seats = [];
  const started = performance.now();
  await inParallel(plan, options.concurrency, run.signal, async ({ game, role }, i) => {
    const localAddress = options.sourceAddresses > 1 ? `127.0.0.${(i % options.sourceAddresses) + 1}` : null;
    const seat = new Seat(run, role ?? 'observer', { audience: role ? roleAudience(role) : PUBLIC, localAddress });
    seats.push(seat);
    await seat.open('JoinWithCode', role ? game.joinCodes[role] : game.observerCode, `${role ?? 'Observer'} ${i}`);
  });
  const joined = seats.filter((s) => s.join !== null).length;
  result.join = { planned: plan.length, joined, seconds: round((performance.now() - started) / 1000) };
  memory.mark('after-join');

  const holding = performance.now();
  await sleep(options.holdMs, run.signal);
  // The hold as it happened: shorter than asked when the hard timeout cut it.
  result.hold = { seconds: round((performance.now() - holding) / 1000), held: seats.filter((s) => s.join !== null && s.connected).length };
  memory.mark('after-hold');

  let answered = 0;
  await inParallel(seats.filter((s) => s.join !== null && s.connected), options.concurrency, run.signal, async (seat) => {
    const sent = performance.now();
    try {
      const res = await withTimeout(seat.invokeRaw('AdvancePhase'), run.commandTimeoutMs, 'invoke-timeout');
      run.stats.probe.add(performance.now() - sent);
      if (res?.accepted === false && res.code === 'facilitator-only') answered++;
      else run.hubOddities.add(`probe answered ${JSON.stringify(res)}`);
    } catch (error) {
      run.errors.add(`probe: ${errorCode(error)}`);
    }
  });
  result.hold.answeredProbe = answered;

  run.stopping = true;
  const closing = performance.now();
  await inParallel(seats, options.concurrency, { aborted: false }, (seat) => seat.close());
  result.closeSeconds = round((performance.now() - closing) / 1000);
  memory.mark('after-close');
  if (memory.enabled) {
    result.memoryPerConnectionKiB = { afterJoin: perItemKiB(memory, 'before-join', 'after-join', joined), afterHold: perItemKiB(memory, 'before-join', 'after-hold', joined) };
    result.serverCoresBusy = { join: coresBetween(memory, 'before-join', 'after-join'), hold: coresBetween(memory, 'after-join', 'after-hold') };
    result.serverRunQueueWaitPerSecond = { join: runQueueWaitBetween(memory, 'before-join', 'after-join'), hold: runQueueWaitBetween(memory, 'after-join', 'after-hold') };
  }
}
