// Wire shapes of the hub and REST API. They mirror the records in src/Wargame.Domain
// (serialised with GameJson.Options: camelCase, enums as names). Fields marked optional are
// ones the client renders when the server sends them (richer rules land in the domain over time).

export type Role = "UA" | "RU" | "US" | "EU";
export const ROLES: readonly Role[] = ["UA", "RU", "US", "EU"];
export const ROLE_NAMES: Record<Role, string> = {
  UA: "Ukraine",
  RU: "Russia",
  US: "United States",
  EU: "Europe",
};
export const GUARANTORS: readonly Role[] = ["US", "EU"];

export type Phase = "Briefing" | "Negotiation" | "Orders" | "Resolution" | "Debrief";
export const PHASES: readonly Phase[] = ["Briefing", "Negotiation", "Orders", "Resolution", "Debrief"];

export type AudienceKind = "Public" | "Role" | "Facilitator";
export interface Audience {
  kind: AudienceKind;
  role: Role | null;
}

export interface ScenarioSummary {
  id: string;
  title: string;
  summary: string;
  turns: number;
  turnLength?: string;
}

// Negotiation

export type LineOfContact = "Freeze" | "WithdrawToLine";
export type Monitoring = "None" | "UnarmedMonitors" | "ArmedPeacekeepers";
export type TextSpecificity = "General" | "Specific";
export type SanctionsRelief = "None" | "Phased" | "Immediate";

export interface CeasefireTerms {
  kind: "ceasefire";
  /** Turns in force once signed; null: until the game ends. */
  durationTurns?: number | null;
  line: LineOfContact;
  lineName: string | null;
  dmzWidthKm: number;
  monitoring: Monitoring;
  monitorsFrom: string[];
  jointCommission: boolean;
  specificity: TextSpecificity;
  sanctionsRelief: SanctionsRelief;
  uaForceCapThousands: number | null;
  natoNonAccessionPledge: boolean;
  prisonerExchange: boolean;
  mediators: Role[];
}

export type LegalForm = "Verbal" | "ExecutiveAgreement" | "CongressionalExecutive" | "RatifiedTreaty";
export type Trigger = "Consultative" | "Automatic";
export type TripwireLocation = "Rear" | "ContactLine";
export type EconomicStake = "None" | "MineralsDeal" | "MineralsWithPersonnel";

export interface Tripwire {
  guarantor: Role;
  troops: number;
  location: TripwireLocation;
}

export interface GuaranteeTerms {
  kind: "guarantee";
  durationTurns?: number | null;
  guarantors: Role[];
  legalForm: LegalForm;
  trigger: Trigger;
  ambiguityClause: boolean;
  tripwires: Tripwire[];
  economicStake: EconomicStake;
  armsAndIntelligence: boolean;
  russianConsentSought: boolean;
}

export type AgreementTerms = CeasefireTerms | GuaranteeTerms;


export type AgreementKind = "Ceasefire" | "Guarantee";
export type AgreementStatus =
  | "Proposed"
  | "Rejected"
  | "Countered"
  | "Withdrawn"
  | "Accepted"
  | "AwaitingRatification"
  | "InForce"
  | "Tested"
  | "Violated"
  | "Revoked"
  | "Expired";
export type ProposalAnswer = "Pending" | "Accepted" | "Rejected";

/** A formal proposal this audience may see (GameView.proposals). */
export interface ProposalView {
  id: number;
  kind: AgreementKind;
  proposer: Role;
  parties: Role[];
  terms: AgreementTerms;
  status: AgreementStatus;
  responses: { role: Role; response: ProposalAnswer }[];
  proposedTurn: number;
  counterOf: number | null;
  counteredBy: number | null;
}

/** A signed agreement, public (GameView.agreements). */
export interface AgreementView {
  id: number;
  kind: AgreementKind;
  parties: Role[];
  terms: AgreementTerms;
  status: AgreementStatus;
  statusReason: string | null;
  signedTurn: number | null;
  currentForm: LegalForm | null;
  reputation: Partial<Record<Role, number>>;
  breaches: number;
  violators: Role[];
}

// Orders

export type RussiaPosture = "Comply" | "Probe" | "LimitedOffensive" | "MajorOffensive";
export type UkrainePosture = "Hold" | "Fortify" | "CounterAttack";
export type SanctionsChange = "Hold" | "Up" | "Down";
export type TestResponse = "Fight" | "Limited" | "SanctionsAndArms" | "Nothing";

export interface RussiaOrders {
  kind: "russia";
  posture: RussiaPosture;
  rearm: boolean;
  sanctionsEvasion: boolean;
}
export interface UkraineOrders {
  kind: "ukraine";
  posture: UkrainePosture;
  mobilise: boolean;
}
export interface GuarantorOrders {
  kind: "guarantor";
  troopChange: number;
  troopLocation: TripwireLocation;
  armsAndIntelligence: boolean;
  sanctions: SanctionsChange;
  response: TestResponse | null;
  seekRatification: boolean;
  raiseSpending: boolean;
}
export type Orders = RussiaOrders | UkraineOrders | GuarantorOrders;

// Views

export interface RoleCard {
  role: Role;
  name: string;
  publicBriefing: string;
  ordersSubmitted: boolean;
}

