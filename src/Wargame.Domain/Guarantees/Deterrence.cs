using System.Collections.Immutable;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;

namespace Wargame.Domain.Guarantees;

/// <summary>Commitment, capability and credibility of one guarantor on one guarantee, with every term.</summary>
public sealed record GuarantorAssessment(
    int AgreementId,
    Role Guarantor,
    double Commitment,
    ImmutableArray<Term> CommitmentTerms,
    double Capability,
    ImmutableArray<Term> CapabilityTerms,
    double Credibility);

public sealed record Assessment(ImmutableArray<GuarantorAssessment> Guarantors, double Deterrence);

/// <summary>Steps A–C of the resolution (game-model.md): pure functions of the world and the rules table.</summary>
public static class Deterrence
{
    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    public static double Logit(double p)
    {
        p = Math.Clamp(p, 1e-9, 1 - 1e-9);
        return Math.Log(p / (1 - p));
    }

    public static Assessment Assess(World world, RulesTable rules)
    {
        var list = ImmutableArray.CreateBuilder<GuarantorAssessment>();
        foreach (var agreement in world.GuaranteesInForce)
        {
            var terms = agreement.Guarantee!;
            var (capability, capabilityTerms) = Capability(world, rules, terms.Guarantors, terms.ArmsAndIntelligence);
            foreach (var guarantor in terms.Guarantors)
            {
                var (commitment, commitmentTerms) = Commitment(world, rules, agreement, guarantor, agreement.Form);
                list.Add(new GuarantorAssessment(agreement.Id, guarantor, commitment, commitmentTerms, capability, capabilityTerms,
                    Math.Sqrt(commitment * capability)));
            }
        }
        var best = list.GroupBy(a => a.Guarantor).Select(g => g.Max(a => a.Credibility));
        var deterrence = 1 - best.Aggregate(1.0, (product, cred) => product * (1 - cred));
        return new Assessment(list.ToImmutable(), deterrence);
    }

    /// <summary>Step A: C_i = s(-1.0 + L_form + A_auto - A_amb + T_i + E_i + 2(Rep_i - 0.5)).</summary>
    public static (double Value, ImmutableArray<Term> Terms) Commitment(World world, RulesTable rules, Agreement agreement, Role guarantor, LegalForm form)
    {
        var c = CommitmentParts.Of(world, rules, agreement, guarantor, form);
        var g = agreement.Guarantee!;
        var terms = ImmutableArray.CreateBuilder<Term>();
        terms.Add(FromRule(rules, RuleKey.CommitmentBase, "base"));
        terms.Add(FromRule(rules, FormKey(form), $"L_form ({form})"));
        if (g.Trigger == Trigger.Automatic)
            terms.Add(FromRule(rules, RuleKey.AutomaticTrigger, "A_auto (automatic trigger)"));
        if (g.AmbiguityClause)
            terms.Add(FromRule(rules, RuleKey.AmbiguityClause, "-A_amb (ambiguity clause)", sign: -1));
        var tripwire = rules[RuleKey.TripwireCoefficient];
        terms.Add(new Term($"T_i ({Fmt.Int(c.Troops)} own troops: {Fmt.Two(tripwire.Value)} ln(1 + troops/{Fmt.Short(rules.Value(RuleKey.TripwireTroopScale))}))", c.TripwireTerm, tripwire.Tag, tripwire.Source));
        if (g.EconomicStake != EconomicStake.None)
            terms.Add(FromRule(rules, g.EconomicStake == EconomicStake.MineralsWithPersonnel ? RuleKey.StakeWithPersonnel : RuleKey.StakeMinerals,
                $"E_i ({g.EconomicStake})"));
        var weight = rules[RuleKey.ReputationWeight];
        var neutral = rules.Value(RuleKey.ReputationNeutral);
        terms.Add(new Term($"{Fmt.Short(weight.Value)}(Rep - {Fmt.Short(neutral)}), Rep {Fmt.Two(c.Reputation)}", weight.Value * (c.Reputation - neutral), weight.Tag, $"{weight.Source}; reputation moved by step F"));
        return (Sigmoid(c.Logit), terms.ToImmutable());
    }

