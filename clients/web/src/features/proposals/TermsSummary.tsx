import type { AgreementTerms } from "../../api/types";
import { termsRows } from "./terms";

/** One line per term, for inboxes, agreements and results. */
export function TermsSummary({ terms }: { terms: AgreementTerms }) {
  return (
    <dl className="terms">
      {termsRows(terms).map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
