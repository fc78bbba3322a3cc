import type { GameView, SeatView } from "../../api/types";
import { permissionsOf } from "../../game/permissions";
import { revealRecordSoon } from "../headline/revealRecord";
import { TurnHeadlineBanner } from "../headline/TurnHeadlineBanner";
import { WarMap } from "../map/WarMap";
import { Section } from "../../ui/Section";
import { PrivateBriefing } from "../record/PrivateBriefing";
import { PublicRecord } from "../record/PublicRecord";
import { MetricsCharts } from "../results/Charts";
import { Results, RulesTable } from "../results/Results";
import { Scores } from "../results/Scores";
import { SeatsTable } from "../seats/SeatsTable";

/** Observers: the public record, results and charts; nothing private until the facilitator reveals it. */
export function ObserverView({ view, seats }: { view: GameView; seats: SeatView[] }) {
  return (
    <main className="dashboard observer">
      <TurnHeadlineBanner headlines={view.headlines} onOpenRecord={revealRecordSoon} />
      <Section title="Map">
        <WarMap map={view.map} />
      </Section>
      <div className="columns">
        <Section title="Public record">
          <PublicRecord view={view} may={permissionsOf(view)} />
        </Section>
        <Section title="Results">
          <Results view={view} />
          <Scores view={view} />
          <RulesTable view={view} />
        </Section>
      </div>
      <Section title="Charts">
        <MetricsCharts view={view} />
      </Section>
      {view.revealed ? (
        <Section title="Private records (revealed)">
          {view.privateRecords.map((r) => (
            <PrivateBriefing key={r.role} record={r} view={view} />
          ))}
        </Section>
      ) : null}
      <Section title="Who is at the table">
        <SeatsTable seats={seats} />
      </Section>
    </main>
  );
}
