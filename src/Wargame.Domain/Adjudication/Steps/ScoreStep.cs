using System.Collections.Immutable;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using static Wargame.Domain.Adjudication.RuleKey;

namespace Wargame.Domain.Adjudication.Steps;

/// <summary>
/// Step H: each role's weighted objectives (game-model.md's roles table), every line naming the mechanic that moved
/// it, after the lines earlier steps earned (incidents, collapses, honour and audience costs).
/// </summary>
internal static class ScoreStep
{
    public static (StepResult Result, ImmutableArray<RoleScore> Scores) Run(ResolutionContext ctx, World world, double deterrence, bool usFought, IEnumerable<RoleScoreLine> earlier)
    {
        var lines = RoleSet.All.ToDictionary(r => r, _ => new List<ScoreLine>());
        foreach (var (role, line) in earlier)
            lines[role].Add(line);
        foreach (var (role, line) in Objectives(ctx, world, deterrence, usFought))
            lines[role].Add(line);

        var records = new List<ResolutionRecord>();
        var scores = ImmutableArray.CreateBuilder<RoleScore>();
        var totals = world.Scores;
        foreach (var role in RoleSet.All)
        {
            var rounded = lines[role].Select(l => l with { Points = Math.Round(l.Points, 2) }).ToImmutableArray();
            var turnScore = Math.Round(rounded.Sum(l => l.Points), 2);
            var total = Math.Round(totals.GetValueOrDefault(role) + turnScore, 2);
            totals = totals.SetItem(role, total);
            scores.Add(new RoleScore(role, turnScore, total, rounded));
            records.Add(Explanations.Score(ctx, role, rounded, turnScore, total));
        }
        return (StepResult.Of(world with { Scores = totals }, records), scores.ToImmutable());
    }

    private static IEnumerable<RoleScoreLine> Objectives(ResolutionContext ctx, World world, double deterrence, bool usFought)
    {
        var ceasefire = world.Ceasefire;
        var c = ceasefire?.Terms as CeasefireTerms;
        var start = ctx.Start.Territory;
        var territoryChange = world.Territory - start;
        var guarantees = world.GuaranteesInForce.ToArray();
        var minerals = guarantees.Any(a => a.Guarantee!.Guarantors.Contains(Role.US) && a.Guarantee.EconomicStake != EconomicStake.None);
        var usTroops = world[Role.US].Troops;
        var euTroops = world[Role.EU].Troops;
        var goal = ctx.Value(DeterrenceGoal);
        var neutral = ctx.Value(ReputationNeutral);
        var euSpent = ctx.Guarantor(Role.EU).RaiseSpending;
        RoleScoreLine Line(Role role, ScoreObjective objective, double points, string because) => Explanations.ScoreLine(role, objective, points, because);

        // Ukraine
        if (c is not null)
        {
            if (c.NatoNonAccessionPledge) yield return Line(Role.UA, ScoreObjective.Sovereignty, ctx.Value(ScoreNatoPledge), Explanations.Because.NatoPledge);
            if (c.UaForceCapThousands is not null) yield return Line(Role.UA, ScoreObjective.Sovereignty, ctx.Value(ScoreForceCap), Explanations.Because.ForceCap);
            yield return Line(Role.UA, ScoreObjective.CeasefireHolds, ctx.Value(ScoreCeasefireHolds), Explanations.Because.CeasefireInForce(ceasefire!.Id));
        }
        var deterrencePoints = ctx.Value(ScoreDeterrence);
        yield return Line(Role.UA, ScoreObjective.Deterrence, deterrence >= goal ? deterrencePoints : deterrencePoints * deterrence, Explanations.Because.Deterrence(deterrence, goal));
        if (territoryChange != 0) yield return Line(Role.UA, ScoreObjective.TerritoryHeld, ctx.Value(ScoreTerritory) * territoryChange, Explanations.Because.Territory(start, world.Territory));
        if (minerals) yield return Line(Role.UA, ScoreObjective.Reconstruction, ctx.Value(ScoreReconstructionMinerals), Explanations.Because.MineralsInvestment);
        if (euSpent) yield return Line(Role.UA, ScoreObjective.Reconstruction, ctx.Value(ScoreReconstructionSpending), Explanations.Because.EuropeRaisedSpending);

        // Russia
        var perPoint = ctx.Value(ScoreTroopsPerPoint);
        if (territoryChange != 0) yield return Line(Role.RU, ScoreObjective.GainsKept, -ctx.Value(ScoreTerritory) * territoryChange, Explanations.Because.Territory(start, world.Territory));
        if (usTroops + euTroops > 0) yield return Line(Role.RU, ScoreObjective.NoWesternTroops, -(usTroops + euTroops) / perPoint, Explanations.Because.WesternTroops(usTroops + euTroops));
        yield return Line(Role.RU, ScoreObjective.SanctionsRelief, -world.Sanctions * ctx.Value(ScoreSanctionsPerLevel), Explanations.Because.Sanctions(world.Sanctions));
        if (c?.NatoNonAccessionPledge == true) yield return Line(Role.RU, ScoreObjective.NoNato, ctx.Value(ScoreNoNato), Explanations.Because.NatoPledge);
        if (usFought) yield return Line(Role.RU, ScoreObjective.NoWarWithUs, ctx.Value(ScoreRussiaAtWarWithUs), Explanations.Because.UsFought);

        // United States
        if (usTroops > 0) yield return Line(Role.US, ScoreObjective.LowCost, -usTroops / perPoint, Explanations.Because.TroopsDeployed(usTroops));
        if (ctx.Guarantor(Role.US).ArmsAndIntelligence) yield return Line(Role.US, ScoreObjective.LowCost, ctx.Value(ScoreArmsCost), Explanations.Because.ArmsSupport);
        yield return Line(Role.US, ScoreObjective.Reputation, ctx.Value(ScoreReputation) * (world[Role.US].Reputation - neutral), Explanations.Because.Reputation(world[Role.US].Reputation));
        if (minerals) yield return Line(Role.US, ScoreObjective.MineralsReturns, ctx.Value(ceasefire is not null ? ScoreMineralsAtPeace : ScoreMineralsAtWar), Explanations.Because.Minerals(ceasefire is not null));
        if (usFought) yield return Line(Role.US, ScoreObjective.NoDirectWar, ctx.Value(ScoreUsAtWarWithRussia), Explanations.Because.UsFought);

        // Europe
        var security = ctx.Value(ScoreSecurityCeasefire);
        yield return Line(Role.EU, ScoreObjective.EuropeanSecurity, ctx.Value(ScoreSecurityDeterrence) * deterrence + (ceasefire is not null ? security : -security), Explanations.Because.EuropeanSecurity(deterrence, ceasefire is not null));
        if (guarantees.Any(a => a.Guarantee!.Guarantors.Contains(Role.US))) yield return Line(Role.EU, ScoreObjective.UsStaysEngaged, ctx.Value(ScoreUsEngaged), Explanations.Because.UsGuarantees);
        if (euTroops > usTroops) yield return Line(Role.EU, ScoreObjective.FairBurdenShare, -(euTroops - usTroops) / ctx.Value(ScoreBurdenTroopsPerPoint), Explanations.Because.BurdenShare(euTroops, usTroops));
        yield return Line(Role.EU, ScoreObjective.Reputation, ctx.Value(ScoreReputation) * (world[Role.EU].Reputation - neutral), Explanations.Because.Reputation(world[Role.EU].Reputation));
        if (euSpent) yield return Line(Role.EU, ScoreObjective.Spending, ctx.Value(ScoreSpendingCost), Explanations.Because.RaisedSpending);
    }
}
