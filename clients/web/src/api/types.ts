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

export type ProposalResponse = "Accept" | "Reject" | "Withdraw";

/** A formal proposal as the domain reports it (GameView.proposals). */
export interface ProposalView {
  id: number;
  turn?: number;
  proposer?: Role | null;
  from?: Role | null;
  terms: AgreementTerms;
  parties?: Role[];
  acceptedBy?: Role[];
  status?: string;
  counterOf?: number | null;
}

/** A signed agreement (GameView.agreements). */
export interface AgreementView {
  id: number | string;
  proposalId?: number;
  terms: AgreementTerms;
  parties?: Role[];
  status?: string;
  signedTurn?: number;
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
  intelligence?: string[] | string | null;
  [extra: string]: unknown;
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

/** One term of a resolution record: its value with the tag ([LIT]/[DESIGN]) and source. */
export interface ResolutionTerm {
  name: string;
  value: number | string | boolean;
  tag?: string;
  source?: string;
}

/** One adjudicated outcome with its explanation (the domain's resolution record). */
export interface ResolutionRecord {
  id: string;
  turn?: number;
  kind?: string;
  title?: string;
  summary?: string;
  terms?: ResolutionTerm[];
  probability?: number;
  threshold?: number;
  roll?: number;
  outcome?: string;
  precedent?: string | null;
  counterfactual?: string | null;
  adjustment?: { logit: number; reason: string } | null;
  [extra: string]: unknown;
}

export interface TurnResultView {
  turn: number;
  lines: string[];
  records?: ResolutionRecord[];
}

export interface ScoreLine {
  label?: string;
  objective?: string;
  delta?: number;
  points?: number;
  mechanics?: string[] | string;
  reason?: string;
}

export interface ScoreView {
  role: Role;
  turn?: number;
  total: number;
  lines?: ScoreLine[];
}

/** Numbers the charts plot for one turn (GameView.metrics). Nested objects become one series per key. */
export interface TurnMetrics {
  turn: number;
  [series: string]: number | Record<string, number> | undefined;
}

export interface InjectCard {
  id: string;
  title: string;
  text?: string;
  turn?: number | null;
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
  proposals?: ProposalView[];
  agreements?: AgreementView[];
  records?: ResolutionRecord[];
  scores?: ScoreView[];
  metrics?: TurnMetrics[];
  injectDeck?: InjectCard[];
  injects?: { turn: number; title: string; text?: string }[];
  /** Guarantees tested last turn that this guarantor must answer. */
  pendingResponses?: (string | number)[];
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

export interface CreatedGame {
  gameId: string;
  facilitatorKey: string;
  joinCodes: Partial<Record<Role, string>> & Record<string, string>;
  observerCode?: string | null;
}

export interface InjectEffect {
  quantity: string;
  delta: number;
}
