using System.Collections.Immutable;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;
using static Wargame.Domain.Adjudication.RuleKey;

namespace Wargame.Domain.Adjudication.Steps;

/// <summary>A guarantee tested last turn, as its guarantor answered it now (step F turns it into reputation).</summary>
internal sealed record AnsweredTest(Agreement Agreement, PendingTest Test, TestResponse Response, bool Honoured);

/// <summary>What step E found besides its records: the tests answered, whether US forces fought, and the outcomes for the simulator.</summary>
internal sealed record TestStepResult(StepResult Step, ImmutableArray<AnsweredTest> Answered, bool UsFought, ImmutableArray<TestOutcome> Tests);

/// <summary>
/// Step E: guarantees tested last turn are answered (Congress may block a US fight under an executive agreement;
/// those who fight may deny Russia its objective), then this turn's attacks: an offensive tests every guarantee in
/// force and may cost guarantor troops in its way (rally or exit pressure at home); a counter-attack may retake ground.
/// </summary>
internal static class GuaranteeTestStep
{
    public static TestStepResult Run(ResolutionContext ctx, World world)
    {
        var records = new List<ResolutionRecord>();
        var answered = ImmutableArray.CreateBuilder<AnsweredTest>();
        var tests = ImmutableArray.CreateBuilder<TestOutcome>();
        var usFought = false;

        foreach (var group in world.PendingTests.GroupBy(t => t.AgreementId).ToArray())
        {
            var agreement = world.Agreement(group.Key);
            var fighting = new List<Role>();
            foreach (var test in group)
            {
                var response = ctx.Guarantor(test.Guarantor).Response ?? TestResponse.Nothing;
                // War powers: fighting without Congress's authorisation (an executive agreement or a bare memorandum) meets a check.
                if (response == TestResponse.Fight && test.Guarantor == Role.US && agreement.Form is LegalForm.ExecutiveAgreement or LegalForm.Verbal)
                {
                    var key = agreement.Form == LegalForm.Verbal ? WarPowersVerbal : CongressBlocks;
                    var congress = ctx.Roll(RecordKind.CongressBlocks, $"g{agreement.Id}", ctx.Value(key));
                    records.Add(Explanations.CongressBlocks(ctx, agreement, key, congress));
                    if (congress.Success)
                        response = TestResponse.Limited;
                }
                var honoured = response is TestResponse.Fight or TestResponse.Limited;
                if (response == TestResponse.Fight)
                {
                    fighting.Add(test.Guarantor);
                    usFought |= test.Guarantor == Role.US;
                }
                tests.Add(new TestOutcome(agreement.Id, test.Guarantor, response.ToString(), honoured));
                answered.Add(new AnsweredTest(agreement, test, response, honoured));
            }

            if (fighting.Count > 0)
            {
                var (k, terms) = Deterrence.Capability(world, ctx.Rules, fighting, agreement.Guarantee!.ArmsAndIntelligence);
                var denial = ctx.Roll(RecordKind.Denial, $"g{agreement.Id}", k);
                var lost = group.Max(t => t.TerritoryLost);
                if (denial.Success)
                    world = world with { Territory = Math.Min(World.MaxTerritory, world.Territory + lost) };
                records.Add(Explanations.Denial(ctx, world, agreement, fighting, k, terms, lost, denial));
            }
        }
        world = world with { PendingTests = [] };

        if (ctx.Russia.Posture is RussiaPosture.LimitedOffensive or RussiaPosture.MajorOffensive)
            world = Offensive(ctx, world, ctx.Russia.Posture == RussiaPosture.MajorOffensive, records);
        if (ctx.Ukraine.Posture == UkrainePosture.CounterAttack)
            world = CounterAttack(ctx, world, records);
        return new(StepResult.Of(world, records), answered.ToImmutable(), usFought, tests.ToImmutable());
    }

