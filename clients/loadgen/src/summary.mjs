/** The report as text for a person: the scenario's figures, latencies, commands, problems, server memory. */
export function summary(r) {
  const lines = [];
  const add = (text = '') => lines.push(text);
  add(`Wargame load: ${r.scenario} against ${r.url}  (${r.seconds} s${r.timedOut ? ', CUT SHORT by the hard timeout' : ''})`);
  add(`  started ${r.startedAt}; ${r.machine.cores} cores, load average (1/5/15 min) ${r.machine.loadAverageAtStart.join('/')} at start, ${r.machine.loadAverageAtEnd.join('/')} at end`);
  add();
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
  add(`Views received: ${r.viewsReceived}`);
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
