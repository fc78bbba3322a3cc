using System.Collections.Immutable;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Headlines;
using Wargame.Domain.Map;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Views;

/// <summary>
/// What one audience may see of a game. Computed by <see cref="GameViews.For(ViewBasis, Audience)"/>; the server sends it
/// as it is, so nothing outside this record can leak.
/// </summary>
public sealed record GameView
{
    public required Audience Audience { get; init; }
    public required ScenarioSummary Scenario { get; init; }
    public int Version { get; init; }
    public int Turn { get; init; }
    public Phase Phase { get; init; }
    public bool Paused { get; init; }
    public DateTimeOffset? Deadline { get; init; }
    public int? PausedRemainingSeconds { get; init; }
    /// <summary>The session plan: each phase's deadline in seconds, started when the phase opens (public).</summary>
    public DeadlinePresets DeadlinePresets { get; init; } = DeadlinePresets.None;
    public bool Ended { get; init; }
    public bool Revealed { get; init; }
    /// <summary>
    /// The commands this audience may issue now, from the <see cref="PhaseTable"/> (arguments aside): a role's
    /// depend only on public facts (phase, pause, end); observers may issue none.
    /// </summary>
    public ImmutableArray<CommandKind> Allowed { get; init; } = [];
    /// <summary>The limits the rules apply to commands' numbers and texts (the same for every audience).</summary>
    public CommandLimits Limits { get; init; } = PhaseTable.Limits;
    /// <summary>Every role's card: its name and whether it has submitted orders this turn (public).</summary>
    public ImmutableArray<RoleCard> Roles { get; init; } = [];
    /// <summary>Every role's public briefing, as the game began (public; constant, so it travels in the whole view only).</summary>
    public ImmutableArray<PublicBriefing> PublicBriefings { get; init; } = [];
    /// <summary>Own role's private record; every role's for the facilitator, or for all once revealed.</summary>
    public ImmutableArray<PrivateRecord> PrivateRecords { get; init; } = [];
    /// <summary>
    /// Public statements and the private channels this audience is in: each channel's latest
    /// <see cref="CommandLimits.MessagesShownPerChannel"/>, numbered within everything this audience may read.
    /// </summary>
    public ImmutableArray<MessageView> Messages { get; init; } = [];
    /// <summary>How many messages this audience may read in all; more than <see cref="Messages"/> holds when a channel is long.</summary>
    public int MessageCount { get; init; }
    /// <summary>
    /// This role's orders this turn and its standing orders (what resolution uses if it submits none: the last
    /// posture without one-off actions); every role's for the facilitator.
    /// </summary>
    public ImmutableArray<OrdersView> Orders { get; init; } = [];
    public ImmutableArray<TurnResultView> Results { get; init; } = [];