    private static World Offensive(ResolutionContext ctx, World world, bool major, List<ResolutionRecord> records)
    {
        var share = ctx.Rules[major ? AttackShareMajor : AttackShareLimited];
        var ru = world[Role.RU];
        var attack = ru.Troops * share.Value;
        var terms = ImmutableArray.CreateBuilder<Term>();
        terms.Add(new Term($"Russia attacks with {Fmt.Pct(share.Value)} of {Fmt.Int(ru.Troops)}", attack, share.Tag, share.Source));
        double defence = world[Role.UA].Troops;
        var posture = ctx.Ukraine.Posture;
        if (posture != UkrainePosture.Hold)
        {
            var f = ctx.Rules[posture == UkrainePosture.Fortify ? FortifyFactor : CounterAttackFactor];
            terms.Add(new Term(posture == UkrainePosture.Fortify ? "Ukraine fortifies" : "Ukraine counter-attacks", defence * (f.Value - 1), f.Tag, f.Source) { Formula = $"defence x{Fmt.Two(f.Value)}" });
            defence *= f.Value;
        }
        var engaged = new List<Role>();
        foreach (var role in new[] { Role.US, Role.EU })
        {
            var p = world[role];
            if (p.Troops == 0 || (!major && p.Location == TripwireLocation.Rear))
                continue;
            var q = ctx.Rules[Deterrence.QualityKey(role)];
            terms.Add(new Term($"{Fmt.Int(p.Troops)} {role.DisplayName()} troops in the way, weighted by force quality", q.Value * p.Troops, q.Tag, q.Source) { Formula = $"q {Fmt.Two(q.Value)} x troops" });
            defence += q.Value * p.Troops;
            engaged.Add(role);
        }
        var k = ctx.Rules[CapabilityLogCoefficient];
        var pDefend = Deterrence.Sigmoid(k.Value * Math.Log(defence / Math.Max(1, attack)));
        terms.Add(new Term($"chance the defence holds ({Fmt.Int(defence)} defending against {Fmt.Int(attack)} attacking)", pDefend, k.Tag, k.Source)
        {
            Formula = $"s({Fmt.Two(k.Value)} ln(defence / attack))",
        });
        var roll = ctx.Roll(RecordKind.Offensive, "RU", 1 - pDefend);
        var gain = ctx.Value(major ? TerritoryMajor : TerritoryLimited);
        var lost = roll.Success ? Math.Min(gain, world.Territory) : 0;
        world = world with { Territory = world.Territory - lost };
        var losses = ctx.Value(major ? LossesMajor : LossesLimited);
        world = world.Set(Role.RU, world[Role.RU] with { Troops = (int)(world[Role.RU].Troops * (1 - losses)) });
        world = world.Set(Role.UA, world[Role.UA] with { Troops = (int)(world[Role.UA].Troops * (1 - losses * ctx.Value(DefenderLossRatio))) });
        records.Add(Explanations.Offensive(ctx, major, terms.ToImmutable(), lost, engaged.Count > 0, roll));

        // Guarantor-provided monitors or peacekeepers on the line may be caught in it (Beirut 1983, Srebrenica 1995).
        if (ctx.Start.Ceasefire?.Terms is CeasefireTerms { Monitoring: not Monitoring.None } watched)
        {
            var key = watched.Monitoring == Monitoring.ArmedPeacekeepers ? DrawnInPeacekeepers : DrawnInMonitors;
            foreach (var role in Deterrence.GuarantorMonitors(watched).Where(r => !engaged.Contains(r)))
            {
                var drawn = ctx.Roll(RecordKind.DrawnIn, role.ToString(), ctx.Value(key));
                records.Add(Explanations.DrawnIn(ctx, role, watched.Monitoring, key, drawn));
                if (drawn.Success)
                    engaged.Add(role);
            }
        }
        foreach (var role in engaged)
            world = Casualties(ctx, world, role, records);

        var attackName = major ? "major offensive" : "limited offensive";
        foreach (var agreement in world.GuaranteesInForce.ToArray())
        {
            var g = agreement.Guarantee!;
            if (!agreement.IsKnownToAll)
            {
                world = world.Replace(agreement.Id, a => a with { Disclosed = true, StatusReason = $"Turn {ctx.Turn}: the {attackName} tested this secret guarantee, which came to light." });
                records.Add(Explanations.Disclosure(ctx, world.Agreement(agreement.Id)));
            }
            // Korea 1950 attaches to any test after a drawdown, not only one in the same turn.
            var pending = g.Guarantors.Select(r => new PendingTest(agreement.Id, r, ctx.Turn, attackName, lost,
                world[r].Troops < world[r].TroopsLastTurn || agreement.DrawdownTurn.ContainsKey(r) || world[r].Troops < agreement.PromisedTroops(r))).ToArray();
            world = world with { PendingTests = world.PendingTests.AddRange(pending) };
            var withoutForces = agreement.Form == LegalForm.Verbal && g.Guarantors.All(r => world[r].Troops == 0);
            records.Add(Explanations.GuaranteeTested(ctx, agreement, major, lost, withoutForces, pending.Any(t => t.TroopsShrunk)));
        }
        return world;
    }

