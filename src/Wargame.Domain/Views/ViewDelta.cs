using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Headlines;
using Wargame.Domain.Map;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Views;

/// <summary>
/// What changed in one audience's <see cref="GameView"/> between two of its versions: applied to the view at
/// <see cref="BaseVersion"/> it gives exactly the view at <see cref="Version"/>. A section that did not change is
/// absent (null); a changed scalar section carries its new value, a changed list its new length and the items that
/// differ, by index, and the map its changed parts (<see cref="MapDelta"/>). Everything in it is taken from the newer
/// view of the same audience, so a delta never carries what that audience may not see. Sections that can be null in the view travel wrapped (<see cref="Changed{T}"/>),
/// so "now null" differs from "unchanged".
/// </summary>
public sealed record ViewDelta
{
    public required Audience Audience { get; init; }
    /// <summary>The audience version this delta applies to; a client holding another version asks for the full view.</summary>
    public int BaseVersion { get; init; }
    public int Version { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ScenarioSummary? Scenario { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Turn { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Phase? Phase { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? Paused { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Changed<DateTimeOffset?>? Deadline { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Changed<int?>? PausedRemainingSeconds { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DeadlinePresets? DeadlinePresets { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? Ended { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? Revealed { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ImmutableArray<CommandKind>? Allowed { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public CommandLimits? Limits { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ListDelta<RoleCard>? Roles { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ListDelta<PublicBriefing>? PublicBriefings { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ListDelta<PrivateRecord>? PrivateRecords { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ListDelta<MessageView>? Messages { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? MessageCount { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ListDelta<OrdersView>? Orders { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ListDelta<TurnResultView>? Results { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ListDelta<ProposalView>? Proposals { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ListDelta<AgreementView>? Agreements { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ListDelta<ForceView>? Forces { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public MapDelta? Map { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Territory { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Sanctions { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ListDelta<CredibilityView>? Credibility { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Deterrence { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ListDelta<PendingTestView>? PendingTests { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ListDelta<ResolutionRecord>? Records { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ImmutableArray<string>? AdjustableRecords { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ListDelta<RoleScore>? Scores { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ListDelta<TurnMetrics>? Metrics { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ListDelta<TurnHeadline>? Headlines { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ListDelta<InjectView>? Injects { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ListDelta<InjectQuantityView>? InjectQuantities { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ListDelta<FacilitatorNote>? Notes { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ListDelta<EventCardView>? EventDeck { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ListDelta<HiddenQuantitiesView>? Hidden { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ListDelta<IntelligenceReport>? Intelligence { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Changed<RussianBeliefView?>? RussianBelief { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Changed<RussianOutlookView?>? RussianOutlook { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ListDelta<RuleConstant>? RuleConstants { get; init; }

    /// <summary>
    /// The delta that takes <paramref name="before"/> to <paramref name="after"/>, two views of one audience. Sections
    /// are compared by value, items by index; a section counted as changed when equal costs bytes, never correctness.
    /// </summary>
    public static ViewDelta Between(GameView before, GameView after)
    {
        if (before.Audience != after.Audience)
            throw new ArgumentException($"A delta joins two views of one audience, not {before.Audience} and {after.Audience}.", nameof(after));
        return new ViewDelta
        {
            Audience = after.Audience,
            BaseVersion = before.Version,
            Version = after.Version,
            Scenario = before.Scenario == after.Scenario ? null : after.Scenario,
            Turn = Scalar(before.Turn, after.Turn),
            Phase = Scalar(before.Phase, after.Phase),
            Paused = Scalar(before.Paused, after.Paused),
            Deadline = before.Deadline == after.Deadline ? null : new(after.Deadline),
            PausedRemainingSeconds = before.PausedRemainingSeconds == after.PausedRemainingSeconds ? null : new(after.PausedRemainingSeconds),
            DeadlinePresets = before.DeadlinePresets == after.DeadlinePresets ? null : after.DeadlinePresets,
            Ended = Scalar(before.Ended, after.Ended),
            Revealed = Scalar(before.Revealed, after.Revealed),
            Allowed = before.Allowed.AsSpan().SequenceEqual(after.Allowed.AsSpan()) ? null : after.Allowed,
            Limits = before.Limits == after.Limits ? null : after.Limits,
            Roles = ListDelta.Between(before.Roles, after.Roles),
            PublicBriefings = ListDelta.Between(before.PublicBriefings, after.PublicBriefings),
            PrivateRecords = ListDelta.Between(before.PrivateRecords, after.PrivateRecords),
            Messages = ListDelta.Between(before.Messages, after.Messages, EqualityComparer<MessageView>.Default.Equals, m => m.Id),
            MessageCount = Scalar(before.MessageCount, after.MessageCount),
            Orders = ListDelta.Between(before.Orders, after.Orders),
            Results = ListDelta.Between(before.Results, after.Results, ViewEquality.Same),
            Proposals = ListDelta.Between(before.Proposals, after.Proposals, ViewEquality.Same),
            Agreements = ListDelta.Between(before.Agreements, after.Agreements, ViewEquality.Same),
            Forces = ListDelta.Between(before.Forces, after.Forces, ViewEquality.Same),
            Map = MapDelta.Between(before.Map, after.Map),
            Territory = Scalar(before.Territory, after.Territory),
            Sanctions = Scalar(before.Sanctions, after.Sanctions),
            Credibility = ListDelta.Between(before.Credibility, after.Credibility, ViewEquality.Same),
            Deterrence = Scalar(before.Deterrence, after.Deterrence),
            PendingTests = ListDelta.Between(before.PendingTests, after.PendingTests),
            Records = ListDelta.Between(before.Records, after.Records, ViewEquality.Same),
            AdjustableRecords = before.AdjustableRecords.AsSpan().SequenceEqual(after.AdjustableRecords.AsSpan()) ? null : after.AdjustableRecords,
            Scores = ListDelta.Between(before.Scores, after.Scores, ViewEquality.Same),
            Metrics = ListDelta.Between(before.Metrics, after.Metrics, ViewEquality.Same),
            Headlines = ListDelta.Between(before.Headlines, after.Headlines, ViewEquality.Same),
            Injects = ListDelta.Between(before.Injects, after.Injects),
            InjectQuantities = ListDelta.Between(before.InjectQuantities, after.InjectQuantities),
            Notes = ListDelta.Between(before.Notes, after.Notes),
            EventDeck = ListDelta.Between(before.EventDeck, after.EventDeck),
            Hidden = ListDelta.Between(before.Hidden, after.Hidden, ViewEquality.Same),
            Intelligence = ListDelta.Between(before.Intelligence, after.Intelligence),
            RussianBelief = ViewEquality.Same(before.RussianBelief, after.RussianBelief) ? null : new(after.RussianBelief),
            RussianOutlook = ViewEquality.Same(before.RussianOutlook, after.RussianOutlook) ? null : new(after.RussianOutlook),
            RuleConstants = ListDelta.Between(before.RuleConstants, after.RuleConstants),
        };
    }

    /// <summary>The view this delta makes of <paramref name="view"/>, which must be its audience's view at <see cref="BaseVersion"/>.</summary>
    public GameView ApplyTo(GameView view)
    {
        if (view.Audience != Audience || view.Version != BaseVersion)
            throw new ArgumentException($"This delta takes {Audience}'s view from version {BaseVersion}, not {view.Audience}'s at {view.Version}.", nameof(view));
        return view with
        {
            Version = Version,
            Scenario = Scenario ?? view.Scenario,
            Turn = Turn ?? view.Turn,
            Phase = Phase ?? view.Phase,
            Paused = Paused ?? view.Paused,
            Deadline = Deadline is { } deadline ? deadline.Value : view.Deadline,
            PausedRemainingSeconds = PausedRemainingSeconds is { } remaining ? remaining.Value : view.PausedRemainingSeconds,
            DeadlinePresets = DeadlinePresets ?? view.DeadlinePresets,
            Ended = Ended ?? view.Ended,
            Revealed = Revealed ?? view.Revealed,
            Allowed = Allowed ?? view.Allowed,
            Limits = Limits ?? view.Limits,
            Roles = ListDelta.Apply(view.Roles, Roles),
            PublicBriefings = ListDelta.Apply(view.PublicBriefings, PublicBriefings),
            PrivateRecords = ListDelta.Apply(view.PrivateRecords, PrivateRecords),
            Messages = ListDelta.Apply(view.Messages, Messages),
            MessageCount = MessageCount ?? view.MessageCount,
            Orders = ListDelta.Apply(view.Orders, Orders),
            Results = ListDelta.Apply(view.Results, Results),
            Proposals = ListDelta.Apply(view.Proposals, Proposals),
            Agreements = ListDelta.Apply(view.Agreements, Agreements),
            Forces = ListDelta.Apply(view.Forces, Forces),
            Map = Map?.ApplyTo(view.Map) ?? view.Map,
            Territory = Territory ?? view.Territory,
            Sanctions = Sanctions ?? view.Sanctions,
            Credibility = ListDelta.Apply(view.Credibility, Credibility),
            Deterrence = Deterrence ?? view.Deterrence,
            PendingTests = ListDelta.Apply(view.PendingTests, PendingTests),
            Records = ListDelta.Apply(view.Records, Records),
            AdjustableRecords = AdjustableRecords ?? view.AdjustableRecords,
            Scores = ListDelta.Apply(view.Scores, Scores),
            Metrics = ListDelta.Apply(view.Metrics, Metrics),
            Headlines = ListDelta.Apply(view.Headlines, Headlines),
            Injects = ListDelta.Apply(view.Injects, Injects),
            InjectQuantities = ListDelta.Apply(view.InjectQuantities, InjectQuantities),
            Notes = ListDelta.Apply(view.Notes, Notes),
            EventDeck = ListDelta.Apply(view.EventDeck, EventDeck),
            Hidden = ListDelta.Apply(view.Hidden, Hidden),
            Intelligence = ListDelta.Apply(view.Intelligence, Intelligence),
            RussianBelief = RussianBelief is { } belief ? belief.Value : view.RussianBelief,
            RussianOutlook = RussianOutlook is { } outlook ? outlook.Value : view.RussianOutlook,
            RuleConstants = ListDelta.Apply(view.RuleConstants, RuleConstants),
        };
    }

    // Doubles compare by bits, so 0 and -0 (written differently) count as a change.
    private static T? Scalar<T>(T before, T after) where T : struct =>
        before is double b && after is double a ? (BitConverter.DoubleToInt64Bits(b) == BitConverter.DoubleToInt64Bits(a) ? null : after)
        : EqualityComparer<T>.Default.Equals(before, after) ? null : after;
}

/// <summary>A section of a view that may be null, as a delta carries it: present means changed, to <see cref="Value"/>.</summary>
public sealed record Changed<T>(T Value);

/// <summary>
/// A changed list: the indices of the old list's items it drops (<see cref="Removed"/>, absent when none), then its new
/// <see cref="Length"/> and the items that differ from what is left of the old list at the same index.
/// </summary>
public sealed record ListDelta<T>(int Length, ImmutableArray<ListItem<T>> Items)
{
    /// <summary>Old items no longer in the list (a message window that moved on), by their index in the old list, ascending.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<int>? Removed { get; init; }
}

public sealed record ListItem<T>(int Index, T Item);

internal static class ListDelta
{
    public static ListDelta<T>? Between<T>(ImmutableArray<T> before, ImmutableArray<T> after) =>
        Between(before, after, EqualityComparer<T>.Default.Equals);

    /// <summary>
    /// Like <see cref="Between{T}(ImmutableArray{T}, ImmutableArray{T}, Func{T, T, bool})"/> for a list whose items
    /// have a key: old items whose key is no longer in the list are removed by index first, so a window that drops its
    /// oldest item sends the one that came in, not every item shifted down by one.
    /// </summary>
    public static ListDelta<T>? Between<T, TKey>(ImmutableArray<T> before, ImmutableArray<T> after, Func<T, T, bool> same, Func<T, TKey> key)
        where TKey : notnull
    {
        if (before == after)
            return null;
        // The usual case: the old list's keys are the new list's first keys (items only changed or came in).
        var common = 0;
        while (common < before.Length && common < after.Length && EqualityComparer<TKey>.Default.Equals(key(before[common]), key(after[common])))
            common++;
        if (common == before.Length)
            return Between(before, after, same);
        var kept = after.Skip(common).Select(key).ToHashSet();
        var removed = Enumerable.Range(common, before.Length - common).Where(i => !kept.Contains(key(before[i]))).ToImmutableArray();
        if (removed.IsEmpty)
            return Between(before, after, same);
        var dropped = removed.ToHashSet();
        ImmutableArray<T> left = [.. before.Where((_, i) => !dropped.Contains(i))];
        var delta = Between(left, after, same) ?? new ListDelta<T>(after.Length, []);
        return delta with { Removed = removed };
    }

    public static ListDelta<T>? Between<T>(ImmutableArray<T> before, ImmutableArray<T> after, Func<T, T, bool> same)
    {
        if (before == after)
            return null;
        ImmutableArray<ListItem<T>>.Builder? items = null;
        for (var i = 0; i < after.Length; i++)
        {
            if (i < before.Length && same(before[i], after[i]))
                continue;
            (items ??= ImmutableArray.CreateBuilder<ListItem<T>>()).Add(new ListItem<T>(i, after[i]));
        }
        if (items is null && before.Length == after.Length)
            return null;
        return new ListDelta<T>(after.Length, items?.DrainToImmutable() ?? []);
    }

    public static ImmutableArray<T> Apply<T>(ImmutableArray<T> list, ListDelta<T>? delta)
    {
        if (delta is null)
            return list;
        if (delta.Removed is { } removed)
        {
            if (removed.Any(i => i < 0 || i >= list.Length))
                throw new ArgumentException($"A list delta removes an item beyond the list's {list.Length}.", nameof(delta));
            var dropped = removed.ToHashSet();
            list = [.. list.Where((_, i) => !dropped.Contains(i))];
        }
        var builder = ImmutableArray.CreateBuilder<T>(delta.Length);
        for (var i = 0; i < Math.Min(list.Length, delta.Length); i++)
            builder.Add(list[i]);
        foreach (var (index, item) in delta.Items)
        {
            if (index < 0 || index >= delta.Length || index > builder.Count)
                throw new ArgumentException($"A list delta sets item {index} of {delta.Length} beyond the list's end.", nameof(delta));
            if (index == builder.Count)
                builder.Add(item);
            else
                builder[index] = item;
        }
        if (builder.Count != delta.Length)
            throw new ArgumentException($"A list delta of length {delta.Length} left {builder.Count} items.", nameof(delta));
        return builder.MoveToImmutable();
    }
}

/// <summary>
/// Value equality for the view records whose collections are built afresh for every view (record equality compares
/// an <see cref="ImmutableArray{T}"/> by reference, so those would always look changed).
/// </summary>
internal static class ViewEquality
{
    public static bool Same(TurnResultView a, TurnResultView b) =>
        a.Turn == b.Turn && a.Lines.AsSpan().SequenceEqual(b.Lines.AsSpan());

    public static bool Same(ProposalView a, ProposalView b) =>
        ReferenceEquals(a, b) || (a.Id == b.Id && a.Number == b.Number && a.Kind == b.Kind && a.Proposer == b.Proposer && a.Parties.AsSpan().SequenceEqual(b.Parties.AsSpan())
            && Equals(a.Terms, b.Terms) && a.Status == b.Status && a.Responses.AsSpan().SequenceEqual(b.Responses.AsSpan())
            && a.ProposedTurn == b.ProposedTurn && a.CounterOf == b.CounterOf && a.CounteredBy == b.CounteredBy
            && a.Actions.AsSpan().SequenceEqual(b.Actions.AsSpan()));

    public static bool Same(CredibilityView a, CredibilityView b) =>
        a.AgreementId == b.AgreementId && a.Guarantor == b.Guarantor && Bits(a.Commitment, b.Commitment) && Bits(a.Capability, b.Capability)
        && Bits(a.Credibility, b.Credibility) && a.CommitmentTerms.AsSpan().SequenceEqual(b.CommitmentTerms.AsSpan())
        && a.CapabilityTerms.AsSpan().SequenceEqual(b.CapabilityTerms.AsSpan());

    public static bool Same(TurnMetrics a, TurnMetrics b) =>
        ReferenceEquals(a, b) || (a.Turn == b.Turn && a.Credibility.AsSpan().SequenceEqual(b.Credibility.AsSpan()) && Bits(a.Deterrence, b.Deterrence)
            && a.RussianEstimate == b.RussianEstimate && a.Perceived.AsSpan().SequenceEqual(b.Perceived.AsSpan())
            && a.Hazard == b.Hazard && Bits(a.Territory, b.Territory) && a.Scores.SequenceEqual(b.Scores) && a.Reputation.SequenceEqual(b.Reputation));

    public static bool Same(TurnHeadline a, TurnHeadline b) =>
        a.Turn == b.Turn && a.Title == b.Title && a.Sentences.AsSpan().SequenceEqual(b.Sentences.AsSpan());

    public static bool Same(HiddenQuantitiesView a, HiddenQuantitiesView b) =>
        a.Role == b.Role && a.Quantities.AsSpan().SequenceEqual(b.Quantities.AsSpan());

    public static bool Same(RussianBeliefView? a, RussianBeliefView? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && Bits(a.Deterrence, b.Deterrence) && a.TrueDeterrence == b.TrueDeterrence
            && a.Guarantors.AsSpan().SequenceEqual(b.Guarantors.AsSpan()));

    public static bool Same(RussianOutlookView? a, RussianOutlookView? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && Bits(a.Deterrence, b.Deterrence) && a.Hazard == b.Hazard
            && a.HazardIfRearming == b.HazardIfRearming && a.Options.AsSpan().SequenceEqual(b.Options.AsSpan()));

    public static bool Same(AgreementView a, AgreementView b) =>
        ReferenceEquals(a, b) || (a.Id == b.Id && a.Number == b.Number && a.Kind == b.Kind && a.Parties.AsSpan().SequenceEqual(b.Parties.AsSpan())
            && Equals(a.Terms, b.Terms) && a.Status == b.Status && a.StatusReason == b.StatusReason && a.SignedTurn == b.SignedTurn
            && a.CurrentForm == b.CurrentForm && Same(a.Reputation, b.Reputation) && a.Breaches == b.Breaches
            && a.Violators.AsSpan().SequenceEqual(b.Violators.AsSpan()) && a.AmbiguityClause == b.AmbiguityClause && a.Disclosed == b.Disclosed
            && a.Changes.AsSpan().SequenceEqual(b.Changes.AsSpan()) && a.TroopsAtSigning.SequenceEqual(b.TroopsAtSigning)
            && a.DrawdownTurn.SequenceEqual(b.DrawdownTurn) && a.CanRevoke == b.CanRevoke);

    public static bool Same(ForceView a, ForceView b) =>
        ReferenceEquals(a, b) || (a.Role == b.Role && a.Troops == b.Troops && a.Location == b.Location && a.Reinforcements72h == b.Reinforcements72h
            && Bits(a.Reputation, b.Reputation) && a.ReputationHistory.AsSpan().SequenceEqual(b.ReputationHistory.AsSpan()));

    public static bool Same(ResolutionRecord a, ResolutionRecord b) =>
        ReferenceEquals(a, b) || (a.Id == b.Id && a.Turn == b.Turn && a.Step == b.Step && a.Title == b.Title && a.Subject == b.Subject
            && a.Terms.AsSpan().SequenceEqual(b.Terms.AsSpan()) && a.ThresholdBp == b.ThresholdBp && a.Roll == b.Roll && a.Outcome == b.Outcome
            && a.Precedent == b.Precedent && a.Counterfactual == b.Counterfactual && a.VisibleTo.AsSpan().SequenceEqual(b.VisibleTo.AsSpan())
            && Bits(a.Adjustment, b.Adjustment) && a.AdjustmentReason == b.AdjustmentReason);

    public static bool Same(RoleScore a, RoleScore b) =>
        ReferenceEquals(a, b) || (a.Role == b.Role && Bits(a.Turn, b.Turn) && Bits(a.Total, b.Total) && a.Lines.AsSpan().SequenceEqual(b.Lines.AsSpan()));

    private static bool Same(ImmutableSortedDictionary<Role, double> a, ImmutableSortedDictionary<Role, double> b) =>
        ReferenceEquals(a, b) || (a.Count == b.Count && a.Zip(b).All(p => p.First.Key == p.Second.Key && Bits(p.First.Value, p.Second.Value)));

    private static bool Bits(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    private static bool Bits(double? a, double? b) => a is { } x ? b is { } y && Bits(x, y) : b is null;
}
