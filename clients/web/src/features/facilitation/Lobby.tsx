import { useCallback, useState } from "react";
import { api } from "../../api/rest";
import { storage } from "../../api/storage";
import type { CreatedGame, SeatView } from "../../api/types";
import { ROLES, ROLE_NAMES } from "../../api/types";
import type { Permissions } from "../../game/permissions";
import { useCommands } from "../../game/session";
import { ActionFeedback } from "../../ui/ActionFeedback";
import { Section } from "../../ui/Section";
import { useAction } from "../../ui/useAction";
import { JoinAddressNote, JoinCodes } from "../joining/JoinPanel";
import { ProjectorView } from "../joining/ProjectorView";
import { useJoinAddress } from "../joining/useJoinAddress";
import { SeatsTable } from "../seats/SeatsTable";
import { PastGames } from "./PastGames";

/** Join codes to hand out, the seats with a release button each, and bots for empty roles. */
export function Lobby({ game, seats, may }: { game: CreatedGame; seats: SeatView[]; may: Permissions }) {
  const commands = useCommands();
  const bot = useAction();
  const release = useAction();
  const address = useJoinAddress();
  const [projecting, setProjecting] = useState(false);
  const closeProjector = useCallback(() => setProjecting(false), []);
  // The codes as they stand: a replaced one is kept with the game in this browser, so a reload shows it too.
  const [current, setCurrent] = useState(game);
  const rotate = useAction();
  const newCode = (key: string, name: string) =>
    rotate.run(async () => {
      const { code } = await api.rotateCode(game.gameId, key === "observer" ? "public" : key, game.facilitatorKey);
      setCurrent((held) => {
        const next = key === "observer" ? { ...held, observerCode: code } : { ...held, joinCodes: { ...held.joinCodes, [key]: code } };
        storage.saveFacilitator(next);
        return next;
      });
    }, `${name} have a new code; the old one no longer works.`);
  return (
    <div className="columns">
      {projecting ? <ProjectorView game={current} seats={seats} address={address} onClose={closeProjector} /> : null}
      <Section title="Join codes">
        <JoinAddressNote address={address} />
        <button className="secondary" onClick={() => setProjecting(true)}>
          Projector view
        </button>
        <JoinCodes
          game={current}
          address={address}
          actions={(e) => <NewCodeButton name={e.name} busy={rotate.busy} onConfirm={() => newCode(e.key, e.name)} />}
        />
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
      <PastGames facilitatorKey={game.facilitatorKey} currentGameId={game.gameId} />
    </div>
  );
}

/** Replacing a join code asks first: whoever holds the old one (a released seat, say) can no longer join with it. */
function NewCodeButton({ name, busy, onConfirm }: { name: string; busy: boolean; onConfirm: () => Promise<boolean> }) {
  const [asking, setAsking] = useState(false);
  return asking ? (
    <span role="group" aria-label={`Confirm a new code for ${name}`}>
      <span className="confirm-text">The old code stops working; players already seated stay seated.</span>
      <button className="small danger" onClick={() => void onConfirm().then(() => setAsking(false))} disabled={busy}>
        Yes, new code
      </button>
      <button className="small secondary" onClick={() => setAsking(false)}>
        Keep it
      </button>
    </span>
  ) : (
    <button className="small secondary" onClick={() => setAsking(true)} aria-label={`New code for ${name}`}>
      New code
    </button>
  );
}
