using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Roles;

namespace Wargame.Domain.Adjudication.Steps;

/// <summary>
/// Step C: credibility of each guarantor, the combined deterrence D of the guarantees every role knows of, Russia's
/// estimate of them (perception), and the expected-utility line Russia was shown when it gave its orders.
/// </summary>
internal static class CredibilityStep
{
    public static StepResult Run(ResolutionContext ctx, World world, Assessment assessment, RussianEstimate estimate)
    {
        var records = assessment.Guarantors.Select(a => Explanations.Credibility(ctx, world, world.Agreement(a.AgreementId), a)).ToList();
        records.Add(Explanations.CombinedDeterrence(ctx, assessment));
        records.Add(Explanations.Perception(ctx, estimate));
        // Russia's orders answered the line its view showed while it gave them: the world as the turn began. Logs of
        // format 2 judged them against the line after this turn's orders took effect; they still re-run as they were.
        var asShown = ctx.Format >= LogFormat.OutlookAsShown;
        var judged = asShown ? ctx.Start : world;
        var deterrence = asShown ? Perception.Of(judged, ctx.Rules, Deterrence.Assess(judged, ctx.Rules), ctx.Seed).Deterrence : estimate.Deterrence;
        records.Add(Explanations.Outlook(ctx, RussianOutlook.Shown(judged, ctx.Rules, deterrence), judged.Hidden(HiddenQuantity.Resolve), asShown));
        return StepResult.Of(world, records);
    }
}
