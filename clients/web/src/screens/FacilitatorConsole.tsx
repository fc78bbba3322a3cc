import { useMemo, useState } from "react";
import { useGameSession, type GameSession } from "../api/hub";
import { api, downloadSavedGame } from "../api/rest";
import { storage } from "../api/storage";
import type { CreatedGame, EventCardView, GameView, InjectEffect, ResolutionRecord } from "../api/types";
import { ROLE_NAMES, ROLES } from "../api/types";
import { MetricsCharts } from "../components/Charts";
import { Channels, useChannels } from "../components/Channels";
import { describeOrders } from "../components/OrdersForm";
import { ProposalsInbox } from "../components/Proposals";
import { PrivateBriefing, PublicRecord, SeatsTable } from "../components/Record";
import { Results, RulesTable, Scores } from "../components/Results";
import { ConnectionBanner, PhaseBar } from "../components/StatusBar";
import { ActionFeedback, Field, NumberInput, Section, Tabs, useAction, type TabSpec } from "../components/ui";

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
              const game: CreatedGame = { gameId, facilitatorKey: key.trim(), joinCodes: details.joinCodes, observerCode: details.observerCode };
              storage.saveFacilitator(game);
              onOpened(game);
            });
          }}
        >
          <Field label="Facilitator key">{(id) => <input id={id} value={key} onChange={(e) => setKey(e.target.value)} required autoComplete="off" aria-describedby="key-error" />}</Field>
          <button type="submit" disabled={action.busy}>
            Open the console
          </button>
          <ActionFeedback error={action.error} id="key-error" />
        </form>
        <a href="#/">Back to the start page</a>
      </Section>
    </main>
  );
}

function Console({ game }: { game: CreatedGame }) {
  const credentials = useMemo(() => ({ kind: "facilitator" as const, gameId: game.gameId, facilitatorKey: game.facilitatorKey }), [game.gameId, game.facilitatorKey]);
  const session = useGameSession(credentials);
  const [tab, setTab] = useState("lobby");
  const { view, status, joinError } = session;
  const { channels, markRead, totalUnread } = useChannels(game.gameId, view, null, []);

  if (joinError && !view)
    return (
      <main className="centered">
        <p className="error" role="alert">
          {joinError}
        </p>
        <a href="#/">Back to the start page</a>
      </main>
    );
  if (!view)
    return (
      <main className="centered">
        <ConnectionBanner status={status} />
        <p>Loading the game…</p>
      </main>
    );

  const tabs: TabSpec[] = [
    { id: "lobby", label: "Lobby", content: <Lobby game={game} session={session} /> },
    {
      id: "record",
      label: "Record",
      badge: totalUnread,
      content: (
        <div className="columns">
          <Section title="Public record">
            <PublicRecord view={view} />
          </Section>
          <Section title="All channels">
            <Channels gameId={game.gameId} me={null} channels={channels} markRead={markRead} onNewChannel={() => undefined} send={session.send} canPost={!view.ended} />
          </Section>
        </div>
      ),
    },
    {
      id: "proposals",
      label: "Proposals",
      content: (
        <Section title="Proposals">
          <ProposalsInbox proposals={view.proposals ?? []} me={null} send={session.send} readOnly />
        </Section>
      ),
    },
    { id: "orders", label: "Orders", content: <OrdersOverview view={view} /> },
    {
      id: "results",
      label: "Results",
      content: (
        <div className="columns">
          <Section title="Results">
            <Results view={view} />
            <RulesTable view={view} />
          </Section>
          <div>
            <AdjustForm view={view} session={session} />
            <Section title="Scores">
              <Scores view={view} />
            </Section>
          </div>
        </div>
      ),
    },
    { id: "injects", label: "Injects", content: <InjectForm view={view} session={session} /> },
    { id: "charts", label: "Charts", content: <Section title="Over turns"><MetricsCharts metrics={view.metrics} /></Section> },
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
    <div className="page console">
      <ConnectionBanner status={status} />
      <header className="topbar">
        <a href="#/" className="home" aria-label="Start page">
          Wargame
        </a>
        <span className="who">Facilitator · {view.scenario.title}</span>
        <PhaseBar view={view} />
      </header>
      <Clock view={view} session={session} game={game} />
      <main className="dashboard">
        <Tabs tabs={tabs} selected={tab} onSelect={setTab} label="Console" />
      </main>
    </div>
  );
}