    /// <summary>The tripwire term of step A: T_i = c ln(1 + troops / scale), own troops only.</summary>
    public static double Tripwire(RulesTable rules, int troops) =>
        rules.Value(RuleKey.TripwireCoefficient) * Math.Log(1 + troops / rules.Value(RuleKey.TripwireTroopScale));

    /// <summary>q_i, the force quality of a guarantor's troops.</summary>
    public static RuleKey QualityKey(Role guarantor) => guarantor == Role.US ? RuleKey.QualityUs : RuleKey.QualityEu;

    /// <summary>Step A without the explanation, for counterfactuals.</summary>
    public static double CommitmentValue(World world, RulesTable rules, Agreement agreement, Role guarantor, LegalForm form) =>
        Sigmoid(CommitmentParts.Of(world, rules, agreement, guarantor, form).Logit);

    private readonly record struct CommitmentParts(int Troops, double TripwireTerm, double Reputation, double Logit)
    {
        public static CommitmentParts Of(World world, RulesTable rules, Agreement agreement, Role guarantor, LegalForm form)
        {
            var g = agreement.Guarantee!;
            var troops = world.Positions.TryGetValue(guarantor, out var pos) ? pos.Troops : 0;
            var tripwire = Tripwire(rules, troops);
            var neutral = rules.Value(RuleKey.ReputationNeutral);
            var reputation = agreement.Reputation.TryGetValue(guarantor, out var rep) ? rep : neutral;
            var logit = rules.Value(RuleKey.CommitmentBase)
                + rules.Value(FormKey(form))
                + (g.Trigger == Trigger.Automatic ? rules.Value(RuleKey.AutomaticTrigger) : 0)
                - (g.AmbiguityClause ? rules.Value(RuleKey.AmbiguityClause) : 0)
                + tripwire
                + g.EconomicStake switch
                {
                    EconomicStake.MineralsWithPersonnel => rules.Value(RuleKey.StakeWithPersonnel),
                    EconomicStake.MineralsDeal => rules.Value(RuleKey.StakeMinerals),
                    _ => 0,
                }
                + rules.Value(RuleKey.ReputationWeight) * (reputation - neutral);
            return new(troops, tripwire, reputation, logit);
        }
    }

    /// <summary>Step B: FR = (UA + sum q_i (deployed_i + 72 h reinforcements)) / RU; K_S = s(2 ln FR + En_S).</summary>
    public static (double Value, ImmutableArray<Term> Terms) Capability(World world, RulesTable rules, IEnumerable<Role> actors, bool armsAndIntelligence)
    {
        var set = actors.Distinct().Order().ToArray();
        var terms = ImmutableArray.CreateBuilder<Term>();
        double ua = world[Role.UA].Troops;
        terms.Add(new Term("Ukraine's forces", ua, "SCENARIO", "order of battle"));
        if (armsAndIntelligence)
        {
            var arms = rules[RuleKey.ArmsSupport];
            terms.Add(new Term($"arms and intelligence (+{Fmt.Pct(arms.Value)} of Ukraine's forces)", ua * arms.Value, arms.Tag, arms.Source));
        }
        foreach (var role in set)
        {
            var q = rules[QualityKey(role)];
            var p = world[role];
            terms.Add(new Term($"{role}: q {Fmt.Two(q.Value)} x ({Fmt.Int(p.Troops)} deployed + {Fmt.Int(p.Reinforcements72h)} within 72 h)",
                q.Value * (p.Troops + p.Reinforcements72h), q.Tag, q.Source));
        }
        terms.Add(new Term("Russia's committed forces", Math.Max(1, world[Role.RU].Troops), "SCENARIO", "order of battle"));
        var (ratio, logit) = CapabilityLogit(world, rules, set, armsAndIntelligence);
        var coefficient = rules[RuleKey.CapabilityLogCoefficient];
        terms.Add(new Term($"{Fmt.Two(coefficient.Value)} ln FR (FR {Fmt.Two(ratio)})", coefficient.Value * Math.Log(ratio), coefficient.Tag, coefficient.Source));
        if (set.Contains(Role.US))
            terms.Add(FromRule(rules, RuleKey.EnablersWithUs, "En_S (US enablers: ISR, air, long-range fires)"));
        else if (set.Contains(Role.EU))
            terms.Add(FromRule(rules, RuleKey.EnablersEuropeOnly, "En_S (Europe only)"));
        return (Sigmoid(logit), terms.ToImmutable());
    }

