using System.Text.Json;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Serialization;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Hubs;

/// <summary>The guarantee builder's preview over the hub: the domain's answer, the same for every role that may ask, and no change to the game.</summary>
public sealed class GuaranteePreviewHubTests : IAsyncLifetime
{
    private static readonly GuaranteeTerms Draft = new()
    {
        Guarantors = [Role.US, Role.EU],
        LegalForm = LegalForm.ExecutiveAgreement,
        Trigger = Trigger.Automatic,
        EconomicStake = EconomicStake.MineralsDeal,
        Tripwires = [new Tripwire(Role.US, 8_000, TripwireLocation.ContactLine)],
    };

    private RunningServer _server = null!;
    private Table _table = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.Start();
        _table = await Table.Seat(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task UkraineAndTheGuarantors_GetTheDomainsPreview_AndTheGameDoesNotChange()
    {
        var file = Path.Combine(RunningServer.ScenarioDirectory, "test-ceasefire.yaml");
        var scenario = ScenarioParser.Parse(Path.GetFileName(file), File.ReadAllText(file)).Scenario!;
        var start = Rules.Begin(Rules.Start(scenario, 42));
        var expected = JsonSerializer.Serialize(GuaranteePreviews.For(start, Role.UA, Draft).Preview, GameJson.Options);

        foreach (var role in new[] { Role.UA, Role.US, Role.EU })
        {
            var result = await _table.Players[role].PreviewGuarantee(Draft);
            Assert.True(result.Accepted, $"{role}: {result.Code} {result.Message}");
            Assert.Equal((role, expected), (role, JsonSerializer.Serialize(result.Preview, GameJson.Options)));
        }
        Assert.Equal(1, (await _table.CurrentView()).Version);
    }

    [Fact]
    public async Task RussiaAndMalformedTerms_AreRefusedWithTheDomainsReason()
    {
        var russia = await _table.Players[Role.RU].PreviewGuarantee(Draft);
        var empty = await _table.Players[Role.UA].PreviewGuarantee(Draft with { Guarantors = [], Tripwires = [] });

        Assert.Equal((false, "russia-reads-estimates", null), (russia.Accepted, russia.Code, russia.Preview));
        Assert.Equal((false, "invalid-terms", "guarantors must name at least one guarantor (US or EU)."), (empty.Accepted, empty.Code, empty.Message));
    }
}
