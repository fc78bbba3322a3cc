import { useState } from "react";
import { api } from "../../api/rest";
import { storage } from "../../api/storage";
import type { CreatedGame } from "../../api/types";
import { ActionFeedback } from "../../ui/ActionFeedback";
import { Field } from "../../ui/fields";
import { BackToStart } from "../../ui/Screens";
import { Section } from "../../ui/Section";
import { useAction } from "../../ui/useAction";
import { Console } from "./Console";

/** The facilitator's console of one game, once this browser holds the game's facilitator key. */
export function FacilitatorConsole({ gameId }: { gameId: string }) {
  const [game, setGame] = useState(() => storage.facilitator(gameId));
  if (!game) return <KeyForm gameId={gameId} onOpened={setGame} />;
  return <Console game={game} />;
}

/** On another browser the facilitator types the key once; the server returns the codes with the game. */
function KeyForm({ gameId, onOpened }: { gameId: string; onOpened: (game: CreatedGame) => void }) {
  const [key, setKey] = useState("");
  const action = useAction();
  return (
    <main className="centered">
      <Section title="Facilitator key needed">
        <p>This browser does not hold the facilitator key of game {gameId}. Enter the key you received when you created it.</p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void action.run(async () => {
              const details = await api.game(gameId, key.trim());
              const game: CreatedGame = {
                gameId,
                facilitatorKey: key.trim(),
                joinCodes: details.joinCodes,
                observerCode: details.observerCode,
              };
              storage.saveFacilitator(game);
              onOpened(game);
            });
          }}
        >
          <Field label="Facilitator key">
            {(id) => (
              <input
                id={id}
                value={key}
                onChange={(e) => setKey(e.target.value)}
                required
                autoComplete="off"
                aria-describedby="key-error"
              />
            )}
          </Field>
          <button type="submit" disabled={action.busy}>
            Open the console
          </button>
          <ActionFeedback error={action.error} id="key-error" />
        </form>
        <BackToStart />
      </Section>
    </main>
  );
}
