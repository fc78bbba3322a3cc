import { useMemo, useState } from "react";
import { useGameSession, type GameSession } from "../api/hub";
import type { GameView, Role } from "../api/types";
import { ROLE_NAMES } from "../api/types";
import { MetricsCharts } from "../components/Charts";
import { Channels, useChannels } from "../components/Channels";
import { OrdersForm } from "../components/OrdersForm";
import { ProposalBuilder, ProposalsInbox, answerOf, isOpen } from "../components/Proposals";
import { PrivateBriefing, PublicRecord, SeatsTable } from "../components/Record";
import { Results, RulesTable, Scores } from "../components/Results";
import { ConnectionBanner, PhaseBar } from "../components/StatusBar";
import { Section, Tabs, type TabSpec } from "../components/ui";

/** A seat's page: the player dashboard for a role, the observer view for an observer seat. */
export function GamePage({ gameId }: { gameId: string }) {
  const credentials = useMemo(() => ({ kind: "seat" as const, gameId }), [gameId]);
  const session = useGameSession(credentials);
  const { view, join, status, joinError } = session;

  if (joinError && !view)
    return (
      <main className="centered">
        <Section title="Cannot open this game">
          <p className="error" role="alert">
            {joinError}
          </p>
          <a href="#/">Back to the start page</a>
        </Section>
      </main>
    );
  if (!view || !join)
    return (
      <main className="centered">
        <ConnectionBanner status={status} />
        <p>Loading the game…</p>
      </main>
    );
  const role = join.audience.kind === "Role" ? join.audience.role : null;
  return (
    <div className="page">
      <ConnectionBanner status={status} />
      <header className="topbar">
        <a href="#/" className="home" aria-label="Start page">
          Wargame
        </a>
        <span className="who" data-testid="seat-role">
          {role ? ROLE_NAMES[role] : "Observer"} · {join.displayName}
        </span>
        <PhaseBar view={view} />
      </header>
      {joinError ? (
        <p className="banner error-banner" role="alert" data-testid="seat-lost">
          {joinError} <a href="#/">Start page</a>
        </p>
      ) : null}
      {view.ended ? <EndBanner view={view} /> : null}
      {view.paused ? (
        <p className="paused-note" role="status">
          The facilitator has paused the game.
        </p>
      ) : null}
      {role ? <PlayerDashboard session={session} view={view} role={role} gameId={gameId} /> : <ObserverView session={session} view={view} />}
    </div>
  );
}

function EndBanner({ view }: { view: GameView }) {
  return (
    <p className="ended-note" role="status" data-testid="game-ended">
      The game has ended.{view.revealed ? " Every private record is now revealed for the debrief." : ""}
    </p>
  );
}

function PlayerDashboard({ session, view, role, gameId }: { session: GameSession; view: GameView; role: Role; gameId: string }) {
  const [tab, setTab] = useState("briefing");
  const [groups, setGroups] = useState<string[]>([]);
  const { channels, markRead, totalUnread } = useChannels(gameId, view, role, groups);
  const proposals = view.proposals ?? [];
  const waiting = proposals.filter((p) => isOpen(p) && p.parties.includes(role) && answerOf(p, role) === "Pending").length;
  const own = view.privateRecords.find((r) => r.role === role);
  const others = view.revealed ? view.privateRecords.filter((r) => r.role !== role) : [];

  const tabs: TabSpec[] = [
    {
      id: "briefing",
      label: "Briefing",
      content: (
        <div className="columns">
          <Section title="Your private briefing">
            {own ? <PrivateBriefing record={own} view={view} heading={`${ROLE_NAMES[role]}: private briefing`} /> : <p className="empty">No private briefing.</p>}
            {others.map((r) => (
              <PrivateBriefing key={r.role} record={r} view={view} />
            ))}
          </Section>
          <Section title="Public record">
            <PublicRecord view={view} me={view.ended ? null : role} send={session.send} />
          </Section>
        </div>
      ),
    },
    {
      id: "channels",
      label: "Channels",
      badge: totalUnread,
      content: <Channels gameId={gameId} me={role} channels={channels} markRead={markRead} onNewChannel={(k) => setGroups((g) => (g.includes(k) ? g : [...g, k]))} send={session.send} canPost={!view.ended} />,
    },
    {
      id: "proposals",
      label: "Proposals",
      badge: waiting,
      content: (
        <div className="columns">
          <Section title="Inbox">
            <ProposalsInbox proposals={proposals} me={role} send={session.send} readOnly={view.ended} />
          </Section>
          <Section title="New proposal">
            {view.ended ? <p className="empty">The game has ended.</p> : <ProposalBuilder submitLabel="Send proposal" onSubmit={(terms) => session.send("Propose", terms)} />}
          </Section>
        </div>
      ),
    },
    { id: "orders", label: "Orders", content: <Section title="Orders"><OrdersForm key={`${view.turn}`} view={view} role={role} send={session.send} /></Section> },
    {
      id: "results",
      label: "Results",
      content: (
        <div className="columns">
          <Section title="Results">
            <Results view={view} />
            <RulesTable view={view} />
          </Section>
          <Section title="Your score">
            <Scores view={view} only={view.revealed ? undefined : role} />
            <MetricsCharts metrics={view.metrics} />
          </Section>
        </div>
      ),
    },
    { id: "table", label: "Table", content: <Section title="Who is at the table"><SeatsTable seats={session.seats} /></Section> },
  ];
  return (
    <main className="dashboard">
      <Tabs tabs={tabs} selected={tab} onSelect={setTab} label="Dashboard" />
    </main>
  );
}

/** Observers: the public record, results and charts; nothing private until the facilitator reveals it. */
function ObserverView({ session, view }: { session: GameSession; view: GameView }) {
  return (
    <main className="dashboard observer">
      <div className="columns">
        <Section title="Public record">
          <PublicRecord view={view} />
        </Section>
        <Section title="Results">
          <Results view={view} />
          <Scores view={view} />
          <RulesTable view={view} />
        </Section>
      </div>
      <Section title="Charts">
        <MetricsCharts metrics={view.metrics} />
      </Section>
      {view.revealed ? (
        <Section title="Private records (revealed)">
          {view.privateRecords.map((r) => (
            <PrivateBriefing key={r.role} record={r} view={view} />
          ))}
        </Section>
      ) : null}
      <Section title="Who is at the table">
        <SeatsTable seats={session.seats} />
      </Section>
    </main>
  );
}
