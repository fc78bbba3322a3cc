/** The report as text for a person: the scenario's figures, latencies, commands, problems, server memory. */
export function summary(r) {
  const lines = [];
  const add = (text = '') => lines.push(text);
  add(`Wargame load: ${r.scenario} against ${r.url}  (${r.seconds} s${r.timedOut ? ', CUT SHORT by the hard timeout' : ''})`);
  add(`  started ${r.startedAt}; ${r.machine.cores} cores, load average (1/5/15 min) ${r.machine.loadAverageAtStart.join('/')} at start, ${r.machine.loadAverageAtEnd.join('/')} at end`);
  add();
  if (r.scenario === 'hostile' && r.result.rounds) hostileTable(add, r.result);
  add('Result');
  for (const line of flatten(r.result)) add(`  ${line}`);
  const latency = Object.entries(r.latencyMs);
  if (latency.length > 0) {
    add();
    add('Latency (ms)            count     p50     p95     p99     max    mean');
    for (const [name, s] of latency)
      add(`  ${name.padEnd(20)} ${pad(s.count, 7)} ${pad(s.p50)} ${pad(s.p95)} ${pad(s.p99)} ${pad(s.max)} ${pad(s.mean)}`);
  }
  if (r.commands.sent > 0) {
    add();
    add(`Commands: ${r.commands.sent} sent, ${r.commands.accepted} accepted, ${r.commands.sent - r.commands.accepted} refused`);
    for (const [code, n] of Object.entries(r.commands.rejectedByCode)) add(`  refused ${code}: ${n}`);
  }
  add(`Views received: ${r.viewsReceived} whole (${r.wholeViewsWatched ?? 0} of them holding a watched change), ${r.deltasReceived ?? 0} deltas`);
  section(add, 'Entitlement violations', r.entitlementViolations, 'none: every view matched its seat\'s audience');
  section(add, 'Hub oddities', r.hubOddities, 'none');
  section(add, 'Errors', r.errors, 'none');
  if (r.server) {
    add();
    add(`Server pid ${r.server.pid} RSS (MiB): ${r.server.marks.map((m) => `${m.name} ${mib(m.rssKiB)}`).join(', ')}; peak ${mib(r.server.peakRssKiB)}`);
    add(`Server CPU seconds: ${r.server.marks.map((m) => `${m.name} ${m.cpuSeconds}`).join(', ')}`);
    add(`Server threads: ${r.server.marks.map((m) => `${m.name} ${m.threads}`).join(', ')}; peak ${r.server.peakThreads}`);
    add(`Server thread seconds on CPU / waiting for a CPU: ${r.server.marks.map((m) => `${m.name} ${m.runSeconds}/${m.runQueueSeconds}`).join(', ')}`);
  }
  add(`Load generator CPU seconds: ${r.loadgenCpuSeconds} over ${r.seconds} s`);
  return lines.join('\n');
}

/** The playing games alone and beside the flood, round by round, and each measure's spread around the alone mean. */
function hostileTable(add, result) {
  add('Playing games alone / beside the flood (commands/s; round trip and view push p50/p99 ms; load average mean; flood calls/s)');
  result.rounds.forEach((round, i) => {
    for (const kind of ['alone', 'beside']) {
      const f = round[kind];
      add(`  round ${i + 1} ${kind.padEnd(6)} ${pad(f.commandsPerSecond)} cmd/s  rt ${f.roundTripMs.p50}/${f.roundTripMs.p99}  push ${f.viewPushMs.p50}/${f.viewPushMs.p99}  load ${f.loadAverage?.mean}${f.flood ? `  flood ${f.flood.callsPerSecond}/s` : ''}`);
    }
  });
  for (const [name, s] of Object.entries(result.spread ?? {}))
    if (s) add(`  ${name.padEnd(18)} alone ${s.aloneOverAloneMean.join('-')} of its mean, beside ${s.besideOverAloneMean.join('-')}, mean ratio ${s.meanRatio}`);
  add();
}

function section(add, title, tally, empty) {
  const entries = Object.entries(tally);
  add(`${title}: ${entries.length === 0 ? empty : ''}`);
  for (const [what, n] of entries) add(`  ${n} x ${what}`);
}

