import { useId, useRef, type ReactNode } from "react";

export interface TabSpec {
  id: string;
  label: string;
  badge?: number;
  content: ReactNode;
}

/** Accessible tabs: arrow keys move between tabs, each panel is labelled by its tab. */
export function Tabs({
  tabs,
  selected,
  onSelect,
  label,
}: {
  tabs: TabSpec[];
  selected: string;
  onSelect: (id: string) => void;
  label: string;
}) {
  const base = useId();
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const index = Math.max(
    0,
    tabs.findIndex((t) => t.id === selected),
  );
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
