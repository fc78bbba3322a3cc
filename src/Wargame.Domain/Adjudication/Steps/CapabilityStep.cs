using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;

namespace Wargame.Domain.Adjudication.Steps;

/// <summary>Step B: capability K_S of the guarantors of each guarantee in force (computed in the assessment of step A).</summary>
internal static class CapabilityStep
{
    public static StepResult Run(ResolutionContext ctx, World world, Assessment assessment) =>
        StepResult.Of(world, assessment.Guarantors.GroupBy(a => a.AgreementId)
            .Select(group => Explanations.Capability(ctx, world, world.Agreement(group.Key), group.First())));
}