function flatten(value, prefix = '') {
  if (value === null || typeof value !== 'object') return [`${prefix}: ${value}`];
  if ('count' in value && 'p50' in value)
    return [`${prefix}: p50 ${value.p50} ms, p95 ${value.p95} ms, p99 ${value.p99} ms, max ${value.max} ms (n=${value.count})`];
  const entries = Object.entries(value);
  if (entries.length === 0) return [`${prefix}: none`];
  return entries.flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

const pad = (x, n = 7) => String(x ?? '-').padStart(n);
const mib = (kib) => (kib == null ? '?' : (kib / 1024).toFixed(1));

/** The compare report as text: per round, each target's figures side by side and Wargame's ratio to each baseline. */
export function compareSummary(c) {
  const o = c.options;
  const lines = [];
  const add = (text = '') => lines.push(text);
  add(`Compare: ${o.games} games (groups) of ${5 + o.observers} connections, ${o.turns} turns of play each, ${o.protocol} protocol, warm-up ${o.warmup} of ${o.warmupTurns} turns repeated (up to ${o.warmupPasses} passes) until the server's CPU per command is steady, targets one after another`);
  for (const [target, why] of Object.entries(c.skipped)) add(`  skipped ${target}: ${why}`);
  c.rounds.forEach((round, r) => {
    const names = Object.keys(round);
    if (names.length === 0) return;
    const baselines = names.filter((n) => n !== 'wargame');
    const ratios = round.wargame ? baselines : [];
    add();
    add(`Round ${r + 1}`);
    const header = ['', ...names.map(label), ...ratios.map((b) => `Wargame / ${label(b)}`)];
    const rows = COMPARE_ROWS.map(([title, value, ratio, format]) => [
      title,
      ...names.map((n) => format(value(round[n]))),
      ...ratios.map((b) => formatRatio(ratio(value(round.wargame), value(round[b])))),
    ]);
    rows.push(['warm-up passes: server CPU per command (ms)', ...names.map((n) => warmUpText(round[n].result.warmup)), ...ratios.map(() => '')]);
    rows.push(['load average (1 min) during run', ...names.map((n) => loadText(round[n].result.play?.loadAverage)), ...ratios.map(() => '')]);
    rows.push(['errors, oddities, violations', ...names.map((n) => problemsText(round[n])), ...ratios.map(() => '')]);
    const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => String(row[i]).length)));
    for (const row of [header, ...rows]) add(`  ${row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ')}`);
  });
  return lines.join('\n');
}

const LABELS = { bare: 'bare hub', boardgameio: 'boardgame.io', wargame: 'Wargame' };
const label = (name) => LABELS[name] ?? name;
const latency = (r, which, p) => r.latencyMs[which]?.[p] ?? null;
const pair = (a, b) => (a === null || b === null ? null : [a, b]);
const divide = (a, b) => (a === null || b === null || b === 0 ? null : a / b);
const divideEach = (a, b) => (a === null || b === null ? null : [divide(a[0], b[0]), divide(a[1], b[1])]);
const number = (x) => (x === null || x === undefined ? '-' : Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en') : String(Math.round(x * 100) / 100));
const numbers = (xs) => (xs === null ? '-' : xs.map(number).join(' / '));

// [title, value of one report, ratio of Wargame's value to a baseline's, format]
const COMPARE_ROWS = [
  ['connections', (r) => r.result.join?.connections ?? null, divide, number],
  ['commands accepted', (r) => r.result.play?.accepted ?? null, divide, number],
  ['commands/s', (r) => r.result.play?.commandsPerSecond ?? null, divide, number],
  ['round trip p50 / p99 (ms)', (r) => pair(latency(r, 'commandRoundTrip', 'p50'), latency(r, 'commandRoundTrip', 'p99')), divideEach, numbers],
  ['view push p50 / p99 (ms)', (r) => pair(latency(r, 'viewPush', 'p50'), latency(r, 'viewPush', 'p99')), divideEach, numbers],
  ['bytes per command per audience', (r) => r.result.play?.bytesPerCommandPerAudience?.mean ?? null, divide, number],
  ['server CPU per command (ms)', (r) => r.result.play?.serverCpuMsPerCommand ?? null, divide, number],
  ['server cores busy', (r) => r.result.play?.serverCoresBusy ?? null, divide, number],
  ['load generator CPU per command (ms)', (r) => r.result.play?.loadgenCpuMsPerCommand ?? null, divide, number],
];

function formatRatio(x) {
  if (x === null) return '-';
  if (Array.isArray(x)) return x.map(formatRatio).join(' / ');
  return `${x >= 10 ? Math.round(x) : x >= 0.1 ? x.toFixed(2) : x.toFixed(3)}x`;
}

const warmUpText = (w) => (w?.passes ? w.passes.map((p) => number(p.serverCpuMsPerCommand)).join(', ') : '-');
const loadText = (l) => (l ? `${l.mean} (${l.min}-${l.max})` : '-');

function problemsText(r) {
  const count = (t) => Object.values(t ?? {}).reduce((a, b) => a + b, 0);
  return `${count(r.errors)}, ${count(r.hubOddities)}, ${count(r.entitlementViolations)}${r.failed ? ' FAILED' : ''}`;
}
