import { useState } from "react";
import { api } from "../../api/rest";
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
  const rotate = useAction();
  // Codes replaced in this console; the server's game details carry them on the next load.
  const [rotated, setRotated] = useState<Record<string, string>>({});
  const codes: [string, string, string][] = [
    ...Object.entries(game.joinCodes).map(([role, code]): [string, string, string] => [role, ROLE_NAMES[role as Role] ?? role, code]),
    ...(game.observerCode ? [["public", "Observers", game.observerCode] as [string, string, string]] : []),
  ];
  const newCode = (audience: string, label: string) =>
    void rotate.run(async () => {
      const { code } = await api.rotateCode(game.gameId, audience, game.facilitatorKey);
      setRotated((r) => ({ ...r, [audience]: code }));
    }, `${label} have a new code; the old one no longer works.`);
  return (
    <div className="columns">
      <Section title="Join codes">
        <p>
          Give each team its code. They join at <strong>{window.location.origin}</strong>.
        </p>
        <table className="codes" data-testid="join-codes">
          <tbody>
            {codes.map(([audience, label, code]) => (
              <tr key={audience}>
                <th scope="row">{label}</th>
                <td>
                  <code data-role={audience === "public" ? "observer" : audience}>{rotated[audience] ?? code}</code>
                </td>
                <td>
                  <button
                    className="small secondary"
                    onClick={() => newCode(audience, label)}
                    disabled={rotate.busy}
                    aria-label={`New code for ${label}`}
                    title="Replace this code: whoever holds the old one (say, a released seat) cannot join with it any more"
                  >
                    New code
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ActionFeedback error={rotate.error} done={rotate.done} />
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
