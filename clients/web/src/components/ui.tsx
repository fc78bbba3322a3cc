import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";
import type { CommandResult } from "../api/types";

/**
 * State of one control's server action: busy while it runs, and the server's refusal, shown
 * right next to the control that caused it.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = useCallback(async (action: () => Promise<CommandResult | void>, success?: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await action();
      if (result && !result.accepted) {
        setError(result.message ?? `Refused (${result.code ?? "no reason given"}).`);
        return false;
      }
      if (success) setDone(success);
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, done, run, setError, clear: () => (setError(null), setDone(null)) };
}

export function ActionFeedback({ error, done, id }: { error: string | null; done?: string | null; id?: string }) {
  if (error)
    return (
      <p className="error" role="alert" id={id}>
        {error}
      </p>
    );
  if (done)
    return (
      <p className="ok" role="status" id={id}>
        {done}
      </p>
    );
  return null;
}

export function Section({ title, children, className, actions }: { title: string; children: ReactNode; className?: string; actions?: ReactNode }) {
  const id = useId();
  return (
    <section className={`panel ${className ?? ""}`} aria-labelledby={id}>
      <header className="panel-head">
        <h2 id={id}>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}

export interface TabSpec {
  id: string;
  label: string;
  badge?: number;
  content: ReactNode;
}

/** Accessible tabs: arrow keys move between tabs, each panel is labelled by its tab. */
export function Tabs({ tabs, selected, onSelect, label }: { tabs: TabSpec[]; selected: string; onSelect: (id: string) => void; label: string }) {
  const base = useId();
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const index = Math.max(0, tabs.findIndex((t) => t.id === selected));
  const move = (delta: number) => {
    const next = tabs[(index + delta + tabs.length) % tabs.length];
    onSelect(next.id);
    refs.current[next.id]?.focus();
  };
  const current = tabs[index];
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tablist">
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            role="tab"
            id={`${base}-tab-${t.id}`}
            aria-selected={t.id === current.id}
            aria-controls={`${base}-panel-${t.id}`}
            tabIndex={t.id === current.id ? 0 : -1}
            onClick={() => onSelect(t.id)}
            onKeyDown={(e) => {
              if (e.key === "ArrowRight") move(1);
              else if (e.key === "ArrowLeft") move(-1);
              else if (e.key === "Home") move(-index);
              else if (e.key === "End") move(tabs.length - 1 - index);
              else return;
              e.preventDefault();
            }}
          >
            {t.label}
            {t.badge ? (
              <span className="badge" aria-label={`${t.badge} unread`}>
                {t.badge}
              </span>
            ) : null}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel-${current.id}`} aria-labelledby={`${base}-tab-${current.id}`} className="tabpanel">
        {current.content}
      </div>
    </div>
  );
}

/** Re-renders every second (for countdowns). */
export function useNow(intervalMs = 1000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(t);
  }, [intervalMs]);
  return now;
}

export function humanize(value: string): string {
  return value
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/^./, (c) => c.toUpperCase())
    .replace(/ ([A-Z])(?=[a-z])/g, (_, c: string) => " " + c.toLowerCase());
}

export function Field({ label, children, hint }: { label: string; children: (id: string) => ReactNode; hint?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint ? <small className="hint">{hint}</small> : null}
    </div>
  );
}

export function Select<T extends string>({ label, value, options, onChange, names }: { label: string; value: T; options: readonly T[]; onChange: (v: T) => void; names?: Partial<Record<T, string>> }) {
  return (
    <Field label={label}>
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
          {options.map((o) => (
            <option key={o} value={o}>
              {names?.[o] ?? humanize(o)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  const id = useId();
  return (
    <div className="check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export function NumberInput({ label, value, onChange, min, max, step, hint }: { label: string; value: number; onChange: (v: number) => void; min?: number; max?: number; step?: number; hint?: string }) {
  return (
    <Field label={label} hint={hint}>
      {(id) => (
        <input
          id={id}
          type="number"
          inputMode="numeric"
          value={Number.isFinite(value) ? value : ""}
          min={min}
          max={max}
          step={step}
          onChange={(e) => onChange(e.target.value === "" ? 0 : Number(e.target.value))}
        />
      )}
    </Field>
  );
}