    /// <summary>Step B without the explanation, for counterfactuals.</summary>
    public static double CapabilityValue(World world, RulesTable rules, IEnumerable<Role> actors, bool armsAndIntelligence) =>
        Sigmoid(CapabilityLogit(world, rules, [.. actors.Distinct()], armsAndIntelligence).Logit);

    private static (double Ratio, double Logit) CapabilityLogit(World world, RulesTable rules, Role[] set, bool armsAndIntelligence)
    {
        var friendly = world[Role.UA].Troops * (armsAndIntelligence ? 1 + rules.Value(RuleKey.ArmsSupport) : 1);
        foreach (var role in set)
            friendly += rules.Value(QualityKey(role)) * (world[role].Troops + world[role].Reinforcements72h);
        var ratio = friendly / Math.Max(1, world[Role.RU].Troops);
        var enablers = set.Contains(Role.US) ? rules.Value(RuleKey.EnablersWithUs) : set.Contains(Role.EU) ? rules.Value(RuleKey.EnablersEuropeOnly) : 0;
        return (ratio, rules.Value(RuleKey.CapabilityLogCoefficient) * Math.Log(ratio) + enablers);
    }

    /// <summary>Step D: h = h0 * prod HR_m * e^(-3D) * (1 + 0.5 Rearm) * (consent ? 0.8 : 1.2); 0 without a ceasefire.</summary>
    public static (double Value, ImmutableArray<Term> Terms) Hazard(World world, RulesTable rules, double deterrence, bool rearm)
    {
        var terms = ImmutableArray.CreateBuilder<Term>();
        if (world.Ceasefire?.Terms is not CeasefireTerms c)
            return (0, []);
        var h = rules.Value(RuleKey.HazardBase);
        terms.Add(FromRule(rules, RuleKey.HazardBase, "h0"));
        void Ratio(bool applies, RuleKey key, string name)
        {
            if (!applies) return;
            terms.Add(FromRule(rules, key, name));
            h *= rules.Value(key);
        }
        Ratio(c.DmzWidthKm > 0, RuleKey.HrDmz, $"HR demilitarised zone ({c.DmzWidthKm} km)");
        Ratio(c.Monitoring != Monitoring.None, RuleKey.HrMonitors, $"HR {c.Monitoring}");
        Ratio(c.JointCommission, RuleKey.HrJointCommission, "HR joint commission");
        Ratio(c.Specificity == TextSpecificity.Specific, RuleKey.HrSpecificText, "HR specific written text");
        var k = rules[RuleKey.HazardDeterrence];
        var deterrenceFactor = Math.Exp(-k.Value * deterrence);
        terms.Add(new Term($"e^(-{Fmt.Two(k.Value)} D), D {Fmt.Two(deterrence)}", deterrenceFactor, k.Tag, k.Source));
        h *= deterrenceFactor;
        if (rearm)
        {
            var r = rules[RuleKey.HazardRearm];
            terms.Add(new Term($"1 + {Fmt.Two(r.Value)} Rearm (Russia rearms this turn)", 1 + r.Value, r.Tag, r.Source));
            h *= 1 + r.Value;
        }
        var guarantees = world.GuaranteesInForce.ToArray();
        if (guarantees.Length > 0)
        {
            var consent = guarantees.Any(g => g.Guarantee!.RussianConsentSought);
            Ratio(true, consent ? RuleKey.HazardConsentSought : RuleKey.HazardConsentNotSought, consent ? "Russian consent sought" : "Russian consent not sought");
        }
        return (Math.Clamp(h, 0, 1), terms.ToImmutable());
    }

    public static RuleKey FormKey(LegalForm form) => form switch
    {
        LegalForm.ExecutiveAgreement => RuleKey.FormExecutive,
        LegalForm.CongressionalExecutive => RuleKey.FormCongressionalExecutive,
        LegalForm.RatifiedTreaty => RuleKey.FormTreaty,
        _ => RuleKey.FormVerbal,
    };

    public static Term FromRule(RulesTable rules, RuleKey key, string name, double sign = 1)
    {
        var c = rules[key];
        return new Term(name, sign * c.Value, c.Tag, c.Source);
    }
}