/** Phase controls, deadlines, pause, end and reveal, export and replay. */
function Clock({ view, session, game }: { view: GameView; session: GameSession; game: CreatedGame }) {
  const advance = useAction();
  const deadline = useAction();
  const pause = useAction();
  const end = useAction();
  const exporting = useAction();
  const [minutes, setMinutes] = useState(10);
  const [confirmingEnd, setConfirmingEnd] = useState(false);
  const next = view.phase === "Orders" ? "Close orders and resolve the turn" : view.phase === "Debrief" ? (view.turn >= view.scenario.turns ? "Finish the last turn" : `Start turn ${view.turn + 1}`) : "Next phase";

  return (
    <section className="panel clock" aria-label="Game controls">
      <div className="control">
        <button data-testid="advance" onClick={() => void advance.run(() => session.send("AdvancePhase"))} disabled={advance.busy || view.ended}>
          {next}
        </button>
        <ActionFeedback error={advance.error} />
      </div>
      <div className="control deadline">
        <NumberInput label="Deadline (minutes from now)" value={minutes} min={1} max={240} onChange={setMinutes} />
        <button onClick={() => void deadline.run(() => session.send("SetDeadline", Math.round(minutes * 60)), "Deadline set.")} disabled={deadline.busy || view.ended}>
          Set deadline
        </button>
        <button className="secondary" onClick={() => void deadline.run(() => session.send("ExtendDeadline", 300), "Extended by 5 minutes.")} disabled={deadline.busy || !view.deadline}>
          +5 min
        </button>
        <button className="secondary" onClick={() => void deadline.run(() => session.send("SetDeadline", null), "Deadline cleared.")} disabled={deadline.busy || !view.deadline}>
          Clear
        </button>
        <ActionFeedback error={deadline.error} done={deadline.done} />
      </div>
      <div className="control">
        {view.paused ? (
          <button onClick={() => void pause.run(() => session.send("ResumePlay"))} disabled={pause.busy || view.ended}>
            Resume play
          </button>
        ) : (
          <button className="secondary" onClick={() => void pause.run(() => session.send("Pause"))} disabled={pause.busy || view.ended}>
            Pause
          </button>
        )}
        <ActionFeedback error={pause.error} />
      </div>
      <div className="control">
        {!view.ended ? (
          confirmingEnd ? (
            <span role="group" aria-label="Confirm the end of the game">
              <button className="danger" onClick={() => void end.run(() => session.send("EndGame")).then(() => setConfirmingEnd(false))} disabled={end.busy}>
                Yes, end the game
              </button>
              <button className="secondary" onClick={() => setConfirmingEnd(false)}>
                Keep playing
              </button>
            </span>
          ) : (
            <button className="danger" onClick={() => setConfirmingEnd(true)}>
              End game
            </button>
          )
        ) : !view.revealed ? (
          <button onClick={() => void end.run(() => session.send("RevealAll"), "Every private record is revealed.")} disabled={end.busy}>
            Reveal all records
          </button>
        ) : (
          <span className="pill">Revealed</span>
        )}
        <ActionFeedback error={end.error} done={end.done} />
      </div>
      <div className="control">
        <button
          className="secondary"
          onClick={() =>
            void exporting.run(() => downloadSavedGame(game.gameId, game.facilitatorKey))
          }
          disabled={exporting.busy}
        >
          Export saved game
        </button>
        <a className="button secondary" href={`#/replay/${game.gameId}`}>
          Open replay
        </a>
        <ActionFeedback error={exporting.error} />
      </div>
    </section>
  );
}

