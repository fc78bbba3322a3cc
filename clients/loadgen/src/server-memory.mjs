import { readFileSync } from 'node:fs';

/** Reads a process's resident memory from /proc/<pid>/status (VmRSS, VmHWM) in KiB. */
export function readRss(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => {
    const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
    return m ? Number(m[1]) : null;
  };
  return { rssKiB: field('VmRSS'), hwmKiB: field('VmHWM') };
}

/** Marks named points of a run and keeps the peak RSS seen between them; does nothing without a pid. */
export class MemoryProbe {
  #pid;
  #timer = null;
  marks = [];
  peakKiB = 0;

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
    this.marks.push({ name, rssKiB: rss, at: new Date().toISOString() });
    return rss;
  }

  rssAt(name) {
    return this.marks.find((m) => m.name === name)?.rssKiB ?? null;
  }

  stop() {
    if (this.#timer) clearInterval(this.#timer);
  }

  toJSON() {
    return this.#pid === null ? null : { pid: this.#pid, marks: this.marks, peakRssKiB: this.peakKiB };
  }

  #sample() {
    try {
      const { rssKiB } = readRss(this.#pid);
      if (rssKiB > this.peakKiB) this.peakKiB = rssKiB;
      return rssKiB;
    } catch {
      return null; // the server went away; the run's errors will say why
    }
  }
}

/** KiB per item between two marks, or null when either is missing. */
export function perItemKiB(probe, from, to, items) {
  const a = probe.rssAt(from);
  const b = probe.rssAt(to);
  return a === null || b === null || items <= 0 ? null : Math.round(((b - a) / items) * 10) / 10;
}
