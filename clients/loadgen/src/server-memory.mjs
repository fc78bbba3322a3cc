import { readdirSync, readFileSync } from 'node:fs';

/** Reads a process's resident memory from /proc/<pid>/status (VmRSS, VmHWM) in KiB. */
export function readRss(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => {
    const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
    return m ? Number(m[1]) : null;
  };
  const threads = /^Threads:\s+(\d+)/m.exec(status);
  return { rssKiB: field('VmRSS'), hwmKiB: field('VmHWM'), threads: threads ? Number(threads[1]) : null };
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat; Linux counts in ticks of 1/100 s. */
export function readCpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from the third on
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Seconds the process's live threads have run on a CPU and waited in a run queue for one, summed over
 * /proc/<pid>/task/<tid>/schedstat: much waiting means the machine, not the process, was the limit.
 */
export function readSchedSeconds(pid) {
  let run = 0;
  let wait = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const [onCpu, queued] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').trim().split(' ').map(Number);
      run += onCpu;
      wait += queued;
    } catch { /* the thread ended */ }
  }
  return { runSeconds: Math.round(run / 1e7) / 100, runQueueSeconds: Math.round(wait / 1e7) / 100 };
}

/** Marks named points of a run and keeps the peak RSS seen between them; does nothing without a pid. */
export class MemoryProbe {
  #pid;
  #timer = null;
  marks = [];
  peakKiB = 0;
  peakThreads = 0;

  constructor(pid) {
    this.#pid = pid;
    if (pid !== null) {
      readRss(pid); // fails early, with the file name, if there is no such process
      this.#timer = setInterval(() => this.#sample(), 250);
      this.#timer.unref();
    }
  }

  get enabled() {
    return this.#pid !== null;
  }

  /** Records the RSS now under `name`; returns it in KiB, or null without a pid. */
  mark(name) {
    if (this.#pid === null) return null;
    const rss = this.#sample();
    let cpuSeconds = null;
    let threads = null;
    let sched = {};
    try {
      cpuSeconds = readCpuSeconds(this.#pid);
      threads = readRss(this.#pid).threads;
      sched = readSchedSeconds(this.#pid);
    } catch { /* the server went away */ }
    this.marks.push({ name, rssKiB: rss, cpuSeconds, threads, ...sched, at: new Date().toISOString() });
    return rss;
  }

  rssAt(name) {
    return this.marks.find((m) => m.name === name)?.rssKiB ?? null;
  }

  stop() {
    if (this.#timer) clearInterval(this.#timer);
  }

  toJSON() {
    return this.#pid === null ? null : { pid: this.#pid, marks: this.marks, peakRssKiB: this.peakKiB, peakThreads: this.peakThreads };
  }

  #sample() {
    try {
      const { rssKiB, threads } = readRss(this.#pid);
      if (rssKiB > this.peakKiB) this.peakKiB = rssKiB;
      if (threads > this.peakThreads) this.peakThreads = threads;
      return rssKiB;
    } catch {
      return null; // the server went away; the run's errors will say why
    }
  }
}

/** Cores the process kept busy on average between two marks (CPU seconds over wall seconds). */
export function coresBetween(probe, from, to) {
  const a = probe.marks.find((m) => m.name === from);
  const b = probe.marks.find((m) => m.name === to);
  if (!a || !b || a.cpuSeconds === null || b.cpuSeconds === null) return null;
  const wall = (Date.parse(b.at) - Date.parse(a.at)) / 1000;
  return wall > 0 ? Math.round(((b.cpuSeconds - a.cpuSeconds) / wall) * 100) / 100 : null;
}

/** CPU seconds the process used between two marks. */
export function cpuSecondsBetween(probe, from, to) {
  const a = probe.marks.find((m) => m.name === from);
  const b = probe.marks.find((m) => m.name === to);
  if (!a || !b || a.cpuSeconds === null || b.cpuSeconds === null) return null;
  return Math.round((b.cpuSeconds - a.cpuSeconds) * 100) / 100;
}

/** Seconds the server's threads spent waiting for a CPU between two marks, per second of wall time. */
export function runQueueWaitBetween(probe, from, to) {
  const a = probe.marks.find((m) => m.name === from);
  const b = probe.marks.find((m) => m.name === to);
  if (!a || !b || a.runQueueSeconds === undefined || b.runQueueSeconds === undefined) return null;
  const wall = (Date.parse(b.at) - Date.parse(a.at)) / 1000;
  const waited = b.runQueueSeconds - a.runQueueSeconds;
  // Only live threads are summed: when threads end in between, their waiting is lost and the figure unknown.
  return wall > 0 && waited >= 0 ? Math.round((waited / wall) * 100) / 100 : null;
}

/** KiB per item between two marks, or null when either is missing. */
export function perItemKiB(probe, from, to, items) {
  const a = probe.rssAt(from);
  const b = probe.rssAt(to);
  return a === null || b === null || items <= 0 ? null : Math.round(((b - a) / items) * 10) / 10;
}
