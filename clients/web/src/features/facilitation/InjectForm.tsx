import { useState } from "react";
import type { EventCardView, GameView, InjectEffect, InjectQuantityView } from "../../api/types";
import type { Permissions } from "../../game/permissions";
import { useCommands } from "../../game/session";
import { ActionFeedback } from "../../ui/ActionFeedback";
import { Field, NumberInput } from "../../ui/fields";
import { Section } from "../../ui/Section";
import { useAction } from "../../ui/useAction";

/** Fire a card from the scenario's deck, or write a free-text event with effects on named quantities. */
export function InjectForm({ view, may }: { view: GameView; may: Permissions }) {
  return (
    <div className="columns">
      <Section title="From the scenario's deck">
        {view.eventDeck.length === 0 ? (
          <p className="empty">This scenario has no event cards.</p>
        ) : (
          <CardForm deck={view.eventDeck} may={may} quantities={view.injectQuantities} />
        )}
      </Section>
      <Section title="Free-text inject">
        <FreeTextForm may={may} quantities={view.injectQuantities} />
      </Section>
    </div>
  );
}

function CardForm({ deck, may, quantities }: { deck: EventCardView[]; may: Permissions; quantities: InjectQuantityView[] }) {
  const [cardId, setCardId] = useState("");
  const chosen = deck.find((c) => c.id === cardId) ?? deck.find((c) => !c.fired) ?? deck[0];
  const commands = useCommands();
  const action = useAction();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() => commands.injectEvent({ cardId: chosen.id, title: null, text: null, effects: [] }), "Inject fired.");
      }}
    >
      <Field label="Card">
        {(id) => (
          <select id={id} value={chosen.id} onChange={(e) => setCardId(e.target.value)}>
            {deck.map((c) => (
              <option key={c.id} value={c.id} disabled={c.fired}>
                {c.title}
                {c.fired ? " (played)" : ""}
              </option>
            ))}
          </select>
        )}
      </Field>
      <CardPreview card={chosen} quantities={quantities} />
      <button type="submit" disabled={action.busy || !may.fireCard(chosen)}>
        Fire card
      </button>
      <ActionFeedback error={action.error} done={action.done} />
    </form>
  );
}

/** "0 to 1" or "0 to 2,000,000": the range a quantity is kept in, as the rules clamp it. */
function rangeOf(q: InjectQuantityView) {
  const f = (v: number) => v.toLocaleString("en-GB");
  return `${f(q.min)} to ${f(q.max)}`;
}

function FreeTextForm({ may, quantities }: { may: Permissions; quantities: InjectQuantityView[] }) {
  const { injectTitleMaxLength, injectTextMaxLength, injectMaxEffects } = may.limits;
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [effects, setEffects] = useState<InjectEffect[]>([]);
  const commands = useCommands();
  const action = useAction();
  const change = (i: number, patch: Partial<InjectEffect>) => setEffects(effects.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(async () => {
          const r = await commands.injectEvent({ cardId: null, title, text, effects });
          if (r.accepted) {
            setTitle("");
            setText("");
            setEffects([]);
          }
          return r;
        }, "Inject sent to every table.");
      }}
    >
      <Field label="Title">
        {(id) => <input id={id} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={injectTitleMaxLength} />}
      </Field>
      <Field label="What happens">
        {(id) => <textarea id={id} value={text} onChange={(e) => setText(e.target.value)} rows={3} maxLength={injectTextMaxLength} />}
      </Field>
      <fieldset>
        <legend>Effects</legend>
        {effects.map((ef, i) => {
          const q = quantities.find((x) => x.name === ef.quantity);
          const span = q ? q.max - q.min : 0;
          return (
            <div className="row" key={i}>
              <Field label={`Quantity ${i + 1}`} hint={q ? `Kept between ${rangeOf(q)}; the change is added and clamped.` : undefined}>
                {(id) => (
                  <select id={id} value={ef.quantity} onChange={(e) => change(i, { quantity: e.target.value })}>
                    {quantities.map((x) => (
                      <option key={x.name} value={x.name}>
                        {x.label} ({rangeOf(x)})
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <NumberInput
                label={`Change ${i + 1}`}
                value={ef.delta}
                min={-span}
                max={span}
                step={q?.unit === "Share" ? 0.05 : q && span >= 1000 ? 1000 : 1}
                onChange={(delta) => change(i, { delta })}
              />
              <button
                type="button"
                className="small secondary"
                onClick={() => setEffects(effects.filter((_, j) => j !== i))}
                aria-label={`Remove effect ${i + 1}`}
              >
                Remove
              </button>
            </div>
          );
        })}
        <button
          type="button"
          className="secondary"
          onClick={() => setEffects([...effects, { quantity: quantities[0]?.name ?? "", delta: 0 }])}
          disabled={effects.length >= injectMaxEffects || quantities.length === 0}
        >
          Add effect
        </button>
      </fieldset>
      <button type="submit" disabled={action.busy || !may.injectEvent}>
        Send inject
      </button>
      <ActionFeedback error={action.error} done={action.done} />
    </form>
  );
}

function CardPreview({ card, quantities }: { card: EventCardView; quantities: InjectQuantityView[] }) {
  return (
    <div className="card-preview">
      <p>{card.text}</p>
      {card.turn ? <p className="hint">Scheduled for turn {card.turn}.</p> : null}
      {card.effects.length ? (
        <ul>
          {card.effects.map((e, i) => (
            <li key={i}>
              {quantities.find((q) => q.name === e.quantity)?.label ?? e.quantity} {e.delta >= 0 ? "+" : ""}
              {e.delta}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
