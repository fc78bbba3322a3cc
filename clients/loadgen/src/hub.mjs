import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { HubConnectionBuilder, HttpTransportType, HubConnectionState, LogLevel } from '@microsoft/signalr';
import { MessagePackHubProtocol } from '@microsoft/signalr-protocol-msgpack';
import { entitlementProblems, describe } from './entitlement.mjs';
import { endpoint } from './options.mjs';
import { applyDelta } from './delta.mjs';

/**
 * One real SignalR connection holding one seat: a Wargame seat on /hubs/game, or a member of a group on the bare
 * hub, which pushes the same `View(gameId, view)` message. Wargame sends a seat its whole view once and then
 * `Update(gameId, delta)`s, which the seat merges into the view it holds (asking for a resync on a gap, as the
 * browser does). It counts the bytes it receives, checks every view it holds against the seat's audience (when it
 * has one), and lets a driver watch for the view that carries a change.
 */
export class Seat {
  /** @type {import('@microsoft/signalr').HubConnection} */
  #connection;
  #watches = new Set();
  #run;

  /**
   * @param {string} label for errors ("RU 17")
   * @param {{ audience?: object|null, hubPath?: string, localAddress?: string|null }} seat the audience its views must
   *   carry (null: no entitlement check, as on the bare hub), the hub's path, and the loopback address to connect from
   *   (one address and one server port give at most the ephemeral port range's ~28,000 connections)
   */
  constructor(run, label, { audience = null, hubPath = '/hubs/game', localAddress = null } = {}) {
    this.#run = run;
    this.label = label;
    this.expected = audience;
    this.latestView = null;
    this.bytesReceived = 0; // every frame's payload: views, results, seat lists, pings
    this.strict = false; // once set, a view no watch was waiting for counts as unexpected
    this.closed = false;
    this.join = null;
    const builder = new HubConnectionBuilder()
      .withUrl(endpoint(run.url, hubPath), {
        transport: HttpTransportType.WebSockets,
        skipNegotiation: true,
        WebSocket: countingWebSocket((n) => { this.bytesReceived += n; }, localAddress),
      })
      .configureLogging(LogLevel.None);
    if (run.options.protocol === 'msgpack') builder.withHubProtocol(new MessagePackHubProtocol());
    this.#connection = builder.build();
    this.#connection.serverTimeoutInMilliseconds = 60_000;
    this.#connection.on('View', (gameId, view) => this.#onView(gameId, view));
    this.#connection.on('Update', (gameId, delta) => this.#onUpdate(gameId, delta));
    this.#connection.on('Seats', () => {}); // seat lists are not measured; handled so the client does not complain
    this.#connection.onclose((error) => {
      this.closed = true;
      if (!run.stopping) run.errors.add(`connection-closed: ${error?.message ?? 'closed by the server'}`);
      for (const watch of [...this.#watches]) watch.fail(new Error('connection-closed'));
    });
  }

  get connected() {
    return !this.closed && this.#connection.state === HubConnectionState.Connected;
  }

  get joined() {
    return this.join !== null;
  }

