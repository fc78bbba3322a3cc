import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { inParallel, round } from '../stats.mjs';
import { ViewWatch, errorCode, withTimeout } from '../hub.mjs';
import { perItemKiB } from '../server-memory.mjs';
import { measurePhase, warmUp } from '../run.mjs';
import { GAME_NAME, PLAYERS } from '../boardgameio/game.mjs';
import { commandsPerGame } from './play.mjs';

const { io } = createRequire(import.meta.url)('socket.io-client');

/**
 * The second baseline: boardgame.io 0.50's own server (socket.io) with the group game of boardgameio/game.mjs,
 * driven like the bare hub: matches of six players, each match making one move at a time, players in turn,
 * and every move waited for at all six clients. boardgame.io acknowledges a move only by sending the new
 * state to the match, so the round trip is the time until the mover's own client has it.
 */
export async function boardgameio(run) {
  const { options, memory, result } = run;
  const ops = options.ops ?? commandsPerGame(options.turns);
  result.opsPerGroup = ops;
  if (options.warmup > 0) result.warmup = await warmUp(run, warmUpMatches(ops));

  memory.mark('before');
  const matches = await joinMatches(run, 'm', options.games);
  const ready = matches.filter((m) => m.ready);
  memory.mark('after-join');

  const bytesBefore = ready.map((m) => m.players.map((p) => p.bytesReceived));
  result.play = await measurePhase(run, 'after-join', 'after-play', async () => {
    const completed = await Promise.all(ready.map((match) => moveAll(run, match, ops)));
    return { groupsCompleted: completed.filter(Boolean).length };
  });
  const bytes = ready.reduce((n, m, i) => n + m.players.reduce((b, p, k) => b + p.bytesReceived - bytesBefore[i][k], 0), 0);
  result.play.bytesPerCommandPerAudience = result.play.accepted === 0 ? null : { mean: Math.round(bytes / result.play.accepted / PLAYERS) };

  run.stopping = true;
  for (const player of matches.flatMap((m) => m.players)) player.close();
  memory.mark('after-close');
  if (memory.enabled) result.memoryPerGroupKiB = perItemKiB(memory, 'before', 'after-play', ready.length);
}

/** One player's socket.io client in one match; it keeps the latest state and lets a driver watch for a move. */
class Player {
  #watches = new Set();
  #run;

  constructor(run, matchID, playerID) {
    this.#run = run;
    this.matchID = matchID;
    this.playerID = playerID;
    this.label = `player ${matchID}.${playerID}`;
    this.state = null;
    this.bytesReceived = 0;
    this.closed = false;
    this.strict = false; // once set, a state no watch was waiting for is reported
    // Its own connection (forceNew): socket.io would otherwise share one among clients of the same server.
    this.socket = io(`${run.url.origin}/${GAME_NAME}`, { transports: ['websocket'], reconnection: false, forceNew: true, autoConnect: false, timeout: run.commandTimeoutMs });
    this.socket.io.on('open', () => this.socket.io.engine.on('data', (data) => {
      this.bytesReceived += typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
    }));
    this.socket.on('sync', (_, sync) => this.#onState(sync.state));
    this.socket.on('update', (_, state) => this.#onState(state));
    this.socket.on('disconnect', (reason) => {
      this.closed = true;
      if (!run.stopping) run.errors.add(`connection-closed: ${reason}`);
      for (const watch of [...this.#watches]) watch.fail(new Error('connection-closed'));
    });
  }

  /** Connects and syncs (the server creates the match on its first sync); returns false on failure. */
  async open() {
    const run = this.#run;
    const started = performance.now();
    try {
      await withTimeout(new Promise((resolve, reject) => {
        this.socket.once('connect', resolve);
        this.socket.once('connect_error', reject);
        this.socket.connect();
      }), run.commandTimeoutMs, 'connect-timeout');
      run.stats.connect.add(performance.now() - started);
      const first = this.watch(() => true);
      this.socket.emit('sync', this.matchID, this.playerID, undefined, PLAYERS);
      await first.arrival(run.commandTimeoutMs);
      run.stats.joinToFirstView.add(performance.now() - started);
      return true;
    } catch (error) {
      run.errors.add(`sync: ${errorCode(error)}`);
      return false;
    }
  }

  /** Sends move `send(version)` from the state this client holds. */
  move(version) {
    this.#run.commands++;
    const action = { type: 'MAKE_MOVE', payload: { type: 'send', args: [version], playerID: this.playerID } };
    this.socket.emit('update', action, this.state._stateID, this.matchID, this.playerID);
  }

  watch(carries) {
    const watch = new ViewWatch(carries, this.#watches, this.label);
    if (this.closed) watch.fail(new Error('connection-closed'));
    return watch;
  }

  close() {
    this.socket.close();
  }

  #onState(state) {
    const now = performance.now();
    this.#run.viewsReceived++;
    if (this.state && state._stateID <= this.state._stateID) this.#run.hubOddities.add('state not newer than one already received');
    this.state = state;
    let matched = false;
    for (const watch of [...this.#watches]) matched = watch.offer(state, now) || matched;
    if (!matched && this.strict) this.#run.hubOddities.add('state the load did not expect');
  }
}

/** `count` matches of six players; the first player's sync creates the match, then the others join it. */
async function joinMatches(run, prefix, count) {
  const { options, result } = run;
  const matches = Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, players: [], ready: false }));
  const started = performance.now();
  await inParallel(matches, Math.max(1, Math.floor(options.concurrency / 4)), run.signal, async (match) => {
    match.players = Array.from({ length: PLAYERS }, (_, k) => new Player(run, match.id, String(k)));
    const [first, ...others] = match.players;
    match.ready = await first.open() && (await Promise.all(others.map((p) => p.open()))).every(Boolean);
  });
  result.join = { groups: matches.length, readyGroups: matches.filter((m) => m.ready).length, connections: matches.reduce((n, m) => n + m.players.filter((p) => p.state).length, 0), seconds: round((performance.now() - started) / 1000) };
  return matches;
}

/** `ops` moves, players in turn, each waited for at every player; returns whether all were delivered. */
async function moveAll(run, match, ops) {
  const { players } = match;
  for (const player of players) player.strict = true;
  for (let version = 1; version <= ops; version++) {
    if (run.signal.aborted) return false;
    const mover = players[(version - 1) % players.length];
    const watches = players.map((p) => p.watch((state) => state.G.version === version));
    const sent = performance.now();
    mover.move(version);
    const arrivals = await Promise.allSettled(watches.map((w) => w.arrival(run.commandTimeoutMs)));
    const own = arrivals[players.indexOf(mover)];
    if (own.status === 'fulfilled') {
      run.accepted++;
      run.stats.commandRoundTrip.add(own.value - sent);
    }
    for (const a of arrivals) {
      if (a.status === 'fulfilled') run.stats.viewPush.add(a.value - sent);
      else run.errors.add(`update: ${errorCode(a.reason)}`);
    }
    if (arrivals.some((a) => a.status === 'rejected')) return false;
  }
  return true;
}

/** One turn's worth of moves in `--warmup` other matches. */
function warmUpMatches(ops) {
  return async (warm) => {
    const matches = await joinMatches(warm, 'warm', warm.options.warmup);
    await Promise.all(matches.filter((m) => m.ready).map((match) => moveAll(warm, match, Math.min(ops, commandsPerGame(1)))));
    return { seats: matches.flatMap((m) => m.players), groups: matches.length };
  };
}