export interface PrivateRecord {
  role: Role;
  briefing: string;
}

export interface MessageView {
  id: number;
  turn: number;
  from: Role | null;
  to: Role[];
  text: string;
}

export interface OrdersView {
  role: Role;
  submitted: Orders | null;
  standing: Orders | null;
}

/** One term of an adjudication: its value, the tag ([LIT]/[DESIGN]) and the source. */
export interface ResolutionTerm {
  name: string;
  value: number;
  tag: string;
  source: string;
}

/** The explanation of one outcome (Wargame.Domain.Adjudication.ResolutionRecord). */
export interface ResolutionRecord {
  id: string;
  turn: number;
  step: string;
  title: string;
  subject: string;
  terms: ResolutionTerm[];
  /** Probability in basis points: the roll succeeds when roll <= threshold. */
  thresholdBp: number | null;
  roll: number | null;
  outcome: string;
  precedent: string | null;
  counterfactual: string;
  visibleTo: Role[];
  adjustment: number | null;
  adjustmentReason: string | null;
  adjustable?: boolean;
}

export interface TurnResultView {
  turn: number;
  lines: string[];
}

export interface ScoreLine {
  objective: string;
  points: number;
  because: string;
}

/** One role's score for one resolved turn (the view lists them in turn order). */
export interface RoleScore {
  role: Role;
  /** Points scored in this turn. */
  turn: number;
  /** Running total after this turn. */
  total: number;
  lines: ScoreLine[];
}

export interface CredibilityPoint {
  agreementId: number;
  guarantor: Role;
  commitment: number;
  capability: number;
  credibility: number;
}

/** Numbers the charts plot for one turn. */
export interface TurnMetrics {
  turn: number;
  credibility: CredibilityPoint[];
  deterrence: number;
  hazard: number | null;
  territory: number;
  scores: Partial<Record<Role, number>>;
  reputation: Partial<Record<Role, number>>;
}

export interface CredibilityView {
  agreementId: number;
  guarantor: Role;
  commitment: number;
  commitmentTerms: ResolutionTerm[];
  capability: number;
  capabilityTerms: ResolutionTerm[];
  credibility: number;
}

export interface ForceView {
  role: Role;
  troops: number;
  location: TripwireLocation;
  reinforcements72h: number;
  reputation: number | null;
}

export interface PendingTestView {
  agreementId: number;
  guarantor: Role;
  turn: number;
  attack: string;
}

export interface InjectView {
  turn: number;
  cardId: string | null;
  title: string;
  text: string;
  effects: InjectEffect[];
}

export interface EventCardView {
  id: string;
  title: string;
  text: string;
  turn: number | null;
  effects: InjectEffect[];
  fired: boolean;
}

export interface HiddenQuantitiesView {
  role: Role;
  quantities: { name: string; label: string; value: number }[];
}

export interface RussianOutlookView {
  deterrence: number;
  hazard: number | null;
  hazardIfRearming: number | null;
  options: { posture: RussiaPosture; gain: number; costOfWar: number; expectedUtility: number }[];
}

/** An estimate of another role's hidden quantity (seeded noise around the truth), with its range. */
export interface IntelligenceReport {
  turn: number;
  for: Role;
  about: Role;
  quantity: string;
  estimate: number;
  low: number;
  high: number;
  text: string;
}

/** One constant of the rules table with where its number comes from. */
export interface RuleConstant {
  key: string;
  value: number;
  tag: string;
  source: string;
  description: string;
}

export interface GameView {
  audience: Audience;
  scenario: ScenarioSummary;
  version: number;
  turn: number;
  phase: Phase;
  paused: boolean;
  deadline: string | null;
  pausedRemainingSeconds: number | null;
  ended: boolean;
  revealed: boolean;
  roles: RoleCard[];
  privateRecords: PrivateRecord[];
  messages: MessageView[];
  orders: OrdersView[];
  results: TurnResultView[];
  // The full rules' additions; optional so an older server's views still render.
  proposals?: ProposalView[];
  agreements?: AgreementView[];
  forces?: ForceView[];
  territory?: number;
  sanctions?: number;
  credibility?: CredibilityView[];
  deterrence?: number;
  pendingTests?: PendingTestView[];
  records?: ResolutionRecord[];
  scores?: RoleScore[];
  metrics?: TurnMetrics[];
  injects?: InjectView[];
  eventDeck?: EventCardView[];
  hidden?: HiddenQuantitiesView[];
  intelligence?: IntelligenceReport[];
  russianOutlook?: RussianOutlookView | null;
  ruleConstants?: RuleConstant[];
}

export interface JoinResult {
  gameId: string;
  seatId: string;
  seatToken: string;
  audience: Audience;
  displayName: string;
}

export interface SeatView {
  seatId: string;
  audience: Audience;
  displayName: string;
  connected: boolean;
  bot: boolean;
}

export interface CommandResult {
  accepted: boolean;
  code: string | null;
  message: string | null;
  version: number;
}

/** What the facilitator receives once, when a game is created, imported or forked. */
export interface CreatedGame {
  gameId: string;
  facilitatorKey: string;
  joinCodes: Partial<Record<Role, string>>;
  observerCode: string;
}

export interface InjectEffect {
  quantity: string;
  delta: number;
}