    /// <summary>Step E1: guarantor troops in the way take casualties; the public rallies or presses for exit.</summary>
    private static World Casualties(ResolutionContext ctx, World world, Role role, List<ResolutionRecord> records)
    {
        var guarantees = world.GuaranteesInForce.Where(a => a.Guarantee!.Guarantors.Contains(role)).ToArray();
        var terms = ImmutableArray.CreateBuilder<Term>();
        terms.Add(ctx.Term(RallyBase, "base"));
        var treaty = guarantees.Any(a => a.Form == LegalForm.RatifiedTreaty);
        if (treaty) terms.Add(ctx.Term(RallyTreaty, "treaty"));
        if (guarantees.Any(a => a.Guarantee!.Public && !a.Ambiguity)) terms.Add(ctx.Term(RallyPublicCommitment, "public commitment"));
        if (guarantees.Any(a => a.Guarantee!.EconomicStake != EconomicStake.None)) terms.Add(ctx.Term(RallyStake, "economic stake"));
        var p = terms.Sum(t => t.Value);
        var roll = ctx.Roll(RecordKind.Rally, role.ToString(), p);
        world = world.Set(role, world[role] with { Rallied = roll.Success, ExitPressure = !roll.Success });
        var support = HiddenQuantities.SupportOf(role);
        var change = roll.Success ? ctx.Value(RallySupportGain) : -ctx.Value(ExitSupportLoss);
        world = world.WithHidden(support, Math.Clamp(world.Hidden(support) + change, 0, 1));
        records.Add(Explanations.Rally(ctx, role, terms.ToImmutable(), p, treaty, roll));
        return world;
    }

    private static World CounterAttack(ResolutionContext ctx, World world, List<ResolutionRecord> records)
    {
        var f = ctx.Rules[CounterAttackFactor];
        var ua = world[Role.UA].Troops * f.Value * ctx.Value(CounterAttackCommitted);
        var ru = world[Role.RU].Troops * ctx.Value(CounterAttackDefending);
        var k = ctx.Rules[CapabilityLogCoefficient];
        var p = Deterrence.Sigmoid(k.Value * Math.Log(ua / Math.Max(1, ru)));
        var roll = ctx.Roll(RecordKind.CounterAttack, "UA", p);
        var gain = roll.Success ? Math.Min(ctx.Value(CounterAttackGain), World.MaxTerritory - world.Territory) : 0;
        world = world with { Territory = world.Territory + gain };
        world = world.Set(Role.UA, world[Role.UA] with { Troops = (int)(world[Role.UA].Troops * (1 - ctx.Value(CounterAttackLosses))) });
        Term[] terms =
        [
            new Term("Ukraine's attacking half", ua, f.Tag, f.Source),
            new Term("Russia's defending half", ru, "SCENARIO", "order of battle"),
            new Term("chance of success", p, k.Tag, k.Source) { Formula = "P(success)" },
        ];
        records.Add(Explanations.CounterAttack(ctx, [.. terms], gain, roll));
        return world;
    }
}
