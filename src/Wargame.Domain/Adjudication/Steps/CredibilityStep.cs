using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Roles;

namespace Wargame.Domain.Adjudication.Steps;

/// <summary>
/// Step C: credibility of each guarantor, the combined deterrence D, and the expected-utility line Russia sees
/// before it orders.
/// </summary>
internal static class CredibilityStep
{
    public static StepResult Run(ResolutionContext ctx, World world, Assessment assessment)
    {
        var records = assessment.Guarantors.Select(a => Explanations.Credibility(ctx, world, world.Agreement(a.AgreementId), a)).ToList();
        records.Add(Explanations.CombinedDeterrence(ctx, assessment));
        var resolve = world.Hidden(HiddenQuantity.Resolve);
        records.Add(Explanations.Outlook(ctx, assessment.Deterrence, resolve, RussianOutlook.Options(assessment.Deterrence, resolve, ctx.Rules)));
        return StepResult.Of(world, records);
    }
}
