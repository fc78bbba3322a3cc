// Names for the wire types. Every shape comes from the server's OpenAPI document (../../openapi.json), generated
// into wire.gen.ts by `npm run generate`: change a record on the server, refresh the document, and the compiler
// shows what to change here. Only constants the document cannot carry (display names, orderings) are written here.
import type { components } from "./wire.gen";

type Schemas = components["schemas"];

export type Role = Schemas["Role"];
export type Phase = Schemas["Phase"];
export type AudienceKind = Schemas["AudienceKind"];
export type Audience = Schemas["Audience"];
export type ScenarioSummary = Schemas["ScenarioSummary"];

// Negotiation
export type AgreementTerms = Schemas["AgreementTerms"];
export type CeasefireTerms = Schemas["AgreementTermsCeasefireTerms"];
export type GuaranteeTerms = Schemas["AgreementTermsGuaranteeTerms"];
export type Tripwire = Schemas["Tripwire"];
export type TripwireLocation = Schemas["TripwireLocation"];
export type LegalForm = Schemas["LegalForm"];
export type AgreementStatus = Schemas["AgreementStatus"];
export type ProposalAnswer = Schemas["ProposalAnswer"];
export type ProposalResponse = Schemas["ProposalResponse"];
export type ProposalView = Schemas["ProposalView"];
export type MapView = Schemas["MapView"];
export type RussianBeliefView = Schemas["RussianBeliefView"];
export type AgreementView = Schemas["AgreementView"];

// Orders
export type Orders = Schemas["Orders"];
export type CommitmentChangeKind = Schemas["CommitmentChangeKind"];
export type RussiaOrders = Schemas["OrdersRussiaOrders"];
export type UkraineOrders = Schemas["OrdersUkraineOrders"];
export type GuarantorOrders = Schemas["OrdersGuarantorOrders"];
export type OrdersView = Schemas["OrdersView"];

// Views
export type GameView = Schemas["GameView"];
/** What changed in a view between two of its audience's versions (docs/hub-protocol.md). */
export type ViewDelta = Schemas["ViewDelta"];
/** A command of the rules by name, as views list what their audience may do now. */
export type CommandKind = Schemas["CommandKind"];
export type CommandLimits = Schemas["CommandLimits"];
/** The session plan: each phase's deadline in seconds, null for none. */
export type DeadlinePresets = Schemas["DeadlinePresets"];
export type PrivateRecord = Schemas["PrivateRecord"];
export type MessageView = Schemas["MessageView"];
export type ResolutionRecord = Schemas["ResolutionRecord"];
export type RoleScore = Schemas["RoleScore"];
export type TurnMetrics = Schemas["TurnMetrics"];
export type EventCardView = Schemas["EventCardView"];
export type InjectEffect = Schemas["InjectEffect"];
export type QuantityView = Schemas["QuantityView"];
export type InjectQuantityView = Schemas["InjectQuantityView"];
export type CredibilityView = Schemas["CredibilityView"];
export type ForceView = Schemas["ForceView"];
export type TurnHeadline = Schemas["TurnHeadline"];
/** One term of an adjudication: its value, the tag ([LIT]/[DESIGN]) and the source. */
export type Term = Schemas["Term"];
export type GuaranteePreview = Schemas["GuaranteePreview"];
export type GuaranteePreviewResult = Schemas["GuaranteePreviewResult"];
/** One constant of the rules table with where its number comes from. */
export type RuleConstant = Schemas["RuleConstant"];

// Hub and REST records
export type JoinResult = Schemas["JoinResult"];
export type SeatView = Schemas["SeatView"];
export type CommandResult = Schemas["CommandResult"];
export type MessageRequest = Schemas["MessageRequest"];
export type InjectRequest = Schemas["InjectRequest"];
export type AdjustRequest = Schemas["AdjustRequest"];
export type CreatedGame = Schemas["CreatedGame"];
export type GameDetails = Schemas["GameDetails"];
export type GameSummary = Schemas["GameSummary"];
export type JoinAddresses = Schemas["JoinAddresses"];
export type ReplayFrame = Schemas["ReplayFrame"];
export type TurnMap = Schemas["TurnMap"];
export type TeamMember = Schemas["TeamMember"];
export type ReplayStep = Schemas["ReplayStep"];
export type TimelineEntry = Schemas["TimelineEntry"];

/** The hub's methods and the messages it sends, each with its named arguments (and result). */
export type GameHub = Schemas["GameHub"];
export type GameClient = Schemas["GameClient"];

export const ROLES = ["UA", "RU", "US", "EU"] as const satisfies readonly Role[];
export const ROLE_NAMES: Record<Role, string> = {
  UA: "Ukraine",
  RU: "Russia",
  US: "United States",
  EU: "Europe",
};
export const GUARANTORS = ["US", "EU"] as const satisfies readonly Role[];
/** The phases of a turn in order; the compiler checks the list against the contract's. */
export const PHASES = ["Briefing", "Negotiation", "Orders", "Debrief"] as const satisfies readonly Phase[];
const everyPhase: Exclude<Phase, (typeof PHASES)[number]> extends never ? true : never = true;
void everyPhase;

/** Roles in table order (Ukraine, Russia, United States, Europe), as channel keys and seat lists list them. */
export function byTableOrder(a: Role, b: Role) {
  return ROLES.indexOf(a) - ROLES.indexOf(b);
}
