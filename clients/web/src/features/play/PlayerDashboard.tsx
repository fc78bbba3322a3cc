import { useState } from "react";
import type { GameView, Role, SeatView } from "../../api/types";
import { ROLE_NAMES } from "../../api/types";
import { answerOf, isOpen, permissionsOf, proposalsClosed } from "../../game/permissions";
import { useCommands } from "../../game/session";
import type { NewsItem } from "../../notifications/Announcements";
import type { NewsTab } from "../../notifications/announcements";
import { Section } from "../../ui/Section";
import { Tabs, type TabSpec } from "../../ui/Tabs";
import { Channels } from "../channels/Channels";
import { revealRecordSoon } from "../headline/revealRecord";
import { TurnHeadlineBanner } from "../headline/TurnHeadlineBanner";
import { WarMap } from "../map/WarMap";
import { useChannels } from "../channels/useChannels";
import { OrdersForm } from "../orders/OrdersForm";
import { ProposalBuilder } from "../proposals/ProposalBuilder";
import { ProposalsInbox } from "../proposals/ProposalsInbox";
import { PrivateBriefing } from "../record/PrivateBriefing";
import { PublicRecord } from "../record/PublicRecord";
import { MetricsCharts } from "../results/Charts";
import { ResultsSection } from "../results/Results";
import { Scores } from "../results/Scores";
import { SeatsTable } from "../seats/SeatsTable";

/** A role's dashboard: briefing and record, channels, proposals, orders, results, and who is at the table. */
export function PlayerDashboard({
  view,
  seats,
  role,
  gameId,
  news,
}: {
  view: GameView;
  seats: SeatView[];
  role: Role;
  gameId: string;
  news: NewsItem[];
}) {
  const [tab, setTab] = useState("briefing");
  // Announcements up to this id were shown while their tab was open, or their tab was opened since.
  const [seen, setSeen] = useState<Record<string, number>>({});
  const latest = news.at(-1)?.id ?? 0;
  const fresh = (id: NewsTab) => (id === tab ? 0 : news.filter((n) => n.tab === id && n.id > (seen[id] ?? 0)).length);
  const select = (next: string) => {
    setSeen((s) => ({ ...s, [tab]: latest, [next]: latest }));
    setTab(next);
  };
  const [groups, setGroups] = useState<string[]>([]);
  const channels = useChannels(gameId, view, role, groups);
  const commands = useCommands();
  const may = permissionsOf(view);
  const waiting = view.proposals.filter((p) => isOpen(p) && p.parties.includes(role) && answerOf(p, role) === "Pending").length;
  const own = view.privateRecords.find((r) => r.role === role);
  const others = view.revealed ? view.privateRecords.filter((r) => r.role !== role) : [];

  const tabs: TabSpec[] = [
    {
      id: "briefing",
      label: "Briefing",
      badge: fresh("briefing"),
      content: (
        <>
          <Section title="Map">
            <WarMap map={view.map} />
          </Section>
          <div className="columns">
            <Section title="Your private briefing">
              {own ? (
                <PrivateBriefing record={own} view={view} heading={`${ROLE_NAMES[role]}: private briefing`} />
              ) : (
                <p className="empty">No private briefing.</p>
              )}
              {others.map((r) => (
                <PrivateBriefing key={r.role} record={r} view={view} />
              ))}
            </Section>
            <Section title="Public record">
              <PublicRecord view={view} may={may} />
            </Section>
          </div>
        </>
      ),
    },
    {
      id: "channels",
      label: "Channels",
      badge: channels.totalUnread,
      content: (
        <Channels
          gameId={gameId}
          me={role}
          list={channels}
          onNewChannel={(k) => setGroups((g) => (g.includes(k) ? g : [...g, k]))}
          canPost={may.postMessage}
          canOpenGroup={may.openGroup}
          maxLength={may.limits.messageMaxLength}
          pageSize={may.limits.messagesShownPerChannel}
        />
      ),
    },
    {
      id: "proposals",
      label: "Proposals",
      badge: Math.max(waiting, fresh("proposals")),
      content: (
        <div className="columns">
          <Section title="Inbox">
            <ProposalsInbox proposals={view.proposals} agreements={view.agreements} may={may} gameId={gameId} stateVersion={view.version} />
          </Section>
          <Section title="New proposal">
            {view.ended ? (
              <p className="empty">The game has ended.</p>
            ) : (
              <ProposalBuilder
                submitLabel="Send proposal"
                onSubmit={commands.propose}
                closed={proposalsClosed(view, may)}
                draftOf={gameId}
                stateVersion={view.version}
              />
            )}
          </Section>
        </div>
      ),
    },
    {
      id: "orders",
      label: "Orders",
      badge: fresh("orders"),
      content: (
        <Section title="Orders">
          <OrdersForm key={`${view.turn}-${view.phase}`} view={view} role={role} />
        </Section>
      ),
    },
    {
      id: "results",
      label: "Results",
      badge: fresh("results"),
      content: (
        <div className="columns">
          <ResultsSection view={view} />
          <Section title="Your score">
            <Scores view={view} only={view.revealed ? undefined : role} />
            <MetricsCharts view={view} />
          </Section>
        </div>
      ),
    },
    {
      id: "table",
      label: "Table",
      content: (
        <Section title="Who is at the table">
          <SeatsTable seats={seats} />
        </Section>
      ),
    },
  ];
  return (
    <main className="dashboard">
      <TurnHeadlineBanner
        headlines={view.headlines}
        onOpenRecord={(id) => {
          select("results");
          revealRecordSoon(id);
        }}
      />
      <Tabs tabs={tabs} selected={tab} onSelect={select} label="Dashboard" />
    </main>
  );
}
