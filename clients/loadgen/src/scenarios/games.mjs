import { performance } from 'node:perf_hooks';
import { Latencies, Tally, inParallel, round } from '../stats.mjs';
import { problemCode } from '../rest.mjs';
import { errorCode } from '../hub.mjs';

/** Creates `count` games of `scenarioId` with POST /api/games; returns the created games and the figures. */
export async function createGames(run, rest, scenarioId, count) {
  const games = [];
  const latency = new Latencies();
  const refused = new Tally();
  const started = performance.now();
  await inParallel(Array.from({ length: count }), run.options.concurrency, run.signal, async () => {
    try {
      const res = await rest.createGame(scenarioId);
      if (res.status === 201) {
        latency.add(res.ms);
        games.push(res.body);
      } else {
        refused.add(problemCode(res));
      }
    } catch (error) {
      run.errors.add(`POST /api/games: ${errorCode(error)}`);
    }
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    games,
    figures: {
      requested: count,
      created: games.length,
      seconds: round(seconds),
      perSecond: round(games.length / seconds),
      latencyMs: latency.summary(),
      refusedByStatus: refused.toJSON(),
    },
  };
}

/** Reads each game back with its facilitator key (GET /api/games/{id}), which activates the game's actor. */
export async function activateGames(run, rest, games) {
  const latency = new Latencies();
  const refused = new Tally();
  let activated = 0;
  const started = performance.now();
  await inParallel(games, run.options.concurrency, run.signal, async (game) => {
    try {
      const res = await rest.getGame(game.gameId, game.facilitatorKey);
      if (res.status === 200 && res.body?.game?.gameId === game.gameId) {
        latency.add(res.ms);
        activated++;
      } else {
        refused.add(problemCode(res));
      }
    } catch (error) {
      run.errors.add(`GET /api/games/{id}: ${errorCode(error)}`);
    }
  });
  const seconds = (performance.now() - started) / 1000;
  return { activated, seconds: round(seconds), perSecond: round(activated / seconds), latencyMs: latency.summary(), refusedByStatus: refused.toJSON() };
}
