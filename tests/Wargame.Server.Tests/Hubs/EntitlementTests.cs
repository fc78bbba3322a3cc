using System.Collections.Immutable;
using System.Net.Http.Json;
using System.Text.Json;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;
using Wargame.Server.Api;
using Wargame.Server.Games;
using Wargame.Server.Hubs;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Hubs;

/// <summary>
/// Hidden information end to end: every audience joins a game that plays all its turns with private channels,
/// hidden proposals, signed agreements and secret orders; every message each connection received is checked
/// against what that audience is entitled to see at that moment.
/// </summary>
public sealed class EntitlementTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.Start();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task EveryMessageEveryConnectionReceives_IsWithinItsAudiencesEntitlement()
    {
        var table = await Table.Seat(_server, seed: 2026);
        var secondUkrainian = await _server.Connect();
        await secondUkrainian.JoinWithCode(table.Game.JoinCodes[Role.UA], "Second Ukrainian");
        var connections = table.Players.Select(p => (Audience.Of(p.Key), p.Value))
            .Append((Audience.Of(Role.UA), secondUkrainian))
            .Append((Audience.Facilitator, table.Facilitator))
            .Append((Audience.Public, table.Observer))
            .ToList();

        await PlayWholeGame(table);
        Assert.Equal("game-ended", (await table.Players[Role.UA].PostMessage(new MessageRequest([], "More?"))).Code);
        var beforeReveal = (await table.CurrentView()).Version;
        await table.Facilitate(f => f.RevealAll());
        foreach (var (_, client) in connections)
            await client.WaitForView(v => v.Revealed);

        var events = (await ExportEvents(table)).ToList();
        var states = new List<GameState> { Rules.Begin(events[0]) };
        foreach (var e in events.Skip(1))
            states.Add(Rules.Evolve(states[^1], e));

        foreach (var (audience, client) in connections)
        {
            // An audience's version moves only with what it may see: every state at one of its versions gives it the same view.
            var expected = new Dictionary<int, string>();
            foreach (var state in states)
            {
                var json = Json(GameViews.For(state, audience));
                var version = AudienceVersions.Of(state, audience);
                if (expected.TryGetValue(version, out var earlier))
                    Assert.True(earlier == json, $"{audience}'s view changed at version {version} without its version moving (log version {state.Version}).");
                expected[version] = json;
            }
            Assert.True(client.Views.Count > 10, $"{audience} received only {client.Views.Count} views.");
            foreach (var view in client.Views)
            {
                Assert.Equal(audience, view.Audience);
                // Exactly the domain's view for this audience at this version: nothing of another audience's view.
                Assert.Equal(expected[view.Version], Json(view));
                AssertWithinEntitlement(audience, view);
            }
            Assert.Contains(client.Views, v => v.Ended && !v.Revealed);
            if (audience.Kind != AudienceKind.Facilitator)
                Assert.True(client.Views.Last().Version < states[^1].Version, $"{audience}'s version counts events it cannot see.");
        }

        // The gate is not trivially closed: the facilitator saw every marker during play.
        var facilitatorJson = Json(table.Facilitator.Views.Single(v => v.Version == beforeReveal));
        foreach (var marker in new[] { "SECRET-UA", "SECRET-RU", "SECRET-US", "SECRET-EU", "PRIVATE-T1-UA-US", "PRIVATE-T3-RU-EU", "HIDDEN-LINE-T2" })
            Assert.Contains(marker, facilitatorJson);
        foreach (var (audience, client) in connections)
            Assert.Contains("SECRET-UA", Json(client.Views.Single(v => v.Revealed)));
    }

    [Fact]
    public async Task APrivateMessage_PushesNothingToThoseWhoCannotSeeIt()
    {
        var table = await Table.Seat(_server, seed: 2027);
        var before = (await table.Observer.WaitForView(v => v.Messages.IsEmpty)).Version;
        await Accepted(table.Players[Role.UA], "PostMessage", new MessageRequest([Role.US], "PRIVATE-UA-US"));
        var statement = await Accepted(table.Players[Role.EU], "PostMessage", new MessageRequest([], "PUBLIC-EU"));

        foreach (var client in new[] { table.Players[Role.UA], table.Players[Role.US], table.Facilitator })
            await client.WaitForView(v => v.Messages.Any(m => m.Text == "PRIVATE-UA-US"));
        foreach (var client in new[] { table.Players[Role.RU], table.Players[Role.EU], table.Observer })
        {
            var seen = await client.WaitForView(v => v.Messages.Any(m => m.Text == "PUBLIC-EU"));
            // One push for the statement, none for the whisper: its version moved by one, its message is number 1.
            Assert.Equal([before, before + 1], client.Views.Select(v => v.Version).Distinct().TakeLast(2).ToArray());
            Assert.Equal(statement.Version, seen.Version);
            Assert.Equal(1, seen.Messages.Single().Id);
            Assert.Single(client.Views, v => v.Version == seen.Version);
        }
    }

    private static void AssertWithinEntitlement(Audience audience, GameView view)
    {
        if (audience.Kind == AudienceKind.Facilitator || view.Revealed)
            return;
        var json = Json(view);
        var own = audience.Role;
        foreach (var role in RoleSet.All.Where(r => r != own))
            Assert.DoesNotContain($"SECRET-{role}", json);
        foreach (var (from, to) in new[] { (Role.UA, Role.US), (Role.RU, Role.EU) })
        {
            if (own != from && own != to)
                Assert.DoesNotContain($"-{from}-{to}\"", json);
        }
        if (own is not (Role.UA or Role.RU))
            Assert.DoesNotContain("HIDDEN-LINE", json);
        Assert.All(view.PrivateRecords, r => Assert.Equal(own, r.Role));
        Assert.All(view.Orders, o => Assert.Equal(own, o.Role));
        Assert.All(view.Hidden, h => Assert.Equal(own, h.Role));
        Assert.All(view.Scores, s => Assert.Equal(own, s.Role));
        Assert.Empty(view.EventDeck);
        if (own != Role.RU)
            Assert.Null(view.RussianOutlook);
        Assert.All(view.Proposals, p => Assert.True(
            (own is { } r && (p.Proposer == r || p.Parties.Contains(r))) || p.Status is not (AgreementStatus.Proposed or AgreementStatus.Rejected or AgreementStatus.Withdrawn or AgreementStatus.Countered or AgreementStatus.Accepted),
            $"{audience} sees proposal #{p.Id} ({p.Status}) among {string.Join(",", p.Parties)}"));
    }

    private static async Task PlayWholeGame(Table table)
    {
        var ua = table.Players[Role.UA];
        var ru = table.Players[Role.RU];
        var us = table.Players[Role.US];
        RussiaPosture[] postures = [RussiaPosture.Comply, RussiaPosture.Probe, RussiaPosture.LimitedOffensive];
        for (var turn = 1; turn <= 3; turn++)
        {
            await table.AdvanceTo(Phase.Negotiation);
            await Accepted(ua, "PostMessage", new MessageRequest([Role.US], $"PRIVATE-T{turn}-UA-US"));
            await Accepted(ru, "PostMessage", new MessageRequest([Role.EU], $"PRIVATE-T{turn}-RU-EU"));
            await Accepted(table.Players[Role.EU], "PostMessage", new MessageRequest([], $"PUBLIC-T{turn}-EU"));

            var hidden = await Propose(ua, new CeasefireTerms { Line = LineOfContact.WithdrawToLine, LineName = $"HIDDEN-LINE-T{turn}" });
            await Accepted(ru, "RespondToProposal", hidden, ProposalResponse.Reject);
            if (turn == 1)
            {
                var ceasefire = await Propose(ua, new CeasefireTerms { DmzWidthKm = 10, Monitoring = Monitoring.UnarmedMonitors, MonitorsFrom = ["OSCE"], JointCommission = true });
                await Accepted(ru, "RespondToProposal", ceasefire, ProposalResponse.Accept);
                var guarantee = await Propose(us, new GuaranteeTerms { Guarantors = [Role.US], LegalForm = LegalForm.ExecutiveAgreement, Tripwires = [new Tripwire(Role.US, 2000, TripwireLocation.Rear)] });
                await Accepted(ua, "RespondToProposal", guarantee, ProposalResponse.Accept);
            }

            await table.AdvanceTo(Phase.Orders);
            foreach (var (role, player) in table.Players)
            {
                var orders = role == Role.RU ? new RussiaOrders(postures[turn - 1], Rearm: turn == 2, SanctionsEvasion: false) : Table.OrdersFor(role);
                await Accepted(player, "SubmitOrders", orders);
            }
            await table.AdvanceTo(Phase.Debrief);
        }
        var ended = await table.Facilitate(f => f.AdvancePhase());
        Assert.True((await table.Facilitator.WaitForView(v => v.Version == ended.Version)).Ended);
    }

    private static async Task<int> Propose(GameClient proposer, AgreementTerms terms)
    {
        var result = await Accepted(proposer, "Propose", terms);
        var view = await proposer.WaitForView(v => v.Version == result.Version);
        return view.Proposals[^1].Id;
    }

    private static async Task<CommandResult> Accepted(GameClient client, string method, params object?[] args)
    {
        var result = await client.Invoke<CommandResult>(method, args);
        Assert.True(result.Accepted, $"{method}: {result.Code} {result.Message}");
        return result;
    }

    private async Task<ImmutableArray<GameEvent>> ExportEvents(Table table)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/games/{table.Game.GameId}/export");
        request.Headers.Add("X-Facilitator-Key", table.Game.FacilitatorKey);
        var response = await _server.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SavedGame>(GameJson.Options))!.Events;
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, GameJson.Options);
}
