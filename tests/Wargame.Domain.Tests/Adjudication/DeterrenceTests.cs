using Wargame.Domain.Guarantees;
using Wargame.Domain.Roles;

namespace Wargame.Domain.Tests.Adjudication;

public sealed class DeterrenceTests
{
    public static TheoryData<string> ScenarioIds() => [.. TestScenarios.Files.Select(Path.GetFileNameWithoutExtension).OfType<string>()];

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public void TheExplainedTerms_AddUpToTheNumberTheEngineUses(string scenario)
    {
        var state = TestScenarios.Start(scenario);
        foreach (var agreement in state.World.Agreements.Where(a => a.Guarantee is not null))
        {
            var guarantors = agreement.Guarantee!.Guarantors;
            foreach (var g in guarantors)
            {
                var (commitment, terms) = Deterrence.Commitment(state.World, state.Constants, agreement, g, agreement.Form);
                Assert.Equal(Deterrence.Sigmoid(terms.Sum(t => t.Value)), commitment, 12);
                Assert.Equal(commitment, Deterrence.CommitmentValue(state.World, state.Constants, agreement, g, agreement.Form), 12);
            }
            var (capability, _) = Deterrence.Capability(state.World, state.Constants, guarantors, agreement.Guarantee.ArmsAndIntelligence);
            Assert.Equal(capability, Deterrence.CapabilityValue(state.World, state.Constants, guarantors, agreement.Guarantee.ArmsAndIntelligence), 12);
        }
    }

    [Fact]
    public void Deterrence_CombinesTheBestCredibilityOfEachGuarantor()
    {
        var executive = new GuaranteeTerms { LegalForm = LegalForm.ExecutiveAgreement, Trigger = Trigger.Automatic };
        var state = Fixture.Start(Fixture.Table(
            Fixture.Guarantee(executive with { Guarantors = [Role.EU] }),
            Fixture.Guarantee(executive with { Guarantors = [Role.US] })));
        var assessment = Deterrence.Assess(state.World, state.Constants);

        var eu = assessment.Guarantors.Single(g => g.Guarantor == Role.EU).Credibility;
        var us = assessment.Guarantors.Single(g => g.Guarantor == Role.US).Credibility;
        Assert.Equal(1 - (1 - eu) * (1 - us), assessment.Deterrence, 12);
        Assert.All(assessment.Guarantors, g => Assert.Equal(Math.Sqrt(g.Commitment * g.Capability), g.Credibility, 12));
    }

    [Fact]
    public void NoCeasefire_NoHazard()
    {
        var state = Fixture.Start(Fixture.Table(Fixture.Guarantee(Fixture.Treaty(Role.US))));

        Assert.Equal(0, Deterrence.Hazard(state.World, state.Constants, 0, rearm: true).Value);
    }
}
