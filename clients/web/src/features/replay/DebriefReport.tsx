import type { TeamMember, TurnMap } from "../../api/types";
import { ROLE_NAMES, ROLES } from "../../api/types";
import { ROLE_COLORS } from "../../ui/roleColors";
import { WarMap } from "../map/WarMap";

/** Who played each role: every seat by the name its holder gave, bots marked (the facilitator's, or after the reveal). */
export function TeamList({ teams }: { teams: readonly TeamMember[] }) {
  if (!teams.length)
    return <p className="empty">The team list is shown to the facilitator, and to everyone once the records are revealed.</p>;
  return (
    <table className="team-list" data-testid="team-list">
      <thead>
        <tr>
          <th scope="col">Role</th>
          <th scope="col">Played by</th>
        </tr>
      </thead>
      <tbody>
        {ROLES.filter((r) => teams.some((t) => t.role === r)).map((role) => (
          <tr key={role} data-role={role}>
            <th scope="row">
              <span className="swatch" style={{ background: ROLE_COLORS[role] }} /> {ROLE_NAMES[role]}
            </th>
            <td>
              {teams
                .filter((t) => t.role === role)
                .map((t) => (t.bot ? `${t.displayName} (bot)` : t.displayName))
                .join(", ")}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The map after every resolved turn, side by side: how the line of contact, the zone and the tripwires moved. */
export function MapsByTurn({ maps }: { maps: readonly TurnMap[] }) {
  if (!maps.length) return <p className="empty">No turn has been resolved yet.</p>;
  return (
    <div className="maps-by-turn" data-testid="maps-by-turn">
      {maps.map((m) => (
        <section key={m.turn} className="turn-map" data-turn={m.turn} aria-label={`The map after turn ${m.turn}`}>
          <h3>After turn {m.turn}</h3>
          <WarMap map={m.map} caption={false} />
          <p className="turn-map-note">Ukraine holds {m.map.territory.toFixed(1)}% of its territory.</p>
        </section>
      ))}
    </div>
  );
}
