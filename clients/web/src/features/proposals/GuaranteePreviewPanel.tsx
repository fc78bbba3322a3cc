import { useEffect, useState } from "react";
import type { GuaranteePreviewResult, GuaranteeTerms } from "../../api/types";
import { ROLE_NAMES } from "../../api/types";
import { useCommands } from "../../game/session";

/** Waits this long after the last change of the terms before asking the server, so typing a number asks once. */
const SETTLE_MILLISECONDS = 300;

/**
 * What the draft guarantee would give if signed now: each guarantor's commitment and credibility, the capability and
 * the deterrence D with it, computed by the server's rules (the resolver's own steps A–C) from public facts only, with
 * what those figures assume. Asked again when the terms change or the game does (<paramref name="stateVersion"/>).
 */
export function GuaranteePreviewPanel({ terms, stateVersion }: { terms: GuaranteeTerms; stateVersion?: number }) {
  const commands = useCommands();
  const [answer, setAnswer] = useState<GuaranteePreviewResult | null>(null);
  const asked = JSON.stringify(terms);
  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(() => {
      void commands.previewGuarantee(JSON.parse(asked) as GuaranteeTerms).then((result) => {
        if (current) setAnswer(result);
      });
    }, SETTLE_MILLISECONDS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [commands, asked, stateVersion]);

  const preview = answer?.preview;
  return (
    <section className="guarantee-preview" aria-label="What these terms would give" aria-live="polite" data-testid="guarantee-preview">
      <h4>What these terms would give if signed now</h4>
      {!answer ? <p className="hint">Working it out…</p> : null}
      {answer && !preview ? <p className="hint">{answer.message}</p> : null}
      {preview ? (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">Guarantor</th>
                <th scope="col">Commitment</th>
                <th scope="col">Credibility</th>
              </tr>
            </thead>
            <tbody>
              {preview.guarantors.map((g) => (
                <tr key={g.guarantor} data-guarantor={g.guarantor}>
                  <th scope="row">{ROLE_NAMES[g.guarantor]}</th>
                  <td title={g.commitmentTerms.map((t) => `${t.name} ${t.value.toFixed(2)}`).join("; ")}>{g.commitment.toFixed(2)}</td>
                  <td>{g.credibility.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            Capability of the guarantors together: <strong>{preview.capability.toFixed(2)}</strong>. Deterrence D:{" "}
            <strong data-testid="deterrence-now">{preview.deterrenceNow.toFixed(2)}</strong> now,{" "}
            <strong data-testid="deterrence-with">{preview.deterrenceWith.toFixed(2)}</strong> with this guarantee.
          </p>
          <p className="hint">Assuming:</p>
          <ul className="hint" aria-label="Assumptions of the preview">
            {preview.assumptions.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
