import type { AgreementTerms, CeasefireTerms, GameView, GuaranteeTerms, LegalForm } from "../../api/types";
import { ROLE_NAMES } from "../../api/types";
import { humanize, locationName, roleList, thousands } from "../../ui/format";

export const defaultCeasefire = (): CeasefireTerms => ({
  kind: "ceasefire",
  durationTurns: null,
  line: "Freeze",
  lineName: null,
  dmzWidthKm: 0,
  monitoring: "None",
  monitorsFrom: [],
  jointCommission: false,
  specificity: "General",
  sanctionsRelief: "None",
  uaForceCapThousands: null,
  natoNonAccessionPledge: false,
  prisonerExchange: false,
  mediators: [],
});

export const defaultGuarantee = (): GuaranteeTerms => ({
  kind: "guarantee",
  durationTurns: null,
  guarantors: ["US"],
  legalForm: "Verbal",
  trigger: "Consultative",
  ambiguityClause: false,
  tripwires: [],
  economicStake: "None",
  public: true,
  armsAndIntelligence: false,
  russianConsentSought: false,
});

export const LEGAL_FORM_NAMES: Record<LegalForm, string> = {
  Verbal: "Verbal or memorandum",
  ExecutiveAgreement: "Executive agreement",
  CongressionalExecutive: "Congressional-executive agreement",
  RatifiedTreaty: "Ratified treaty",
};

export function kindName(terms: AgreementTerms) {
  return terms.kind === "ceasefire" ? "Ceasefire agreement" : "Security guarantee";
}

/** <list> with <item> in or out. */
export function toggle<T>(list: T[], item: T, on: boolean): T[] {
  return on ? (list.includes(item) ? list : [...list, item]) : list.filter((x) => x !== item);
}

const yesNo = (v: boolean) => (v ? "Yes" : "No");

/** One [term, value] line per term, as inboxes, agreements and results show them. */
export function termsRows(terms: AgreementTerms): [string, string][] {
  const duration: [string, string] = ["Duration", terms.durationTurns ? `${terms.durationTurns} turns` : "Until the game ends"];
  if (terms.kind === "ceasefire")
    return [
      duration,
      ["Line of contact", terms.line === "Freeze" ? "Freeze the current line" : `Withdraw to ${terms.lineName ?? "a named line"}`],
      ["Demilitarised zone", terms.dmzWidthKm ? `${terms.dmzWidthKm} km` : "None"],
      ["Monitoring", humanize(terms.monitoring) + (terms.monitorsFrom.length ? ` from ${terms.monitorsFrom.join(", ")}` : "")],
      ["Joint commission", yesNo(terms.jointCommission)],
      ["Text", humanize(terms.specificity)],
      ["Sanctions relief", humanize(terms.sanctionsRelief)],
      ["Ukraine force cap", terms.uaForceCapThousands == null ? "None" : `${terms.uaForceCapThousands}k troops`],
      ["NATO non-accession pledge", yesNo(terms.natoNonAccessionPledge)],
      ["Prisoner exchange", yesNo(terms.prisonerExchange)],
      ...(terms.mediators.length ? [["Mediators", roleList(terms.mediators)] as [string, string]] : []),
    ];
  return [
    duration,
    ["Guarantors", roleList(terms.guarantors, " and ") || "None"],
    ["Legal form", LEGAL_FORM_NAMES[terms.legalForm] ?? terms.legalForm],
    ["Trigger", humanize(terms.trigger)],
    ["Announced", terms.public ? "Public: every team knows of it" : "Secret: known to its parties only"],
    ["Ambiguity clause", yesNo(terms.ambiguityClause)],
    [
      "Tripwires",
      terms.tripwires.length
        ? terms.tripwires.map((t) => `${ROLE_NAMES[t.guarantor]} ${thousands(t.troops)} troops (${locationName(t.location)})`).join("; ")
        : "None",
    ],
    ["Economic stake", humanize(terms.economicStake)],
    ["Arms and intelligence", yesNo(terms.armsAndIntelligence)],
    ["Russian consent sought", yesNo(terms.russianConsentSought)],
  ];
}

export interface TermChange {
  term: string;
  from: string;
  to: string;
}

/** The terms that differ between <before> and <after>, in the order the summary lists them; a change of kind is one line. */
export function termsChanges(before: AgreementTerms, after: AgreementTerms): TermChange[] {
  if (before.kind !== after.kind) return [{ term: "Kind", from: kindName(before), to: kindName(after) }];
  const old = new Map(termsRows(before));
  return termsRows(after)
    .filter(([term, value]) => old.get(term) !== value)
    .map(([term, value]) => ({ term, from: old.get(term) ?? "None", to: value }));
}

/** "#2": an agreement's short number in this audience's view (ids are what commands name, never shown). */
export function agreementNumber(view: Pick<GameView, "agreements">, agreementId: number) {
  const agreement = view.agreements.find((a) => a.id === agreementId);
  return agreement ? `#${agreement.number}` : "";
}
