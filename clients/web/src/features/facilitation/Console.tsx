import { useMemo, useState } from "react";
import type { CreatedGame } from "../../api/types";
import { permissionsOf } from "../../game/permissions";
import { CommandsContext, useGameSession } from "../../game/session";
import { ConnectionBanner } from "../../notifications/Notices";
import { ErrorScreen, LoadingScreen } from "../../ui/Screens";
import { Section } from "../../ui/Section";
import { Tabs, type TabSpec } from "../../ui/Tabs";
import { TopBar } from "../../ui/TopBar";
import { Channels } from "../channels/Channels";
import { useChannels } from "../channels/useChannels";
import { PhaseBar } from "../clock/PhaseBar";
import { NotesPanel } from "../debrief/NotesPanel";
import { revealRecordSoon } from "../headline/revealRecord";
import { TurnHeadlineBanner } from "../headline/TurnHeadlineBanner";
import { WarMap } from "../map/WarMap";
import { OrdersOverview } from "../orders/OrdersOverview";
import { ReadyTicks } from "../orders/ReadyTicks";
import { ProposalsInbox } from "../proposals/ProposalsInbox";
import { PrivateBriefing } from "../record/PrivateBriefing";
import { PublicRecord } from "../record/PublicRecord";
import { MetricsCharts } from "../results/Charts";
import { FinalStandings } from "../results/FinalStandings";
import { ResultsSection } from "../results/Results";
import { Scores } from "../results/Scores";
import { AdjustForm } from "./AdjustForm";
import { GameControls } from "./GameControls";
import { InjectForm } from "./InjectForm";
import { Lobby } from "./Lobby";

const NO_GROUPS: string[] = [];

export function Console({ game }: { game: CreatedGame }) {
  const credentials = useMemo(
    () => ({ kind: "facilitator" as const, gameId: game.gameId, facilitatorKey: game.facilitatorKey }),
    [game.gameId, game.facilitatorKey],
  );
  const session = useGameSession(credentials);
  const [tab, setTab] = useState("lobby");
  const { view, status, seatError, seats } = session;
  const channels = useChannels(game.gameId, view, null, NO_GROUPS);

  if (seatError && !view) return <ErrorScreen title="Cannot open this game" message={seatError} />;
  if (!view) return <LoadingScreen text="Loading the game…" banner={<ConnectionBanner status={status} />} />;
  const may = permissionsOf(view);

  const tabs: TabSpec[] = [
    { id: "lobby", label: "Lobby", content: <Lobby game={game} seats={seats} may={may} /> },
    {
      id: "map",
      label: "Map",
      content: (
        <Section title="Map">
          <WarMap map={view.map} />
        </Section>
      ),
    },
    {
      id: "record",
      label: "Record",
      badge: channels.totalUnread,
      content: (
        <div className="columns">
          <Section title="Public record">
            <PublicRecord view={view} may={may} />
          </Section>
          <Section title="All channels">
            <Channels
              gameId={game.gameId}
              me={null}
              list={channels}
              onNewChannel={() => undefined}
              canPost={may.postMessage}
              canOpenGroup={false}
              maxLength={may.limits.messageMaxLength}
              pageSize={may.limits.messagesShownPerChannel}
            />
          </Section>
        </div>
      ),
    },
    {
      id: "proposals",
      label: "Proposals",
      content: (
        <Section title="Proposals">
          <ProposalsInbox proposals={view.proposals} agreements={view.agreements} may={may} />
        </Section>
      ),
    },
    { id: "orders", label: "Orders", content: <OrdersOverview view={view} /> },
    {
      id: "results",
      label: "Results",
      content: (
        <div className="columns">
          <ResultsSection view={view} />
          <div>
            <AdjustForm view={view} may={may} />
            <Section title="Scores">
              <Scores view={view} />
            </Section>
          </div>
        </div>
      ),
    },
    { id: "injects", label: "Injects", content: <InjectForm view={view} may={may} /> },
    {
      id: "notes",
      label: "Notes",
      content: (
        <Section title="Debrief notes">
          <NotesPanel view={view} canWrite={view.allowed.includes("AddNote")} />
        </Section>
      ),
    },
    {
      id: "charts",
      label: "Charts",
      content: (
        <Section title="Over turns">
          <MetricsCharts view={view} />
        </Section>
      ),
    },
    {
      id: "private",
      label: "Private records",
      content: (
        <Section title="Every role's private record">
          {view.privateRecords.map((r) => (
            <PrivateBriefing key={r.role} record={r} view={view} />
          ))}
        </Section>
      ),
    },
  ];

  return (
    <CommandsContext value={session.commands}>
      <div className="page console">
        <ConnectionBanner status={status} />
        <TopBar who={`Facilitator · ${view.scenario.title}`}>
          <PhaseBar view={view} />
        </TopBar>
        <GameControls view={view} game={game} may={may} />
        {view.phase === "Orders" && !view.ended ? (
          <section className="panel" aria-label="Orders in">
            <ReadyTicks view={view} />
          </section>
        ) : null}
        <FinalStandings view={view} />
        <main className="dashboard">
          <TurnHeadlineBanner
            headlines={view.headlines}
            onOpenRecord={(id) => {
              setTab("results");
              revealRecordSoon(id);
            }}
          />
          <Tabs tabs={tabs} selected={tab} onSelect={setTab} label="Console" />
        </main>
      </div>
    </CommandsContext>
  );
}
