import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The servers the load generator starts itself: Release builds in the repository, or a node script. */
export const SERVERS = {
  wargame: { project: 'src/Wargame.Server', binary: 'src/Wargame.Server/bin/Release/net10.0/Wargame.Server' },
  bare: { project: 'benchmarks/Wargame.BareHub', binary: 'benchmarks/Wargame.BareHub/bin/Release/net10.0/Wargame.BareHub' },
  boardgameio: { script: 'clients/loadgen/src/boardgameio/server.mjs' },
};

const started = new Set();
// However the load generator ends, the servers it started end with it.
process.on('exit', () => { for (const server of started) server.kill('SIGKILL'); });

/** `dotnet build -c Release` of the server's project; with `always` false, only when its binary is missing. */
export async function buildServer(name, { always = true } = {}) {
  const { project, binary } = SERVERS[name];
  if (!project || (!always && existsSync(path.join(REPO, binary)))) return;
  await new Promise((resolve, reject) => {
    execFile('dotnet', ['build', path.join(REPO, project), '-c', 'Release', '-nologo', '-v', 'q'], { cwd: REPO, maxBuffer: 16 * 2 ** 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`dotnet build ${project} -c Release failed:\n${tail(`${stdout}${stderr}`, 30)}`));
      else resolve();
    });
  });
}

/**
 * Starts a built server on a free loopback port in its own process group, logging to a file; resolves when it
 * listens, with its URL and pid and a `stop()` that ends the group. Wargame gets a fresh data directory, removed
 * when it stops, and no limit on game creation (a load test creates many games from one address).
 */
export async function startServer(name, { startTimeoutMs = 120_000, args = [] } = {}) {
  const { script } = SERVERS[name];
  const binary = script ? process.execPath : path.join(REPO, SERVERS[name].binary);
  if (!existsSync(binary)) throw new Error(`${binary} is not built; run dotnet build ${SERVERS[name].project} -c Release.`);
  const dir = mkdtempSync(path.join(os.tmpdir(), `wargame-load-${name}-`));
  const log = path.join(dir, 'server.log');
  const serverArgs = script ? [path.join(REPO, script), ...args] : ['--urls', 'http://127.0.0.1:0', ...args];
  if (name === 'wargame') {
    serverArgs.push('--Wargame:DataDirectory', path.join(dir, 'data'), '--Wargame:ScenarioDirectory', path.join(REPO, 'scenarios'),
      // All the load comes from one address, and a warm-up repeated until steady opens 600 connections a pass.
      '--Wargame:GameCreationsPerMinute', '1000000', '--Wargame:HubConnectionsPerAddressPerMinute', '1000000');
  }
  const fd = openSync(log, 'w');
  const child = spawn(binary, serverArgs, {
    cwd: script ? path.dirname(path.join(REPO, script)) : path.dirname(binary),
    env: { ...process.env, NODE_ENV: 'production' },
    detached: true,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  started.add(child);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => { started.delete(child); resolve(signal ?? code); }));

  // Resolves with the number of error lines the server logged, then removes its directory.
  const stop = async () => {
    if (started.has(child)) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 15_000);
      await exited;
      clearTimeout(timer);
    }
    const errorLines = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter((l) => /\[(ERR|FTL)\]|^(fail|crit): /.test(l)).length : null;
    rmSync(dir, { recursive: true, force: true });
    return { errorLines };
  };

  const deadline = Date.now() + startTimeoutMs;
  let ended = null;
  exited.then((how) => { ended = how; });
  while (Date.now() < deadline) {
    const text = readFileSync(log, 'utf8');
    const listening = /Now listening on: (http:\/\/127\.0\.0\.1:\d+)/.exec(text);
    // Wargame listens before its node has joined the cluster; /healthz answers 200 once it serves games and hubs.
    if (listening && (name !== 'wargame' || (await healthy(listening[1])))) return { name, url: new URL(listening[1]), pid: child.pid, stop };
    if (ended !== null) {
      await stop();
      throw new Error(`${name} server exited (${ended}) before listening:\n${tail(text, 30)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const text = readFileSync(log, 'utf8');
  await stop();
  throw new Error(`${name} server did not listen within ${startTimeoutMs / 1000} s:\n${tail(text, 30)}`);
}

async function healthy(url) {
  try {
    return (await fetch(new URL('/healthz', url), { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

const tail = (text, lines) => text.trimEnd().split('\n').slice(-lines).join('\n');