    /// <summary>Formal proposals this audience may see: its own as proposer or party (all for the facilitator), plus every signed agreement.</summary>
    public ImmutableArray<ProposalView> Proposals { get; init; } = [];
    /// <summary>Signed agreements (public): awaiting ratification, in force, tested, violated, revoked, expired.</summary>
    public ImmutableArray<AgreementView> Agreements { get; init; } = [];
    /// <summary>Public order of battle: troops, deployments and reputations.</summary>
    public ImmutableArray<ForceView> Forces { get; init; } = [];
    /// <summary>Share of Ukraine's territory Ukraine holds, percent (public).</summary>
    public double Territory { get; init; }
    /// <summary>The map: named lines, the line of contact and its move in the last turn, the ceasefire's zone, deployed troops (public).</summary>
    public MapView Map { get; init; } = new();
    /// <summary>Western sanctions pressure, 0–10 (public).</summary>
    public int Sanctions { get; init; }
    /// <summary>
    /// Steps A–C computed now: credibility per guarantee and guarantor (of the guarantees this audience knows of), and D of
    /// the guarantees every role knows of. Russia reads its own estimates here instead of the true values.
    /// </summary>
    public ImmutableArray<CredibilityView> Credibility { get; init; } = [];
    public double Deterrence { get; init; }
    /// <summary>Guarantees tested last turn that wait for their guarantors' responses in this turn's orders.</summary>
    public ImmutableArray<PendingTestView> PendingTests { get; init; } = [];
    /// <summary>Resolution records this audience may see, every turn.</summary>
    public ImmutableArray<ResolutionRecord> Records { get; init; } = [];
    /// <summary>The ids of the resolution records this audience may adjust now (the facilitator, during the last resolution's debrief).</summary>
    public ImmutableArray<string> AdjustableRecords { get; init; } = [];
    /// <summary>Each resolved turn's headline, written from the records above only (the last is the front page).</summary>
    public ImmutableArray<TurnHeadline> Headlines { get; init; } = [];
    /// <summary>Scores per turn with their lines: own role only (every role for the facilitator or after reveal).</summary>
    public ImmutableArray<RoleScore> Scores { get; init; } = [];
    /// <summary>Per-turn numbers for charts; hazard and other roles' scores only where the audience may see them.</summary>
    public ImmutableArray<TurnMetrics> Metrics { get; init; } = [];
    /// <summary>Injects fired so far; their effects are shown to the facilitator (and everyone after reveal).</summary>
    public ImmutableArray<InjectView> Injects { get; init; } = [];
    /// <summary>The facilitator's notes on turns: the facilitator's (and everyone's after reveal).</summary>
    public ImmutableArray<FacilitatorNote> Notes { get; init; } = [];
    /// <summary>The quantities an inject may move, with their ranges: facilitator only.</summary>
    public ImmutableArray<InjectQuantityView> InjectQuantities { get; init; } = [];
    /// <summary>The scenario's event deck: facilitator only (and after reveal).</summary>
    public ImmutableArray<EventCardView> EventDeck { get; init; } = [];
    /// <summary>Hidden quantities: own role's; every role's for the facilitator or after reveal.</summary>
    public ImmutableArray<HiddenQuantitiesView> Hidden { get; init; } = [];
    /// <summary>This turn's intelligence estimates (seeded noise around the truth): own role's; every role's for the facilitator or after reveal.</summary>
    public ImmutableArray<IntelligenceReport> Intelligence { get; init; } = [];
    /// <summary>
    /// What Russia believes of each guarantee it knows of, and the D that follows (Russia and the facilitator); the
    /// true values beside them for the facilitator and after the reveal, for the debrief.
    /// </summary>
    public RussianBeliefView? RussianBelief { get; init; }
    /// <summary>Russia's expected-utility line per option (Russia, the facilitator, and after reveal).</summary>
    public RussianOutlookView? RussianOutlook { get; init; }
    /// <summary>The rules table: every constant with its tag and source (public).</summary>
    public ImmutableArray<RuleConstant> RuleConstants { get; init; } = [];
}

/// <summary>Public facts about a role: its name and whether it has submitted orders (not what they are).</summary>
public sealed record RoleCard(Role Role, string Name, bool OrdersSubmitted);

/// <summary>What every audience reads of a role's opening position.</summary>
public sealed record PublicBriefing(Role Role, string Briefing);

public sealed record PrivateRecord(Role Role, string Briefing);

public sealed record MessageView(int Id, int Turn, Role? From, ImmutableArray<Role> To, string Text);

public sealed record OrdersView(Role Role, Orders? Submitted, Orders? Standing);

public sealed record TurnResultView(int Turn, ImmutableArray<string> Lines);

public sealed record PartyResponseView(Role Role, ProposalAnswer Response);

