import { createRequire } from 'node:module';

// boardgame.io's entry points are CommonJS folders, which ES imports cannot name.
const { ActivePlayers } = createRequire(import.meta.url)('boardgame.io/core');

export const GAME_NAME = 'group';
export const PLAYERS = 6;

/**
 * The boardgame.io counterpart of the bare hub's group: any of its players may move at any time, and each move
 * (`send`) stores its number and who made it beside a constant ~1 KB payload, so every update the server sends
 * to the match's clients carries about what the bare hub pushes, plus boardgame.io's own ctx and log.
 */
export const GroupGame = {
  name: GAME_NAME,
  minPlayers: PLAYERS,
  maxPlayers: PLAYERS,
  setup: () => ({ version: 0, by: null, payload: 'x'.repeat(1024) }),
  turn: { activePlayers: ActivePlayers.ALL },
  moves: {
    send: ({ G, playerID }, version) => ({ ...G, version, by: playerID }),
  },
};