function Lobby({ game, session }: { game: CreatedGame; session: GameSession }) {
  const bot = useAction();
  const release = useAction();
  const codes = Object.entries(game.joinCodes);
  const origin = window.location.origin;
  return (
    <div className="columns">
      <Section title="Join codes">
        <p>
          Give each team its code. They join at <strong>{origin}</strong>.
        </p>
        <table className="codes" data-testid="join-codes">
          <tbody>
            {codes.map(([role, code]) => (
              <tr key={role}>
                <th scope="row">{ROLE_NAMES[role as keyof typeof ROLE_NAMES] ?? role}</th>
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
          seats={session.seats}
          actions={(s) =>
            s.audience.kind === "Role" ? (
              <button className="small secondary" onClick={() => void release.run(() => session.send("ReleaseSeat", s.seatId))} aria-label={`Release seat of ${s.displayName}`}>
                Release
              </button>
            ) : null
          }
        />
        <ActionFeedback error={release.error} />
        <h3>Bots on empty seats</h3>
        <div className="row">
          {ROLES.map((r) => (
            <button key={r} className="secondary" onClick={() => void bot.run(() => session.send("AssignBot", r), `A bot now plays ${ROLE_NAMES[r]}.`)} disabled={bot.busy}>
              Bot plays {ROLE_NAMES[r]}
            </button>
          ))}
        </div>
        <ActionFeedback error={bot.error} done={bot.done} />
      </Section>
    </div>
  );
}

function OrdersOverview({ view }: { view: GameView }) {
  return (
    <Section title={`Orders, turn ${view.turn}`}>
      <table className="orders-table">
        <thead>
          <tr>
            <th scope="col">Role</th>
            <th scope="col">Submitted this turn</th>
            <th scope="col">Standing orders</th>
          </tr>
        </thead>
        <tbody>
          {view.orders.map((o) => (
            <tr key={o.role}>
              <th scope="row">{ROLE_NAMES[o.role]}</th>
              <td>{o.submitted ? describeOrders(o.submitted) : <span className="empty">not yet</span>}</td>
              <td>{o.standing ? describeOrders(o.standing) : <span className="empty">none</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

/** Rolls of the last resolved turn: the ones the rules let the facilitator shift during its debrief. */
function adjustableRecords(view: GameView): ResolutionRecord[] {
  const last = Math.max(0, ...view.results.map((r) => r.turn));
  return (view.records ?? []).filter((r) => r.turn === last && (r.adjustable ?? r.roll != null));
}

/** Semi-rigid adjudication: shift one outcome by at most ±0.5 logit, with a reason that goes into the log. */
function AdjustForm({ view, session }: { view: GameView; session: GameSession }) {
  const records = adjustableRecords(view);
  const [recordId, setRecordId] = useState("");
  const [logit, setLogit] = useState(0.25);
  const [reason, setReason] = useState("");
  const action = useAction();
  const chosen = recordId || records.at(-1)?.id || "";
  return (
    <Section title="Adjust an adjudication">
      {records.length === 0 ? <p className="empty">Nothing to adjust: the last resolved turn's rolls appear here during its debrief.</p> : null}
      <form
        aria-label="Adjust an adjudication"
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(async () => {
            const r = await session.send("AdjustAdjudication", { recordId: chosen, logit, reason });
            if (r.accepted) setReason("");
            return r;
          }, "Adjustment recorded with its reason.");
        }}
      >
        <Field label="Outcome">
          {(id) => (
            <select id={id} value={chosen} onChange={(e) => setRecordId(e.target.value)} disabled={records.length === 0}>
              {records.map((r) => (
                <option key={r.id} value={r.id}>
                  Turn {r.turn}: {r.title} — {r.subject} (roll {r.roll} vs {r.thresholdBp})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={`Shift (logit, −0.5 to +0.5): ${logit > 0 ? "+" : ""}${logit.toFixed(2)}`}>
          {(id) => <input id={id} type="range" min={-0.5} max={0.5} step={0.05} value={logit} onChange={(e) => setLogit(Number(e.target.value))} />}
        </Field>
        <Field label="Reason (recorded in the log)">{(id) => <textarea id={id} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} required />}</Field>
        <button type="submit" disabled={action.busy || !chosen}>
          Adjust
        </button>
        <ActionFeedback error={action.error} done={action.done} />
      </form>
    </Section>
  );
}

/** Fire a card from the scenario's deck, or write a free-text event with effects on named quantities. */
function InjectForm({ view, session }: { view: GameView; session: GameSession }) {
  const deck = view.eventDeck ?? [];
  const [cardId, setCardId] = useState("");
  const chosenCard = deck.find((c) => c.id === cardId) ?? deck.find((c) => !c.fired) ?? deck[0];
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [effects, setEffects] = useState<InjectEffect[]>([]);
  const card = useAction();
  const free = useAction();
  return (
    <div className="columns">
      <Section title="From the scenario's deck">
        {deck.length === 0 ? <p className="empty">This scenario has no event cards.</p> : null}
        {deck.length ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void card.run(() => session.send("InjectEvent", { cardId: chosenCard.id, title: null, text: null, effects: [] }), "Inject fired.");
            }}
          >
            <Field label="Card">
              {(id) => (
                <select id={id} value={chosenCard.id} onChange={(e) => setCardId(e.target.value)}>
                  {deck.map((c) => (
                    <option key={c.id} value={c.id} disabled={c.fired}>
                      {c.title}
                      {c.fired ? " (played)" : ""}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <CardPreview card={chosenCard} />
            <button type="submit" disabled={card.busy || chosenCard.fired}>
              Fire card
            </button>
            <ActionFeedback error={card.error} done={card.done} />
          </form>
        ) : null}
      </Section>
      <Section title="Free-text inject">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void free.run(async () => {
              const r = await session.send("InjectEvent", { cardId: null, title, text, effects });
              if (r.accepted) {
                setTitle("");
                setText("");
                setEffects([]);
              }
              return r;
            }, "Inject sent to every table.");
          }}
        >
          <Field label="Title">{(id) => <input id={id} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />}</Field>
          <Field label="What happens">{(id) => <textarea id={id} value={text} onChange={(e) => setText(e.target.value)} rows={3} />}</Field>
          <fieldset>
            <legend>Effects</legend>
            {effects.map((ef, i) => (
              <div className="row" key={i}>
                <Field label={`Quantity ${i + 1}`} hint="e.g. RU.resolve, US.reputation">
                  {(id) => <input id={id} value={ef.quantity} onChange={(e) => setEffects(effects.map((x, j) => (j === i ? { ...x, quantity: e.target.value } : x)))} />}
                </Field>
                <NumberInput label={`Change ${i + 1}`} value={ef.delta} step={0.05} onChange={(delta) => setEffects(effects.map((x, j) => (j === i ? { ...x, delta } : x)))} />
                <button type="button" className="small secondary" onClick={() => setEffects(effects.filter((_, j) => j !== i))} aria-label={`Remove effect ${i + 1}`}>
                  Remove
                </button>
              </div>
            ))}
            <button type="button" className="secondary" onClick={() => setEffects([...effects, { quantity: "", delta: 0 }])}>
              Add effect
            </button>
          </fieldset>
          <button type="submit" disabled={free.busy}>
            Send inject
          </button>
          <ActionFeedback error={free.error} done={free.done} />
        </form>
      </Section>
    </div>
  );
}

function CardPreview({ card }: { card: EventCardView | undefined }) {
  if (!card) return null;
  return (
    <div className="card-preview">
      <p>{card.text}</p>
      {card.turn ? <p className="hint">Scheduled for turn {card.turn}.</p> : null}
      {card.effects.length ? (
        <ul>
          {card.effects.map((e, i) => (
            <li key={i}>
              {e.quantity} {e.delta >= 0 ? "+" : ""}
              {e.delta}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
