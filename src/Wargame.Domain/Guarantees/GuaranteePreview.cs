using System.Collections.Immutable;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;

namespace Wargame.Domain.Guarantees;

/// <summary>One guarantor's commitment (step A) and credibility (step C) under draft terms, with every term of step A.</summary>
public sealed record PreviewedGuarantor(Role Guarantor, int TroopsAssumed, double Commitment, ImmutableArray<Term> CommitmentTerms, double Credibility);

/// <summary>
/// What draft guarantee terms would give if they were signed now: each guarantor's commitment and credibility, the
/// capability of the guarantors together (step B), and the deterrence D of the guarantees everyone knows of, now and
/// with this one added, and in words what the figures take for granted.
/// </summary>
public sealed record GuaranteePreview(
    ImmutableArray<PreviewedGuarantor> Guarantors,
    double Capability,
    ImmutableArray<Term> CapabilityTerms,
    double DeterrenceNow,
    double DeterrenceWith,
    ImmutableArray<string> Assumptions);

/// <summary>A preview, or why there is none.</summary>
public sealed record GuaranteePreviewAnswer(GuaranteePreview? Preview, Rejection? Rejection);

/// <summary>
/// The guarantee builder's preview, computed by the same steps A–C the resolver runs (<see cref="Deterrence"/>), from
/// public state and the draft terms only: the order of battle, reputations and the public guarantees in force. Nothing
/// hidden (no role's hidden quantities, no secret guarantee) enters it, so every role that asks with the same terms
/// gets the same answer. Russia judges guarantees through its intelligence estimate instead (step C), so it gets none.
/// </summary>
public static class GuaranteePreviews
{
    public static GuaranteePreviewAnswer For(GameState state, Role role, AgreementTerms? terms)
    {
        if (role == Role.RU)
            return Refused("russia-reads-estimates", "Russia judges guarantees through its intelligence estimate (step C), which the builder cannot preview.");
        var problems = TermsCheck.Problems(terms);
        if (!problems.IsEmpty)
            return Refused("invalid-terms", string.Join(" ", problems.Select(p => $"{p.Field} {p.Message}")));
        if (terms is not GuaranteeTerms guarantee)
            return Refused("not-a-guarantee", "Only guarantee terms have a commitment and credibility to preview.");
        return new(Of(state.World, state.Constants, state.Turn, role, guarantee), null);
    }

    /// <summary>The preview of <paramref name="terms"/> as if signed at <paramref name="turn"/> by <paramref name="proposer"/>.</summary>
    public static GuaranteePreview Of(World world, RulesTable rules, int turn, Role proposer, GuaranteeTerms terms)
    {
        terms = terms with { Tripwires = terms.Tripwires.IsDefault ? [] : terms.Tripwires };
        // Each guarantor keeps at least the tripwire the terms name: it promises those troops on signing.
        var promised = world with
        {
            Positions = world.Positions.SetItems(terms.Guarantors.Select(g => KeyValuePair.Create(g, world[g] with
            {
                Troops = Math.Max(world[g].Troops, terms.Tripwires.Where(t => t.Guarantor == g).Sum(t => t.Troops)),
            }))),
        };
        var agreement = AgreementLifecycle.Sign(AgreementLifecycle.Create(promised, 0, proposer, terms, turn, counterOf: null),
            turn, AgreementStatus.InForce, promised);
        var (capability, capabilityTerms) = Deterrence.Capability(promised, rules, terms.Guarantors, terms.ArmsAndIntelligence);
        var guarantors = terms.Guarantors.Select(g =>
        {
            var (commitment, commitmentTerms) = Deterrence.Commitment(promised, rules, agreement, g, agreement.Form);
            return new PreviewedGuarantor(g, promised[g].Troops, commitment, commitmentTerms, Math.Sqrt(commitment * capability));
        }).ToImmutableArray();
        var known = Deterrence.Assess(world, rules).Known.Select(a => (a.Guarantor, a.Credibility)).ToList();
        var with = terms.Public ? known.Concat(guarantors.Select(g => (g.Guarantor, g.Credibility))) : known;
        return new GuaranteePreview(guarantors, capability, capabilityTerms, Deterrence.Combine(known), Deterrence.Combine(with),
            Assumptions(world, rules, terms));
    }

    private static ImmutableArray<string> Assumptions(World world, RulesTable rules, GuaranteeTerms terms)
    {
        var list = ImmutableArray.CreateBuilder<string>();
        list.Add("Signed now, with the order of battle and reputations everyone sees today; no statements made on it yet.");
        foreach (var g in terms.Guarantors)
        {
            var named = terms.Tripwires.Where(t => t.Guarantor == g).Sum(t => t.Troops);
            var present = world[g].Troops;
            list.Add(named > present ? $"{g.DisplayName()} stations the {Fmt.Int(named)} troops the terms name (it has {Fmt.Int(present)} in Ukraine now)."
                : present > 0 ? $"{g.DisplayName()} keeps its {Fmt.Int(present)} troops in Ukraine (it promises them on signing)."
                : $"{g.DisplayName()} has no troops in Ukraine, and the terms name none.");
        }
        if (terms.EconomicStake != EconomicStake.None)
            list.Add($"The economic stake counts {Fmt.Pct(Deterrence.StakeMaturity(rules, 0))} at first and grows to full over {Fmt.Short(rules.Value(RuleKey.StakeMaturityTurns))} turns in force.");
        if (AgreementLifecycle.SignedStatus(terms) == AgreementStatus.AwaitingRatification)
            list.Add("A treaty the United States guarantees takes force only once the Senate ratifies it.");
        list.Add(terms.Public
            ? "D is what the guarantees everyone knows of deter together; Russia acts on its own estimate of them."
            : "A secret guarantee deters nothing: Russia does not know of it, so D stays as it is.");
        return list.ToImmutable();
    }

    private static GuaranteePreviewAnswer Refused(string code, string message) => new(null, new Rejection(code, message));
}
