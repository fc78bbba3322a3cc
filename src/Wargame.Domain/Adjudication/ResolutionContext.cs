using System.Collections.Immutable;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Adjudication;

/// <summary>A facilitator's shift of one roll, in logits, with its reason.</summary>
internal sealed record Adjustment(double Logit, string Reason);

/// <summary>A d10000 roll against a probability, shifted by the facilitator's adjustment if there is one.</summary>
internal sealed record Roll(string RecordId, double Probability, int ThresholdBp, int Value, Adjustment? Adjustment)
{
    public bool Success => Value <= ThresholdBp;
}

/// <summary>What one step did: the world after it, the records explaining it, and the score lines it earned.</summary>
internal sealed record StepResult(World World, ImmutableArray<ResolutionRecord> Records, ImmutableArray<RoleScoreLine> Scores)
{
    public static StepResult Of(World world, IEnumerable<ResolutionRecord>? records = null, IEnumerable<RoleScoreLine>? scores = null) =>
        new(world, records?.ToImmutableArray() ?? [], scores?.ToImmutableArray() ?? []);
}

/// <summary>A score line earned by a role in some step, collected by step H.</summary>
internal sealed record RoleScoreLine(Role Role, ScoreLine Line);

/// <summary>
/// What every step of one turn's resolution shares: the rule constants, the seed and turn for the dice, the orders
/// in effect and the facilitator's adjustments. Steps read it and never change it.
/// </summary>
internal sealed class ResolutionContext(GameState state, ImmutableSortedDictionary<Role, Orders> orders, IReadOnlyDictionary<string, Adjustment> adjustments)
{
    public RulesTable Rules { get; } = state.Constants;
    public ulong Seed { get; } = state.Seed;
    public int Turn { get; } = state.Turn;

    /// <summary>The log's format (<see cref="LogFormat"/>): a few records are computed as that format's rules did.</summary>
    public int Format { get; } = state.Format;
    public ImmutableSortedDictionary<Role, Orders> Orders { get; } = orders;

    /// <summary>The world as the turn began, before any order took effect.</summary>
    public World Start { get; } = state.World;

    public RussiaOrders Russia => (RussiaOrders)Orders[Role.RU];
    public UkraineOrders Ukraine => (UkraineOrders)Orders[Role.UA];
    public GuarantorOrders Guarantor(Role role) => (GuarantorOrders)Orders[role];

    public double Value(RuleKey key) => Rules.Value(key);

    /// <summary>A term that is a constant of the table, with its tag and source.</summary>
    public Term Term(RuleKey key, string name, double sign = 1, string? formula = null) => Deterrence.FromRule(Rules, key, name, sign, formula);

    /// <summary>A term computed from a constant of the table, carrying that constant's tag and source.</summary>
    public Term Computed(RuleKey key, string name, double value, string? formula = null)
    {
        var c = Rules[key];
        return new Term(name, value, c.Tag, c.Source) { Formula = formula };
    }

    public string Id(RecordKind kind, string subject) => RecordKinds.Id(Turn, kind, subject);

    public Adjustment? AdjustmentOf(string recordId) => adjustments.TryGetValue(recordId, out var a) ? a : null;

    /// <summary>Rolls d10000 for the record <paramref name="kind"/> of <paramref name="subject"/> against <paramref name="p"/>.</summary>
    public Roll Roll(RecordKind kind, string subject, double p)
    {
        var id = Id(kind, subject);
        var adjustment = AdjustmentOf(id);
        if (adjustment is not null)
            p = Deterrence.Sigmoid(Deterrence.Logit(p) + adjustment.Logit);
        return new Roll(id, p, Dice.ToBasisPoints(p), Dice.Roll(Seed, Turn, kind.DrawName(), subject), adjustment);
    }

    /// <summary>A plain d10000 draw that is part of another record (who started an incident).</summary>
    public int Draw(string kind, string subject) => Dice.Roll(Seed, Turn, kind, subject);
}

/// <summary>Small edits of the world the steps share.</summary>
internal static class WorldEdits
{
    public static World Set(this World world, Role role, RolePosition position) =>
        world with { Positions = world.Positions.SetItem(role, position) };

    public static World Replace(this World world, int agreementId, Func<Agreement, Agreement> change) =>
        world with { Agreements = [.. world.Agreements.Select(a => a.Id == agreementId ? change(a) : a)] };

    public static Agreement Agreement(this World world, int id) => world.Agreements.First(a => a.Id == id);

    /// <summary>A breach by <paramref name="violator"/>, counted on the agreement.</summary>
    public static World Breach(this World world, int agreementId, Role violator) =>
        world.Replace(agreementId, a => a with { Breaches = a.Breaches + 1, Violators = a.Violators.With(violator) });

    public static ImmutableArray<Role> With(this ImmutableArray<Role> roles, Role role) =>
        roles.Contains(role) ? roles : [.. roles.Add(role).Order()];
}
