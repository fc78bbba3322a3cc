import { chooseScenario } from '../rest.mjs';
import { coresBetween, perItemKiB, runQueueWaitBetween } from '../server-memory.mjs';
import { activateGames, createGames } from './games.mjs';

/**
 * Creates games that nobody plays. A created game is rows in the event store; --activate then reads each game
 * back with its facilitator key, which activates its actor (state rebuilt from the log), as a facilitator's
 * dashboard would: the memory that thousands of live but idle games take.
 */
export async function idleGames(run, rest) {
  const { options, memory, result } = run;
  const scenario = await chooseScenario(rest, options.scenarioId);
  result.scenarioId = scenario.id;
  memory.mark('before');
  const { games, figures } = await createGames(run, rest, scenario.id, options.games);
  result.create = figures;
  memory.mark('after-create');

  if (options.activate && !run.signal.aborted) {
    result.activate = await activateGames(run, rest, games);
    memory.mark('after-activate');
  }

  if (memory.enabled) {
    result.memoryPerGameKiB = {
      created: perItemKiB(memory, 'before', 'after-create', games.length),
      ...(result.activate ? { activated: perItemKiB(memory, 'before', 'after-activate', result.activate.activated) } : {}),
    };
    result.serverCoresBusy = { create: coresBetween(memory, 'before', 'after-create'), ...(result.activate ? { activate: coresBetween(memory, 'after-create', 'after-activate') } : {}) };
    result.serverRunQueueWaitPerSecond = { create: runQueueWaitBetween(memory, 'before', 'after-create'), ...(result.activate ? { activate: runQueueWaitBetween(memory, 'after-create', 'after-activate') } : {}) };
  }
}
