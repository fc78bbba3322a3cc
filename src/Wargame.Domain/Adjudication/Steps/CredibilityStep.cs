using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Roles;

namespace Wargame.Domain.Adjudication.Steps;

/// <summary>
/// Step C: credibility of each guarantor, the combined deterrence D of the guarantees every role knows of, Russia's
/// estimate of them (perception), and the expected-utility line Russia sees, computed from its estimate.
/// </summary>
internal static class CredibilityStep
{
    public static StepResult Run(ResolutionContext ctx, World world, Assessment assessment, RussianEstimate estimate)
    {
        var records = assessment.Guarantors.Select(a => Explanations.Credibility(ctx, world, world.Agreement(a.AgreementId), a)).ToList();
        records.Add(Explanations.CombinedDeterrence(ctx, assessment));
        records.Add(Explanations.Perception(ctx, estimate));
        var resolve = world.Hidden(HiddenQuantity.Resolve);
        var ceasefire = world.Ceasefire is not null;
        var hazard = ceasefire ? Deterrence.Hazard(world, ctx.Rules, estimate.Deterrence, ctx.Russia.Rearm).Value : (double?)null;
        records.Add(Explanations.Outlook(ctx, estimate.Deterrence, resolve, ceasefire, hazard, RussianOutlook.Options(estimate.Deterrence, resolve, ctx.Rules, ceasefire)));
        return StepResult.Of(world, records);
    }
}
