import { performance } from 'node:perf_hooks';
import { HubConnectionBuilder, HttpTransportType, HubConnectionState, LogLevel } from '@microsoft/signalr';
import { entitlementProblems, describe } from './entitlement.mjs';
import { endpoint } from './options.mjs';

/**
 * One real SignalR connection to /hubs/game holding one seat. It records when each view version arrives, so a
 * driver can measure push latency, and checks every pushed view against the seat's audience.
 */
export class Seat {
  /** @type {import('@microsoft/signalr').HubConnection} */
  #connection;
  #arrivals = []; // [version, ms] in arrival order
  #waiters = [];
  #run;

  constructor(run, label, expectedAudience) {
    this.#run = run;
    this.label = label;
    this.expected = expectedAudience;
    this.latestView = null;
    this.views = 0;
    this.seatsMessages = 0;
    this.closed = false;
    this.closeError = null;
    this.join = null;
    this.#connection = new HubConnectionBuilder()
      .withUrl(endpoint(run.url, '/hubs/game'), { transport: HttpTransportType.WebSockets, skipNegotiation: true })
      .configureLogging(LogLevel.None)
      .build();
    this.#connection.serverTimeoutInMilliseconds = 60_000;
    this.#connection.on('View', (gameId, view) => this.#onView(gameId, view));
    this.#connection.on('Seats', () => { this.seatsMessages++; });
    this.#connection.onclose((error) => {
      this.closed = true;
      this.closeError = error?.message ?? null;
      if (!run.stopping) run.errors.add(`connection-closed: ${error?.message ?? 'closed by the server'}`);
      for (const w of this.#waiters.splice(0)) w.reject(new Error('connection-closed'));
    });
  }

  get connected() {
    return !this.closed && this.#connection.state === HubConnectionState.Connected;
  }

  /** Connects and joins; the join counts as done when its first view has arrived. Returns false on failure. */
  async open(method, ...args) {
    const run = this.#run;
    const started = performance.now();
    try {
      await withTimeout(this.#connection.start(), run.commandTimeoutMs, 'connect-timeout');
      run.stats.connect.add(performance.now() - started);
      const joinStarted = performance.now();
      this.join = await withTimeout(this.#connection.invoke(method, ...args), run.commandTimeoutMs, 'join-timeout');
      run.stats.join.add(performance.now() - joinStarted);
      await this.waitForVersion(1);
      run.stats.joinToFirstView.add(performance.now() - started);
      return true;
    } catch (error) {
      run.errors.add(`${method}: ${errorCode(error)}`);
      return false;
    }
  }

  /** Invokes a game command; returns the CommandResult and when it was sent, or null when the call failed. */
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

  /** A bare hub call, for probes whose answer the caller judges. */
  invokeRaw(method, ...args) {
    return this.#connection.invoke(method, ...args);
  }

  /** Resolves with the arrival time of the first view at or after `version`. */
  waitForVersion(version) {
    const arrived = this.#arrivals.find(([v]) => v >= version);
    if (arrived) return Promise.resolve(arrived[1]);
    if (this.closed) return Promise.reject(new Error('connection-closed'));
    return new Promise((resolve, reject) => {
      const waiter = { version, resolve, reject };
      waiter.timer = setTimeout(() => {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        reject(new Error(`view-timeout: no view ${version} for ${this.label} in ${this.#run.commandTimeoutMs} ms`));
      }, this.#run.commandTimeoutMs);
      this.#waiters.push(waiter);
    });
  }

  async close() {
    try {
      await withTimeout(this.#connection.stop(), 10_000, 'stop-timeout');
    } catch (error) {
      this.#run.errors.add(`stop: ${errorCode(error)}`);
    }
  }

  #onView(gameId, view) {
    const now = performance.now();
    const run = this.#run;
    this.views++;
    run.viewsReceived++;
    if (this.join && gameId !== this.join.gameId) run.entitlement.add(`${this.label}: view of game ${gameId} on a seat of ${this.join.gameId}`);
    for (const problem of entitlementProblems(view, this.expected)) run.entitlement.add(`${describe(this.expected)} seat: ${problem}`);
    const previous = this.latestView?.version ?? 0;
    if (view.version < previous) run.hubOddities.add('view older than one already received');
    else if (view.version === previous) run.hubOddities.add('same view version pushed twice');
    this.latestView = view;
    this.#arrivals.push([view.version, now]);
    for (const w of [...this.#waiters]) {
      if (view.version >= w.version) {
        clearTimeout(w.timer);
        this.#waiters.splice(this.#waiters.indexOf(w), 1);
        w.resolve(now);
      }
    }
  }
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
  const hub = /HubException: ([a-z0-9-]+):/.exec(message);
  if (hub) return hub[1];
  const own = /^([a-z]+-[a-z-]+)\b/.exec(message);
  if (own) return own[1];
  return message.length > 120 ? `${message.slice(0, 117)}...` : message;
}