  /** Connects and joins; the join counts as done when its first view has arrived. Returns false on failure. */
  async open(method, ...args) {
    const run = this.#run;
    const started = performance.now();
    try {
      await withTimeout(this.#connection.start(), run.commandTimeoutMs, 'connect-timeout');
      run.stats.connect.add(performance.now() - started);
      const firstView = this.watch(() => true);
      const joinStarted = performance.now();
      this.join = await withTimeout(this.#connection.invoke(method, ...args), run.commandTimeoutMs, 'join-timeout');
      run.stats.join.add(performance.now() - joinStarted);
      await firstView.arrival(run.commandTimeoutMs);
      run.stats.joinToFirstView.add(performance.now() - started);
      return true;
    } catch (error) {
      run.errors.add(`${method}: ${errorCode(error)}`);
      return false;
    }
  }

  /** Invokes a command; returns the CommandResult and when it was sent, or null when the call failed. */
  async command(method, ...args) {
    const run = this.#run;
    const sent = performance.now();
    try {
      const result = await withTimeout(this.#connection.invoke(method, ...args), run.commandTimeoutMs, 'invoke-timeout');
      run.stats.commandRoundTrip.add(performance.now() - sent);
      run.commands++;
      if (result?.accepted) run.accepted++;
      else run.rejections.add(`${method}: ${result?.code ?? 'no-result'}`);
      return { result, sent };
    } catch (error) {
      run.errors.add(`${method}: ${errorCode(error)}`);
      return null;
    }
  }

  /** Connects and makes one bare call without waiting for a view (a join whose answer the caller judges). */
  async invokeRawAfterStart(method, ...args) {
    await withTimeout(this.#connection.start(), this.#run.commandTimeoutMs, 'connect-timeout');
    return withTimeout(this.#connection.invoke(method, ...args), this.#run.commandTimeoutMs, 'invoke-timeout');
  }

  /** A bare hub call, for probes whose answer the caller judges. */
  invokeRaw(method, ...args) {
    return this.#connection.invoke(method, ...args);
  }

  /**
   * Watches for the first view from now on that `carries` (a predicate on the view): the view holding a change
   * the driver is about to make. Views that arrived earlier cannot hold it and are never matched, so the time
   * from sending to arrival is never negative.
   */
  watch(carries) {
    const watch = new ViewWatch(carries, this.#watches, this.label);
    if (this.closed) watch.fail(new Error('connection-closed'));
    return watch;
  }

  async close() {
    try {
      await withTimeout(this.#connection.stop(), 10_000, 'stop-timeout');
    } catch (error) {
      this.#run.errors.add(`stop: ${errorCode(error)}`);
    }
  }

  #onUpdate(gameId, delta) {
    const run = this.#run;
    run.deltasReceived++;
    if (this.join && gameId !== this.join.gameId) {
      run.entitlement.add(`${this.label}: delta of game ${gameId} on a seat of ${this.join.gameId}`);
      return;
    }
    const outcome = applyDelta(this.latestView, delta);
    if (outcome.kind === 'applied') this.#onView(gameId, outcome.view, delta);
    else if (outcome.kind === 'gap') {
      run.hubOddities.add(`delta after a version gap (${this.label.split(' ')[0]} seat): resynced`);
      this.#connection.invoke('Resync').catch((error) => run.errors.add(`Resync: ${errorCode(error)}`));
    } else if (this.latestView) run.hubOddities.add(`delta the seat already held (${this.label.split(' ')[0]} seat)`);
  }

  /** A whole view, or (with `delta`) the view a delta merged into: only the sections it changed need checking again. */
  #onView(gameId, view, delta = null) {
    const now = performance.now();
    const run = this.#run;
    const whole = delta === null;
    if (whole) run.viewsReceived++;
    if (this.join && gameId !== this.join.gameId) run.entitlement.add(`${this.label}: view of game ${gameId} on a seat of ${this.join.gameId}`);
    if (this.expected)
      for (const problem of entitlementProblems(whole ? view : changedSections(view, delta), this.expected)) run.entitlement.add(`${describe(this.expected)} seat: ${problem}`);
    const previous = this.latestView?.version;
    const where = `${this.label.split(' ')[0]} seat${this.strict ? '' : ', while joining'}`;
    if (view.version < previous) run.hubOddities.add(`view older than one already received (${where})`);
    else if (view.version === previous) run.hubOddities.add(`same view version pushed twice (${where})`);
    this.latestView = view;
    let matched = false;
    for (const watch of [...this.#watches]) matched = watch.offer(view, now) || matched;
    if (matched && whole) run.wholeViewsWatched++;
    if (!matched && this.strict)
      run.hubOddities.add(`view the load did not expect (${where}): a push without a change it was waiting for`);
  }
}

/** One watched change at one seat: settles with the arrival time of the first view that carries it. */
export class ViewWatch {
  #carries;
  #open;
  #label;
  #settle;
  #timer = null;
  arrivedAt = null;

  constructor(carries, open, label) {
    this.#carries = carries;
    this.#open = open;
    this.#label = label;
    this.done = new Promise((resolve, reject) => { this.#settle = { resolve, reject }; });
    this.done.catch(() => {}); // a cancelled or unawaited watch is not an unhandled rejection
    open.add(this);
  }

  /** Takes the view if it carries the change; returns whether it did. */
  offer(view, at) {
    if (!this.#carries(view)) return false;
    this.arrivedAt = at;
    this.#finish();
    this.#settle.resolve(at);
    return true;
  }

  /** The arrival time, waiting at most `ms` from now. */
  arrival(ms) {
    if (this.#open.has(this) && this.#timer === null)
      this.#timer = setTimeout(() => this.fail(new Error(`view-timeout: no view with the change for ${this.#label} in ${ms} ms`)), ms);
    return this.done;
  }

  /** The change was refused or will never come: stop watching. */
  cancel() {
    this.#finish();
  }

  fail(error) {
    this.#finish();
    this.#settle.reject(error);
  }

  #finish() {
    clearTimeout(this.#timer);
    this.#open.delete(this);
  }
}

/** A `ws` WebSocket class that reports the size of every message it receives, for the SignalR client to construct. */
function countingWebSocket(onBytes, localAddress) {
  return class CountingWebSocket extends WebSocket {
    constructor(url, protocols, options) {
      // ws passes its options on to http.request, which binds the socket to localAddress.
      super(url, protocols, localAddress ? { ...options, localAddress } : options);
      this.on('message', (data) => onBytes(typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength));
    }
  };
}

export function withTimeout(promise, ms, code) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(code)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

/** A short stable code for an error: the server's "code: message" from a HubException, or our own code. */
export function errorCode(error) {
  const message = String(error?.message ?? error);
  if (/protocol '?messagepack'? is not supported|not supported.*messagepack/i.test(message))
    return 'protocol-not-offered: the server does not offer the MessagePack hub protocol';
  const hub = /HubException: ([a-z0-9-]+):/.exec(message);
  if (hub) return hub[1];
  const own = /^([a-z]+-[a-z-]+)\b/.exec(message);
  if (own) return own[1];
  return message.length > 120 ? `${message.slice(0, 117)}...` : message;
}

/** Whether the hub at `url` + `hubPath` accepts `protocol` (json or msgpack): its handshake refuses one it does not offer. */
export async function offersProtocol(url, hubPath, protocol) {
  const builder = new HubConnectionBuilder()
    .withUrl(endpoint(url, hubPath), { transport: HttpTransportType.WebSockets, skipNegotiation: true })
    .configureLogging(LogLevel.None);
  if (protocol === 'msgpack') builder.withHubProtocol(new MessagePackHubProtocol());
  const connection = builder.build();
  try {
    await withTimeout(connection.start(), 30_000, 'connect-timeout');
    return true;
  } catch (error) {
    if (errorCode(error).startsWith('protocol-not-offered')) return false;
    throw error;
  } finally {
    await connection.stop().catch(() => {});
  }
}

/**
 * The merged view cut to what the delta changed (with its audience and whether the records are revealed): the
 * sections it left alone were checked when they arrived, so each view state is still checked whole, at the cost of
 * what changed, as a client merging deltas pays.
 */
function changedSections(view, delta) {
  const sections = { audience: view.audience, revealed: view.revealed };
  for (const [name, value] of Object.entries(delta)) if (value !== undefined && value !== null && name in view) sections[name] = view[name];
  return sections;
}
