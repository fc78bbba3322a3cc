import type { ReactNode } from "react";

/** The dark bar on top of every game screen: the way home, who this page is, and the game clock. */
export function TopBar({ who, whoTestId, children }: { who: ReactNode; whoTestId?: string; children: ReactNode }) {
  return (
    <header className="topbar">
      <a href="#/" className="home" aria-label="Start page">
        Wargame
      </a>
      <span className="who" data-testid={whoTestId}>
        {who}
      </span>
      {children}
    </header>
  );
}
