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
    double Credibility,
    bool KnownToAll = true);

/// <summary>
/// Steps A–C for every guarantee in force. <see cref="Deterrence"/> counts only guarantees every role knows of: a
/// secret guarantee cannot deter a Russia that does not know it (its credibility is still assessed, for its parties).
/// </summary>
public sealed record Assessment(ImmutableArray<GuarantorAssessment> Guarantors, double Deterrence)
{
    /// <summary>The credibilities of the guarantees every role knows of.</summary>
    public IEnumerable<GuarantorAssessment> Known => Guarantors.Where(g => g.KnownToAll);
}

/// <summary>Steps A–C of the resolution (docs/game-model.md): pure functions of the world and the rules table.</summary>
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
                    Math.Sqrt(commitment * capability), agreement.IsKnownToAll));
            }
        }
        var all = list.ToImmutable();
        return new Assessment(all, Combine(all.Where(a => a.KnownToAll).Select(a => (a.Guarantor, a.Credibility))));
    }

    /// <summary>D = 1 - prod over guarantors of (1 - their best credibility).</summary>
    public static double Combine(IEnumerable<(Role Guarantor, double Credibility)> credibilities) =>
        1 - credibilities.GroupBy(a => a.Guarantor).Select(g => g.Max(a => a.Credibility)).Aggregate(1.0, (product, cred) => product * (1 - cred));

    /// <summary>Step A: C_i = s(-1.0 + L_form + A_auto - A_amb + T_i + E_i + 2(Rep_i - 0.5)).</summary>
    public static (double Value, ImmutableArray<Term> Terms) Commitment(World world, RulesTable rules, Agreement agreement, Role guarantor, LegalForm form)
    {
        var c = CommitmentParts.Of(world, rules, agreement, guarantor, form);
        var g = agreement.Guarantee!;
        var terms = ImmutableArray.CreateBuilder<Term>();
        terms.Add(FromRule(rules, RuleKey.CommitmentBase, "base"));
        terms.Add(FromRule(rules, FormKey(form), $"legal form: {FormName(form)}", formula: "L_form"));
        if (g.Trigger == Trigger.Automatic)
            terms.Add(FromRule(rules, RuleKey.AutomaticTrigger, "automatic trigger", formula: "A_auto"));
        if (agreement.Ambiguity)
            terms.Add(FromRule(rules, RuleKey.AmbiguityClause, g.AmbiguityClause ? "strategic-ambiguity clause" : "strategic-ambiguity clause added in play", sign: -1, formula: "-A_amb"));
        var tripwire = rules[RuleKey.TripwireCoefficient];
        terms.Add(new Term($"tripwire: {Fmt.Int(c.Troops)} own troops in Ukraine", c.TripwireTerm, tripwire.Tag, tripwire.Source)
        {
            Formula = $"T_i = {Fmt.Two(tripwire.Value)} ln(1 + troops/{Fmt.Short(rules.Value(RuleKey.TripwireTroopScale))})",
        });
        if (g.EconomicStake != EconomicStake.None)
        {
            var stake = rules[StakeKey(g.EconomicStake)];
            terms.Add(new Term($"economic stake ({StakeName(g.EconomicStake)}, {Fmt.Pct(c.StakeMaturity)} matured after {agreement.TurnsInForce} turns in force)",
                stake.Value * c.StakeMaturity, stake.Tag, $"{stake.Source}; maturity: {rules[RuleKey.StakeInitialShare].Source}") { Formula = "E_i" });
        }
        if (c.Statements != 0)
        {
            var shift = rules[RuleKey.StatementShift];
            terms.Add(new Term($"statements ({c.Statements:+0;-0} net, strengthening or weakening)", shift.Value * c.Statements, shift.Tag, shift.Source) { Formula = "statement shift x net statements" });
        }
        var weight = rules[RuleKey.ReputationWeight];
        var neutral = rules.Value(RuleKey.ReputationNeutral);
        terms.Add(new Term($"reputation {Fmt.Two(c.Reputation)}", weight.Value * (c.Reputation - neutral), weight.Tag, $"{weight.Source}; reputation moved by step F")
        {
            Formula = $"{Fmt.Short(weight.Value)}(Rep - {Fmt.Short(neutral)})",
        });
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

    /// <summary>How much of an economic stake counts after <paramref name="turnsInForce"/> turns: it grows as projects come online.</summary>
    public static double StakeMaturity(RulesTable rules, int turnsInForce)
    {
        var initial = rules.Value(RuleKey.StakeInitialShare);
        return Math.Min(1, initial + (1 - initial) * turnsInForce / rules.Value(RuleKey.StakeMaturityTurns));
    }

    public static RuleKey StakeKey(EconomicStake stake) => stake == EconomicStake.MineralsWithPersonnel ? RuleKey.StakeWithPersonnel : RuleKey.StakeMinerals;

    private readonly record struct CommitmentParts(int Troops, double TripwireTerm, double Reputation, double StakeMaturity, int Statements, double Logit)
    {
        public static CommitmentParts Of(World world, RulesTable rules, Agreement agreement, Role guarantor, LegalForm form)
        {
            var g = agreement.Guarantee!;
            var troops = world.Positions.TryGetValue(guarantor, out var pos) ? pos.Troops : 0;
            var tripwire = Tripwire(rules, troops);
            var neutral = rules.Value(RuleKey.ReputationNeutral);
            var reputation = agreement.Reputation.TryGetValue(guarantor, out var rep) ? rep : neutral;
            var maturity = Deterrence.StakeMaturity(rules, agreement.TurnsInForce);
            var limit = (int)rules.Value(RuleKey.StatementLimit);
            var statements = Math.Clamp(agreement.NetStatements(guarantor), -limit, limit);
            var logit = rules.Value(RuleKey.CommitmentBase)
                + rules.Value(FormKey(form))
                + (g.Trigger == Trigger.Automatic ? rules.Value(RuleKey.AutomaticTrigger) : 0)
                - (agreement.Ambiguity ? rules.Value(RuleKey.AmbiguityClause) : 0)
                + tripwire
                + (g.EconomicStake == EconomicStake.None ? 0 : rules.Value(StakeKey(g.EconomicStake)) * maturity)
                + rules.Value(RuleKey.StatementShift) * statements
                + rules.Value(RuleKey.ReputationWeight) * (reputation - neutral);
            return new(troops, tripwire, reputation, maturity, statements, logit);
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
            terms.Add(new Term($"{role.DisplayName()}: {Fmt.Int(p.Troops)} deployed + {Fmt.Int(p.Reinforcements72h)} within 72 hours, weighted by force quality",
                q.Value * (p.Troops + p.Reinforcements72h), q.Tag, q.Source) { Formula = $"q {Fmt.Two(q.Value)} x (deployed + reinforcements)" });
        }
        terms.Add(new Term("Russia's committed forces", Math.Max(1, world[Role.RU].Troops), "SCENARIO", "order of battle"));
        var (ratio, logit) = CapabilityLogit(world, rules, set, armsAndIntelligence);
        var coefficient = rules[RuleKey.CapabilityLogCoefficient];
        terms.Add(new Term($"force ratio {Fmt.Two(ratio)} (the friendly forces above against Russia's)", coefficient.Value * Math.Log(ratio), coefficient.Tag, coefficient.Source)
        {
            Formula = $"{Fmt.Two(coefficient.Value)} ln FR",
        });
        if (Enablers(world, rules, set) is { Key: { } key } enablers)
        {
            var c = rules[key];
            var who = key == RuleKey.EnablersWithUs ? Role.US : Role.EU;
            terms.Add(new Term($"enablers ({(who == Role.US ? "US surveillance, air power and long-range fires" : "Europe's alone")}; {Fmt.Pct(enablers.Share)} counts with {Fmt.Int(world[who].Troops)} {who.DisplayName()} troops in Ukraine)",
                enablers.Value, c.Tag, $"{c.Source}; scaled by troops present: {rules[RuleKey.EnablerFloor].Source}") { Formula = "En_S" });
        }
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
        return (ratio, rules.Value(RuleKey.CapabilityLogCoefficient) * Math.Log(ratio) + Enablers(world, rules, set).Value);
    }

    /// <summary>
    /// En_S: the US's enablers if the US is in S, else Europe's; a floor of it needs no troops in Ukraine (air and ISR
    /// from outside), the rest grows with the troops actually present, so a near-total withdrawal takes most of it away.
    /// </summary>
    private static (RuleKey? Key, double Share, double Value) Enablers(World world, RulesTable rules, Role[] set)
    {
        RuleKey? key = set.Contains(Role.US) ? RuleKey.EnablersWithUs : set.Contains(Role.EU) ? RuleKey.EnablersEuropeOnly : null;
        if (key is null)
            return (null, 0, 0);
        var who = key == RuleKey.EnablersWithUs ? Role.US : Role.EU;
        var floor = rules.Value(RuleKey.EnablerFloor);
        var share = floor + (1 - floor) * Math.Min(1, world[who].Troops / rules.Value(RuleKey.EnablerFullTroops));
        return (key, share, rules.Value(key.Value) * share);
    }

    /// <summary>
    /// Step D: h = h0 * prod HR_m * e^(-k max(0, D - threshold)) * (1 + 0.5 Rearm) * (consent ? 0.8 : 1.2); 0 without a
    /// ceasefire. D is the deterrence Russia perceives; guarantees it does not know of change nothing here.
    /// </summary>
    public static (double Value, ImmutableArray<Term> Terms) Hazard(World world, RulesTable rules, double deterrence, bool rearm)
    {
        var terms = ImmutableArray.CreateBuilder<Term>();
        if (world.Ceasefire?.Terms is not CeasefireTerms c)
            return (0, []);
        var h = rules.Value(RuleKey.HazardBase);
        terms.Add(FromRule(rules, RuleKey.HazardBase, "base hazard", formula: "h0"));
        void Ratio(bool applies, RuleKey key, string name)
        {
            if (!applies) return;
            terms.Add(FromRule(rules, key, name, formula: "x HR"));
            h *= rules.Value(key);
        }
        Ratio(c.DmzWidthKm > 0, RuleKey.HrDmz, $"demilitarised zone ({c.DmzWidthKm} km)");
        Ratio(c.Monitoring == Monitoring.UnarmedMonitors, RuleKey.HrMonitors, $"unarmed monitors ({MonitorsFrom(c)})");
        Ratio(c.Monitoring == Monitoring.ArmedPeacekeepers, RuleKey.HrPeacekeepers, $"armed peacekeepers ({MonitorsFrom(c)})");
        Ratio(c.JointCommission, RuleKey.HrJointCommission, "joint commission");
        Ratio(c.Specificity == TextSpecificity.Specific, RuleKey.HrSpecificText, "specific written text");
        Ratio(!c.Mediators.IsDefaultOrEmpty, RuleKey.HrMediators, $"mediated by {string.Join(", ", c.Mediators.IsDefault ? [] : c.Mediators)}");
        var k = rules[RuleKey.HazardDeterrence];
        var threshold = rules.Value(RuleKey.DeterrenceThreshold);
        var excess = Math.Max(0, deterrence - threshold);
        var deterrenceFactor = Math.Exp(-k.Value * excess);
        terms.Add(new Term($"deterrence as Russia perceives it ({Fmt.Two(deterrence)}) above {Fmt.Two(threshold)}", deterrenceFactor, k.Tag,
            $"{k.Source}; threshold: {rules[RuleKey.DeterrenceThreshold].Source}") { Formula = $"e^(-{Fmt.Two(k.Value)} max(0, D - {Fmt.Two(threshold)}))" });
        h *= deterrenceFactor;
        if (rearm)
        {
            var r = rules[RuleKey.HazardRearm];
            terms.Add(new Term("Russia rearms this turn", 1 + r.Value, r.Tag, r.Source) { Formula = $"1 + {Fmt.Two(r.Value)} Rearm" });
            h *= 1 + r.Value;
        }
        var guarantees = world.GuaranteesInForce.Where(a => a.IsKnownToAll).ToArray();
        if (guarantees.Length > 0)
        {
            var consent = guarantees.Any(g => g.Guarantee!.RussianConsentSought);
            Ratio(true, consent ? RuleKey.HazardConsentSought : RuleKey.HazardConsentNotSought, consent ? "Russian consent sought" : "Russian consent not sought");
        }
        return (Math.Clamp(h, 0, 1), terms.ToImmutable());
    }

    private static string MonitorsFrom(CeasefireTerms c) => c.MonitorsFrom.IsDefaultOrEmpty ? "provider unnamed"
        : $"from {string.Join(", ", c.MonitorsFrom.Select(m => Enum.TryParse<Role>(m, out var role) ? role.DisplayName() : m))}";

    /// <summary>A legal form in words, for term names.</summary>
    public static string FormName(LegalForm form) => form switch
    {
        LegalForm.ExecutiveAgreement => "executive agreement",
        LegalForm.CongressionalExecutive => "congressional-executive agreement",
        LegalForm.RatifiedTreaty => "ratified treaty",
        _ => "verbal memorandum",
    };

    private static string StakeName(EconomicStake stake) => stake switch
    {
        EconomicStake.None => "none",
        _ => System.Text.RegularExpressions.Regex.Replace(stake.ToString(), "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant(),
    };

    /// <summary>The guarantors that provide a ceasefire's monitors or peacekeepers (named by role code in monitorsFrom).</summary>
    public static IEnumerable<Role> GuarantorMonitors(CeasefireTerms c) =>
        new[] { Role.US, Role.EU }.Where(r => !c.MonitorsFrom.IsDefault && c.MonitorsFrom.Contains(r.ToString()));

    public static RuleKey FormKey(LegalForm form) => form switch
    {
        LegalForm.ExecutiveAgreement => RuleKey.FormExecutive,
        LegalForm.CongressionalExecutive => RuleKey.FormCongressionalExecutive,
        LegalForm.RatifiedTreaty => RuleKey.FormTreaty,
        _ => RuleKey.FormVerbal,
    };

    public static Term FromRule(RulesTable rules, RuleKey key, string name, double sign = 1, string? formula = null)
    {
        var c = rules[key];
        return new Term(name, sign * c.Value, c.Tag, c.Source) { Formula = formula };
    }
}

/// <summary>
/// How public a commitment is, which scales the audience cost of backing down or drawing down (step F): 1 for an
/// announced guarantee, less for a secret one; an ambiguity clause lowers it; a ratification debate and public
/// statements raise it, weakening statements lower it.
/// </summary>
public static class Publicness
{
    public static (double Value, ImmutableArray<Term> Terms) Of(RulesTable rules, Agreement agreement, Role guarantor)
    {
        var g = agreement.Guarantee!;
        var terms = ImmutableArray.CreateBuilder<Term>();
        double value;
        if (g.Public)
        {
            value = 1;
            terms.Add(new Term("announced guarantee", 1, "DESIGN", "docs/game-model.md step F"));
        }
        else
        {
            value = rules.Value(RuleKey.SecretPublicness);
            terms.Add(Deterrence.FromRule(rules, RuleKey.SecretPublicness, "secret guarantee"));
        }
        if (agreement.Ambiguity)
        {
            value *= rules.Value(RuleKey.AmbiguityPublicness);
            terms.Add(Deterrence.FromRule(rules, RuleKey.AmbiguityPublicness, "with an ambiguity clause", formula: "x"));
        }
        if (g.Public && agreement.Form is LegalForm.RatifiedTreaty or LegalForm.CongressionalExecutive)
        {
            value += rules.Value(RuleKey.RatificationDebatePublicness);
            terms.Add(Deterrence.FromRule(rules, RuleKey.RatificationDebatePublicness, "ratification debate in Congress", formula: "+"));
        }
        var limit = (int)rules.Value(RuleKey.StatementLimit);
        var statements = Math.Clamp(agreement.NetStatements(guarantor), -limit, limit);
        if (statements != 0)
        {
            value += rules.Value(RuleKey.StatementPublicness) * statements;
            terms.Add(Deterrence.FromRule(rules, RuleKey.StatementPublicness, $"{statements:+0;-0} net public statements", statements, formula: "+ per statement"));
        }
        return (Math.Max(0, value), terms.ToImmutable());
    }

    /// <summary>AC = scale x publicness x (1 + L_form), in score points.</summary>
    public static double AudienceCost(RulesTable rules, Agreement agreement, Role guarantor) =>
        rules.Value(RuleKey.AudienceCostScale) * Of(rules, agreement, guarantor).Value * (1 + rules.Value(Deterrence.FormKey(agreement.Form)));
}
