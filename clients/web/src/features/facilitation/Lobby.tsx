import type { CreatedGame, Role, SeatView } from "../../api/types";
import { ROLES, ROLE_NAMES } from "../../api/types";
import type { Permissions } from "../../game/permissions";
import { useCommands } from "../../game/session";
import { ActionFeedback } from "../../ui/ActionFeedback";
import { Section } from "../../ui/Section";
import { useAction } from "../../ui/useAction";
import { SeatsTable } from "../seats/SeatsTable";

/** Join codes to hand out, the seats with a release button each, and bots for empty roles. */
export function Lobby({ game, seats, may }: { game: CreatedGame; seats: SeatView[]; may: Permissions }) {
  const commands = useCommands();
  const bot = useAction();
  const release = useAction();
  return (
    <div className="columns">
      <Section title="Join codes">
        <p>
          Give each team its code. They join at <strong>{window.location.origin}</strong>.
        </p>
        <table className="codes" data-testid="join-codes">
          <tbody>
            {Object.entries(game.joinCodes).map(([role, code]) => (
              <tr key={role}>
                <th scope="row">{ROLE_NAMES[role as Role] ?? role}</th>
                <td>
                  <code data-role={role}>{code}</code>
                </td>
              </tr>
            ))}
            {game.observerCode ? (
              <tr>
                <th scope="row">Observers</th>
                <td>
                  <code data-role="observer">{game.observerCode}</code>
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
        <details className="secret">
          <summary>Facilitator key (keep it secret)</summary>
          <p>With this key you can open this console on another computer. Players must never see it.</p>
          <code data-testid="facilitator-key">{game.facilitatorKey}</code>
        </details>
      </Section>
      <Section title="Seats">
        <SeatsTable
          seats={seats}
          actions={(s) =>
            may.manageSeats && s.audience.kind === "Role" ? (
              <button
                className="small secondary"
                onClick={() => void release.run(() => commands.releaseSeat(s.seatId))}
                aria-label={`Release seat of ${s.displayName}`}
              >
                Release
              </button>
            ) : null
          }
        />
        <ActionFeedback error={release.error} />
        <h3>Bots on empty seats</h3>
        <div className="row">
          {ROLES.map((r) => (
            <button
              key={r}
              className="secondary"
              onClick={() => void bot.run(() => commands.assignBot(r), `A bot now plays ${ROLE_NAMES[r]}.`)}
              disabled={bot.busy || !may.manageSeats}
            >
              Bot plays {ROLE_NAMES[r]}
            </button>
          ))}
        </div>
        <ActionFeedback error={bot.error} done={bot.done} />
      </Section>
    </div>
  );
}
