import type { TurnHeadline } from "../../api/types";
import "./headline.css";

/**
 * The front page of the last resolved turn, above every tab: a title and a few plain sentences, each a link to the
 * record that explains it. The domain writes it from this audience's own records; the page only shows it.
 */
export function TurnHeadlineBanner({
  headlines,
  onOpenRecord,
}: {
  headlines: readonly TurnHeadline[];
  onOpenRecord: (recordId: string) => void;
}) {
  const latest = headlines.length ? headlines[headlines.length - 1] : null;
  return (
    <section className="headline" aria-live="polite" aria-label="Turn headline" data-testid="headline" data-turn={latest?.turn ?? 0}>
      {latest ? <HeadlineBody headline={latest} onOpenRecord={onOpenRecord} /> : null}
    </section>
  );
}

export function HeadlineBody({ headline, onOpenRecord }: { headline: TurnHeadline; onOpenRecord?: (recordId: string) => void }) {
  // The lead is the front page; the turn's routine numbers and smaller events fold under "More this turn".
  const lead = headline.sentences.filter((s) => !s.more);
  const more = headline.sentences.filter((s) => s.more);
  return (
    <>
      <h2 className="headline-title">{headline.title}</h2>
      <p className="headline-text">
        <Sentences sentences={lead} onOpenRecord={onOpenRecord} />
      </p>
      {more.length ? (
        <details className="headline-more" data-testid="headline-more">
          <summary>More this turn ({more.length})</summary>
          <ul>
            {more.map((s, i) => (
              <li key={i}>
                <Sentences sentences={[s]} onOpenRecord={onOpenRecord} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

function Sentences({
  sentences,
  onOpenRecord,
}: {
  sentences: readonly TurnHeadline["sentences"][number][];
  onOpenRecord?: (recordId: string) => void;
}) {
  return (
    <>
      {sentences.map(({ text, recordId }, i) => (
        <span key={i}>
          {recordId && onOpenRecord ? (
            <button
              type="button"
              className="linklike"
              data-record-link={recordId}
              title="Open the record that explains this"
              onClick={() => onOpenRecord(recordId)}
            >
              {text}
            </button>
          ) : (
            text
          )}{" "}
        </span>
      ))}
    </>
  );
}
