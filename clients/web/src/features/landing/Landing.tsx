import { useEffect, useState } from "react";
import { api } from "../../api/rest";
import { storage } from "../../api/storage";
import type { ScenarioSummary } from "../../api/types";
import { ROLE_NAMES } from "../../api/types";
import { joinWithCode } from "../../game/session";
import { navigate } from "../../router";
import { ActionFeedback } from "../../ui/ActionFeedback";
import { Field } from "../../ui/fields";
import { Section } from "../../ui/Section";
import { useAction } from "../../ui/useAction";

/** Join a game with a code, create one as a facilitator, or open a replay. */
export function Landing({ code }: { code?: string }) {
  const recent = storage.recent();
  return (
    <main className="landing">
      <header className="hero">
        <h1>Wargame</h1>
        <p>A negotiation game: Ukraine, Russia, the United States and Europe negotiate ceasefires and security guarantees.</p>
      </header>
      <div className="landing-grid">
        <JoinForm key={code} initialCode={code ?? ""} />
        <CreateForm />
      </div>
      <div className="landing-grid">
        <ReplayForm />
        {recent.length ? (
          <Section title="Your games on this browser">
            <ul className="recent">
              {recent.map((g) => (
                <li key={g.href}>
                  <a href={g.href}>
                    {g.title} — {g.as}
                  </a>
                </li>
              ))}
            </ul>
          </Section>
        ) : null}
      </div>
    </main>
  );
}

function JoinForm({ initialCode }: { initialCode: string }) {
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState("");
  const action = useAction();
  return (
    <Section title="Join a game">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(async () => {
            // A refusal rejects with a HubError: its message is the server's sentence, shown under the form.
            const join = await joinWithCode(code, name || "Player");
            const as = join.audience.kind === "Role" && join.audience.role ? ROLE_NAMES[join.audience.role] : "Observer";
            storage.remember({ gameId: join.gameId, title: `Game ${join.gameId.slice(0, 8)}`, as, href: `#/game/${join.gameId}` });
            navigate(`/game/${join.gameId}`);
          });
        }}
      >
        <p>Your facilitator gives each team a join code (and observers an observer code).</p>
        <Field label="Join code">
          {(id) => (
            <input
              id={id}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              required
              autoComplete="off"
              aria-describedby="join-error"
              autoCapitalize="characters"
            />
          )}
        </Field>
        <Field label="Your name">
          {(id) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} maxLength={60} autoComplete="nickname" />}
        </Field>
        <button type="submit" disabled={action.busy || !code.trim()}>
          {action.busy ? "Joining…" : "Join"}
        </button>
        <ActionFeedback error={action.error} id="join-error" />
      </form>
    </Section>
  );
}

function CreateForm() {
  const [scenarios, setScenarios] = useState<ScenarioSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [picked, setPicked] = useState<string>("");
  const action = useAction();
  useEffect(() => {
    api
      .scenarios()
      .then((list) => {
        setScenarios(list);
        if (list.length) setPicked((p) => p || list[0].id);
      })
      .catch((e: Error) => setLoadError(e.message));
  }, []);
  const chosen = scenarios?.find((s) => s.id === picked);
  return (
    <Section title="Run a game (facilitator)">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(async () => {
            const game = await api.createGame(picked);
            storage.saveFacilitator(game);
            storage.remember({
              gameId: game.gameId,
              title: chosen?.title ?? picked,
              as: "Facilitator",
              href: `#/facilitate/${game.gameId}`,
            });
            navigate(`/facilitate/${game.gameId}`);
          });
        }}
      >
        {loadError ? (
          <p className="error" role="alert">
            Scenarios could not be loaded: {loadError}
          </p>
        ) : null}
        {scenarios === null && !loadError ? <p>Loading scenarios…</p> : null}
        {scenarios?.length === 0 ? <p className="error">The server has no scenarios.</p> : null}
        {scenarios?.length ? (
          <fieldset>
            <legend>Scenario</legend>
            {scenarios.map((s) => (
              <label key={s.id} className="scenario-option">
                <input type="radio" name="scenario" value={s.id} checked={picked === s.id} onChange={() => setPicked(s.id)} />
                <span>
                  <strong>{s.title}</strong> <small>({s.turns} turns)</small>
                </span>
              </label>
            ))}
          </fieldset>
        ) : null}
        {chosen ? (
          <p className="scenario-summary" data-testid="scenario-summary">
            {chosen.summary}
          </p>
        ) : null}
        <button type="submit" disabled={action.busy || !picked}>
          {action.busy ? "Creating…" : "Create game"}
        </button>
        <ActionFeedback error={action.error} />
      </form>
    </Section>
  );
}

function ReplayForm() {
  const action = useAction();
  return (
    <Section title="Replay a saved game">
      <p>Open a saved-game file exported from a facilitator console to step through it, switch audiences or fork it.</p>
      <label htmlFor="saved-game">Saved-game file (.json)</label>
      <input
        id="saved-game"
        type="file"
        accept="application/json,.json"
        aria-describedby="saved-game-error"
        disabled={action.busy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          void action.run(async () => {
            const text = await file.text();
            try {
              JSON.parse(text);
            } catch {
              throw new Error(`${file.name} is not a saved-game JSON file.`);
            }
            // The server registers the file as a new game of this browser's facilitator; the replay reads it from there.
            // Sent as read: parsing and re-serialising would round the 64-bit seed and break the replay.
            const game = await api.importGame(text);
            storage.saveFacilitator(game);
            storage.remember({ gameId: game.gameId, title: `Replay of ${file.name}`, as: "Replay", href: `#/replay/${game.gameId}` });
            navigate(`/replay/${game.gameId}`);
          });
        }}
      />
      <ActionFeedback error={action.error} id="saved-game-error" />
    </Section>
  );
}
