import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { ViewWatch, errorCode, withTimeout } from '../hub.mjs';
import { GAME_NAME, PLAYERS } from '../boardgameio/game.mjs';
import { groupScenario } from './groups.mjs';

const { io } = createRequire(import.meta.url)('socket.io-client');

/**
 * The second baseline: boardgame.io 0.50's own server (socket.io) with the group game of boardgameio/game.mjs,
 * driven like the bare hub: matches of six players, players taking turns to make one move at a time, and every
 * move waited for at all six clients.
 */
export function boardgameio(run) {
  return groupScenario(run, {
    async join(run, match) {
      match.members = Array.from({ length: PLAYERS }, (_, k) => new Player(run, match.id, String(k)));
      // The first sync creates the match; the others join it.
      const [first, ...others] = match.members;
      return await first.open() && (await Promise.all(others.map((p) => p.open()))).every(Boolean);
    },
    call: (player, version) => player.command(version),
    carries: (version) => (state) => state.G.version === version,
  });
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

  get joined() {
    return this.state !== null;
  }

  /**
   * Moves `send(version)` from the state this client holds. boardgame.io acknowledges a move only by sending the
   * new state to the match, so the move counts as accepted, and its round trip ends, when this client has it.
   */
  async command(version) {
    const run = this.#run;
    const own = this.watch((state) => state.G.version === version);
    const sent = performance.now();
    run.commands++;
    this.socket.emit('update', { type: 'MAKE_MOVE', payload: { type: 'send', args: [version], playerID: this.playerID } }, this.state._stateID, this.matchID, this.playerID);
    try {
      run.stats.commandRoundTrip.add((await own.arrival(run.commandTimeoutMs)) - sent);
      run.accepted++;
      return { result: { accepted: true }, sent };
    } catch (error) {
      run.errors.add(`move: ${errorCode(error)}`);
      return null;
    }
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
