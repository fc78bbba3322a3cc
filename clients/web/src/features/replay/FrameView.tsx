import type { GameView } from "../../api/types";
import { readOnly } from "../../game/permissions";
import { revealRecordSoon } from "../headline/revealRecord";
import { TurnHeadlineBanner } from "../headline/TurnHeadlineBanner";
import { WarMap } from "../map/WarMap";
import { NotesPanel } from "../debrief/NotesPanel";
import { Section } from "../../ui/Section";
import { AgreementsList } from "../proposals/AgreementsList";
import { ProposalsInbox } from "../proposals/ProposalsInbox";
import { MessageList } from "../record/MessageList";
import { PrivateBriefing } from "../record/PrivateBriefing";
import { PublicRecord } from "../record/PublicRecord";
import { MetricsCharts } from "../results/Charts";
import { Results } from "../results/Results";
import { Scores } from "../results/Scores";
import { audienceName } from "./replay";

/** One replay frame: everything the chosen audience knew at that point, and nothing to act on. */
export function FrameView({ view, audience }: { view: GameView; audience: string }) {
  const may = readOnly(view.limits);
  return (
    <main className="dashboard" data-testid="replay-view" data-audience={audience}>
      <TurnHeadlineBanner headlines={view.headlines} onOpenRecord={revealRecordSoon} />
      <Section title={`Map, turn ${view.turn}`}>
        <WarMap map={view.map} />
      </Section>
      <div className="columns">
        <Section title={audience === "public" ? "Public record" : `What ${audienceName(audience)} knew`}>
          {view.privateRecords.map((r) => (
            <PrivateBriefing key={r.role} record={r} view={view} />
          ))}
          <PublicRecord view={view} may={may} />
        </Section>
        <Section title="Messages seen">
          <MessageList messages={view.messages} empty="None." showRecipients />
          <h3>Proposals</h3>
          <ProposalsInbox proposals={view.proposals} may={may} />
          <h3>Agreements</h3>
          <AgreementsList agreements={view.agreements} may={may} />
        </Section>
      </div>
      <div className="columns">
        <Section title="Results">
          <Results view={view} />
        </Section>
        {view.notes.length ? (
          <Section title="Facilitator's notes">
            <NotesPanel view={view} canWrite={false} />
          </Section>
        ) : null}
        <Section title="Scores and charts">
          <Scores view={view} />
          <MetricsCharts view={view} />
        </Section>
      </div>
    </main>
  );
}