/// <summary>
/// A proposal as one audience sees it. <paramref name="Id"/> is what commands name; <paramref name="Number"/> is the short
/// number to show (#1, #2...), counted within this audience's view. Links to proposals it cannot see are null.
/// </summary>
public sealed record ProposalView(
    int Id,
    int Number,
    AgreementKind Kind,
    Role Proposer,
    ImmutableArray<Role> Parties,
    AgreementTerms Terms,
    AgreementStatus Status,
    ImmutableArray<PartyResponseView> Responses,
    int ProposedTurn,
    int? CounterOf,
    int? CounteredBy)
{
    /// <summary>What this audience may do to the proposal now (<see cref="ItemActions"/>): empty for anyone not a party, and after it closes.</summary>
    public ImmutableArray<ProposalAction> Actions { get; init; } = [];
}

/// <summary>A signed agreement; <paramref name="Number"/> is the same short number the audience's proposal list shows for it.</summary>
public sealed record AgreementView(
    int Id,
    int Number,
    AgreementKind Kind,
    ImmutableArray<Role> Parties,
    AgreementTerms Terms,
    AgreementStatus Status,
    string? StatusReason,
    int? SignedTurn,
    LegalForm? CurrentForm,
    ImmutableSortedDictionary<Role, double> Reputation,
    int Breaches,
    ImmutableArray<Role> Violators,
    bool? AmbiguityClause,
    bool Disclosed,
    ImmutableArray<CommitmentChange> Changes,
    ImmutableSortedDictionary<Role, int> TroopsAtSigning,
    ImmutableSortedDictionary<Role, int> DrawdownTurn)
{
    /// <summary>Whether this audience may revoke the agreement now (a party, while it is signed and not yet ended).</summary>
    public bool CanRevoke { get; init; }
}

/// <summary>A role's public order of battle; a guarantor's reputation with the history behind it.</summary>
public sealed record ForceView(Role Role, int Troops, TripwireLocation Location, int Reinforcements72h, double? Reputation, ImmutableArray<ReputationEntry> ReputationHistory);

/// <summary>Russia's estimate of one guarantor on one guarantee; the true values only for the facilitator and after the reveal.</summary>
public sealed record PerceivedGuarantorView(int AgreementId, Role Guarantor, double Commitment, double Capability, double Credibility,
    double? TrueCommitment, double? TrueCapability, double? TrueCredibility);

public sealed record RussianBeliefView(double Deterrence, double? TrueDeterrence, ImmutableArray<PerceivedGuarantorView> Guarantors);

public sealed record CredibilityView(
    int AgreementId,
    Role Guarantor,
    double Commitment,
    ImmutableArray<Term> CommitmentTerms,
    double Capability,
    ImmutableArray<Term> CapabilityTerms,
    double Credibility);

public sealed record PendingTestView(int AgreementId, Role Guarantor, int Turn, string Attack);

public sealed record InjectView(int Turn, string? CardId, string Title, string Text, ImmutableArray<InjectEffect> Effects);

public sealed record EventCardView(string Id, string Title, string Text, int? Turn, ImmutableArray<InjectEffect> Effects, bool Fired)
{
    /// <summary>Whether this audience may play the card now (the facilitator, while it has not fired and injects are allowed).</summary>
    public bool CanFire { get; init; }
}

/// <summary>One of a role's own quantities, with the unit it reads in (a share as a percentage, a flag as yes or no).</summary>
public sealed record QuantityView(string Name, string Label, double Value, QuantityUnit Unit);

/// <summary>A quantity an inject may move, its label, unit and range (the facilitator's inject builder offers these).</summary>
public sealed record InjectQuantityView(string Name, string Label, QuantityUnit Unit, double Min, double Max);

public sealed record HiddenQuantitiesView(Role Role, ImmutableArray<QuantityView> Quantities);

/// <summary>EU_attack = (1 - D) Gain - D Cost_war for one of Russia's options.</summary>
public sealed record AttackOptionView(RussiaPosture Posture, double Gain, double CostOfWar, double ExpectedUtility);

public sealed record RussianOutlookView(double Deterrence, double? Hazard, double? HazardIfRearming, ImmutableArray<AttackOptionView> Options);
