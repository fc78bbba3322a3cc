using System.Collections.Immutable;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;
using Wargame.Server.Games;
using Wargame.Server.Hubs;
using Wargame.Server.Tests.Support;
using Xunit.Abstractions;

namespace Wargame.Server.Tests.Hubs;

/// <summary>
/// Through the real hub: the differential property (a game with hidden activity looks exactly like one without to
/// Russia and an observer) and a fuzz of random and malformed calls from every kind of seat.
/// </summary>
public sealed class HostileHubPropertyTests(ITestOutputHelper output)
{
    /// <summary>Game pairs (one seed each) and visible steps per pair.</summary>
    public const int Pairs = 3;
    public const int Steps = 30;

    /// <summary>Games fuzzed and random calls per game.</summary>
    public const int FuzzGames = 3;
    public const int FuzzCalls = 250;

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, GameJson.Options);

    [Fact]
    public async Task RussiaAndAnObserver_GetTheSamePushesRefusalsAndRecords_WhateverHappensOutOfTheirSight()
    {
        await using var server = await RunningServer.Start(settings: RateLimitSettings.AllLifted);
        var (probes, hidden, pages) = (0, 0, 0);
        for (var pair = 0; pair < Pairs; pair++)
        {
            var seed = (ulong)(1000 + 7919 * pair);
            var random = new Random(pair);
            var plain = await Table.Seat(server, seed);
            var busy = await Table.Seat(server, seed);
            var lastOrders = new Dictionary<Role, Orders>();
            for (var step = 0; step < Steps; step++)
            {
                if (random.Next(10) < 8)
                    hidden += await HiddenActivity(busy, random, lastOrders);
                var (who, method, args) = VisibleStep(await plain.CurrentView(), step, random);
                var (a, b) = (await Call(plain, who, method, args), await Call(busy, who, method, args));
                Assert.True(a.Accepted == b.Accepted && a.Code == b.Code, $"{who} {method}: {a} without hidden activity, {b} with it");
                if (who == Role.RU)
                    Assert.Equal(a, b);
                if (a.Accepted && method == "SubmitOrders")
                    lastOrders[who!.Value] = (Orders)args[0]!;

                // Every id either game holds, and two that neither does, tried by Russia in both.
                var ids = (await plain.CurrentView()).Proposals.Select(p => p.Id)
                    .Concat((await busy.CurrentView()).Proposals.Select(p => p.Id))
                    .Append(random.Next(1, 1_000_000)).Append(random.Next(1, 40)).Distinct().ToList();
                foreach (var id in ids)
                {
                    // One of the three commands that name an id per step, in turn, keeps the run short.
                    foreach (var (probe, probeArgs) in RussianProbes(id, random.Next()).Skip((id + step) % 3).Take(1))
                    {
                        probes++;
                        var (pa, pb) = (await Call(plain, Role.RU, probe, probeArgs), await Call(busy, Role.RU, probe, probeArgs));
                        Assert.True(pa == pb, $"Russia's {probe} on #{id}: {pa} without hidden activity, {pb} with it");
                    }
                }
                await Settled(server, plain);
                await Settled(server, busy);

                // Pages of older messages: every channel, from both seats, answered alike whatever the others said.
                if (step % 5 == 4)
                {
                    foreach (var seat in new Func<Table, GameClient>[] { t => t.Players[Role.RU], t => t.Observer })
                    {
                        foreach (var channel in Channels)
                        {
                            foreach (var beforeId in new[] { 1, 2, 5, 40, random.Next(1, 1_000_000) })
                            {
                                pages++;
                                var (pa, pb) = (await Page(seat(plain), channel, beforeId), await Page(seat(busy), channel, beforeId));
                                Assert.True(pa == pb, $"OlderMessages([{string.Join(",", channel)}], {beforeId}): {pa} without hidden activity, {pb} with it");
                            }
                        }
                    }
                }
            }

            foreach (var (a, b) in new[] { (plain.Players[Role.RU], busy.Players[Role.RU]), (plain.Observer, busy.Observer) })
            {
                Assert.Equal(a.Views.Select(Json).ToList(), b.Views.Select(Json).ToList());
                // Seat lists follow connections, not play: compare what they said once the table was seated, each
                // change once (how many partial lists a seat saw while the others joined depends on arrival order).
                Assert.Equal(Changes(a.SeatLists.Select(SeatShape)), Changes(b.SeatLists.Select(SeatShape)));
            }
            Assert.Equal(await PublicRecord(server, plain), await PublicRecord(server, busy));
            Assert.True((await busy.CurrentView()).Version > (await plain.CurrentView()).Version, "the busy game must hold hidden events");
        }
        output.WriteLine($"{Pairs} game pairs of {Steps} visible steps: {hidden} hidden calls accepted, {probes} Russian probes and {pages} pages asked for in each game of a pair");
        Assert.True(hidden > Pairs * Steps / 2, $"only {hidden} hidden calls were accepted");
    }

    [Fact]
    public async Task RandomAndMalformedCallsFromEverySeat_BreakNothing_AndReachNoOneOutsideTheirEntitlement()
    {
        // The players' limits bite now and then; the facilitator, who plays each game to its end afterwards, is let through.
        await using var server = await RunningServer.Start(settings: ["--Wargame:CommandBurst", "40", "--Wargame:MessageBurst", "15",
            .. RateLimitSettings.FacilitatorAndAudiencesLifted]);
        var (calls, accepted, refused, errors) = (0, 0, 0, 0);
        for (var g = 0; g < FuzzGames; g++)
        {
            var random = new Random(100 + g);
            var table = await Table.Seat(server, (ulong)(77 + g));
            var unseated = await server.Connect();
            var seats = table.Players.Select(p => (Who: (Role?)p.Key, Client: p.Value, Audience: Audience.Of(p.Key)))
                .Append((null, table.Facilitator, Audience.Facilitator))
                .Append((null, table.Observer, Audience.Public))
                .ToList();
            var acknowledged = new List<string>();
            for (var i = 0; i < FuzzCalls; i++)
            {
                calls++;
                var seat = random.Next(10) == 0 ? (Who: (Role?)null, Client: unseated, Audience: Audience.Public) : seats[random.Next(seats.Count)];
                var (method, args) = RandomCall(random, table.Facilitator.LastView);
                try
                {
                    var result = await seat.Client.Invoke<CommandResult>(method, args);
                    if (result.Accepted)
                    {
                        accepted++;
                        acknowledged.Add(Key(method, seat.Audience));
                    }
                    else
                    {
                        refused++;
                    }
                }
                catch (HubException)
                {
                    errors++;
                }
                catch (JsonException)
                {
                    // The client could not even write the malformed arguments; nothing was sent.
                    errors++;
                }
            }

            // The game still plays to its end.
            var view = await table.CurrentView();
            if (view.Paused)
                acknowledged.Add(Key("ResumePlay", Audience.Facilitator, (await table.Facilitate(f => f.ResumePlay())).Accepted));
            for (var guard = 0; guard < 60 && !(await table.CurrentView()).Ended; guard++)
                acknowledged.Add(Key("AdvancePhase", Audience.Facilitator, (await table.Facilitate(f => f.AdvancePhase())).Accepted));
            Assert.True((await table.CurrentView()).Ended);

            // Every acknowledged command is in the log, and no refused one is.
            var saved = await Export(server, table.Game);
            var logged = saved.Commands.Select(c => Key(Method(c), c.Actor.Kind == ActorKind.Player ? Audience.Of(c.Actor.Role!.Value) : Audience.Facilitator)).ToList();
            Assert.Equal(acknowledged.Order().ToList(), logged.Order().ToList());

            // Every view a connection received is the domain's view for its own audience at some point of the log.
            var states = new List<GameState> { Rules.Begin(saved.Events[0]) };
            foreach (var e in saved.Events.Skip(1))
                states.Add(Rules.Evolve(states[^1], e));
            foreach (var (_, client, audience) in seats)
            {
                var entitled = states.Select(s => Json(GameViews.For(s, audience))).ToHashSet();
                Assert.NotEmpty(client.Views);
                Assert.All(client.Views, v => Assert.True(v.Audience == audience && entitled.Contains(Json(v)), $"{audience} received a view it is not entitled to (version {v.Version})"));
            }
            Assert.Empty(unseated.Views);
            Assert.Empty(unseated.SeatLists);
        }
        output.WriteLine($"{FuzzGames} games, {calls} random calls: {accepted} accepted, {refused} refused, {errors} rejected by the hub");
        Assert.True(accepted > FuzzGames * 5 && refused > FuzzGames * 50 && errors > FuzzGames * 10, $"{accepted} accepted, {refused} refused, {errors} errors");
    }

    private static string Key(string method, Audience audience, bool accepted = true)
    {
        Assert.True(accepted, $"{method} was refused while finishing the game");
        // A deadline set or moved is one DeadlineSet in the log, which reads back as SetDeadline.
        return $"{(method == "ExtendDeadline" ? "SetDeadline" : method)}/{audience}";
    }

    private static string Method(GameCommand command) => command switch
    {
        PauseGame => "Pause",
        ResumeGame => "ResumePlay",
        _ => command.GetType().Name,
    };

    private static Task<CommandResult> Call(Table table, Role? who, string method, object?[] args) =>
        (who is { } role ? table.Players[role] : table.Facilitator).Invoke<CommandResult>(method, args);

    /// <summary>Waits until Russia and the observer have every push of what the game has done so far.</summary>
    private static async Task Settled(RunningServer server, Table table)
    {
        var russia = await table.Players[Role.RU].Invoke<CommandResult>("RespondToProposal", 0, ProposalResponse.Accept);
        await table.Players[Role.RU].WaitForView(v => v.Version == russia.Version);
        var frame = await server.Http.GetFromJsonAsync<JsonElement>($"/api/games/{table.Game.GameId}/replay");
        var latest = frame.GetProperty("latestVersion").GetInt32();
        await table.Observer.WaitForView(v => v.Version == latest);
    }

    private static async Task<string> PublicRecord(RunningServer server, Table table)
    {
        var frame = await server.Http.GetFromJsonAsync<JsonElement>($"/api/games/{table.Game.GameId}/replay?audience=public");
        return frame.GetProperty("view").GetRawText() + frame.GetProperty("steps").GetRawText() + frame.GetProperty("latestVersion").GetRawText();
    }

    private static List<string> Changes(IEnumerable<string> lists)
    {
        var all = lists.ToList();
        var seated = all.Count == 0 ? 0 : all.Max(l => l.Split(';').Length);
        return all.SkipWhile(l => l.Split(';').Length < seated)
            .Aggregate(new List<string>(), (changes, list) => { if (changes.Count == 0 || changes[^1] != list) changes.Add(list); return changes; });
    }

    private static string SeatShape(IReadOnlyList<SeatView> seats) => string.Join(";", seats.Select(s => $"{s.Audience}/{s.DisplayName}/{s.Connected}/{s.Bot}"));

    /// <summary>The visible script: what Ukraine, Russia and the facilitator do where Russia or everyone can see it.</summary>
    private static (Role? Who, string Method, object?[] Args) VisibleStep(GameView view, int step, Random random)
    {
        if (step % 6 == 5)
            return (null, "AdvancePhase", []);
        var who = random.Next(2) == 0 ? Role.RU : Role.UA;
        var open = view.Proposals.Where(p => p.Status == AgreementStatus.Proposed && p.Parties.Contains(Role.RU)).ToList();
        return (view.Phase, random.Next(5)) switch
        {
            (Phase.Orders, _) => (who, "SubmitOrders", [Table.OrdersFor(who)]),
            (_, 0) => (who, "PostMessage", [new MessageRequest([], $"Statement {step}")]),
            (_, 1) => (who, "PostMessage", [new MessageRequest([who == Role.RU ? Role.UA : Role.RU], $"Between us {step}")]),
            (_, 2) when open.Count > 0 && open[0].Responses.Any(r => r.Role == who && r.Response == ProposalAnswer.Pending) =>
                (who, "RespondToProposal", [open[0].Id, random.Next(2) == 0 ? ProposalResponse.Accept : ProposalResponse.Reject]),
            _ => (who, "Propose", [new CeasefireTerms { DmzWidthKm = random.Next(0, 50) }]),
        };
    }

    /// <summary>One piece of activity out of Russia's and the observers' sight in the busy game; the number of calls accepted.</summary>
    private static async Task<int> HiddenActivity(Table busy, Random random, Dictionary<Role, Orders> lastOrders)
    {
        var view = await busy.CurrentView();
        var hidden = view.Proposals.Where(p => p.Status == AgreementStatus.Proposed && !p.Parties.Contains(Role.RU)).ToList();
        var role = new[] { Role.UA, Role.US, Role.EU }[random.Next(3)];
        var calls = new List<(Role, string, object?[])>();
        switch (random.Next(4))
        {
            case 0:
                calls.Add((role, "PostMessage", [new MessageRequest([role == Role.US ? Role.EU : Role.US], $"Out of sight {random.Next()}")]));
                break;
            case 1 when view.Phase != Phase.Orders:
                calls.Add((random.Next(2) == 0 ? Role.US : Role.UA, "Propose", [new GuaranteeTerms { Guarantors = [Role.US], LegalForm = (LegalForm)random.Next(4) }]));
                break;
            case 2 when hidden.Count > 0 && view.Phase != Phase.Orders:
                var target = hidden[random.Next(hidden.Count)];
                calls.Add(random.Next(2) == 0
                    ? (target.Proposer, "RespondToProposal", [target.Id, ProposalResponse.Withdraw])
                    : (target.Proposer == Role.UA ? Role.US : Role.UA, "RespondToProposal", [target.Id, ProposalResponse.Reject]));
                break;
            case 3 when view.Phase == Phase.Orders && view.Roles.Any(c => c.Role == role && c.OrdersSubmitted) && lastOrders.TryGetValue(role, out var visible):
                // Changed secret orders, put back: Russia knows only that they were submitted.
                calls.Add((role, "SubmitOrders", [role == Role.UA ? new UkraineOrders(UkrainePosture.CounterAttack, false) : new GuarantorOrders { TroopChange = 500 }]));
                calls.Add((role, "SubmitOrders", [visible]));
                break;
            default:
                calls.Add((Role.EU, "PostMessage", [new MessageRequest([Role.UA, Role.US], $"Group {random.Next()}")]));
                break;
        }
        var accepted = 0;
        foreach (var (who, method, args) in calls)
            accepted += (await Call(busy, who, method, args)).Accepted ? 1 : 0;
        return accepted;
    }

    /// <summary>Every channel a game can hold: the public one and every set of two or more roles.</summary>
    private static readonly ImmutableArray<Role>[] Channels =
    [
        [],
        .. Enumerable.Range(3, 13).Where(mask => (mask & (mask - 1)) != 0)
            .Select(mask => RoleSet.All.Where((_, i) => (mask & (1 << i)) != 0).ToImmutableArray()),
    ];

    /// <summary>A page of a channel, or the refusal's text: what the caller learns either way.</summary>
    private static async Task<string> Page(GameClient client, ImmutableArray<Role> members, int beforeId)
    {
        try
        {
            return Json(await client.OlderMessages(members, beforeId));
        }
        catch (HubException e)
        {
            return e.Message;
        }
    }

    private static IEnumerable<(string Method, object?[] Args)> RussianProbes(int id, int n)
    {
        yield return ("RespondToProposal", [id, (ProposalResponse)(n % 3)]);
        yield return ("CounterProposal", [id, new CeasefireTerms { DmzWidthKm = n % 40 }]);
        yield return ("RevokeAgreement", [id, n % 2 == 0 ? "" : "Probing"]);
    }

    /// <summary>A random hub call: mostly well-formed with random arguments, often malformed.</summary>
    private static (string Method, object?[] Args) RandomCall(Random r, GameView? facilitatorView)
    {
        var ids = facilitatorView?.Proposals.Select(p => p.Id).ToList() ?? [];
        int SomeId() => ids.Count > 0 && r.Next(3) > 0 ? ids[r.Next(ids.Count)] : r.Next(-5, 1_000_000);
        ImmutableArray<Role> SomeRoles() => [.. Enumerable.Range(0, r.Next(0, 4)).Select(_ => (Role)r.Next(-1, 5))];
        string SomeText() => r.Next(8) switch
        {
            0 => "",
            1 => new string('x', 4100),
            2 => "right\u202Eleft",
            _ => $"text {r.Next()}",
        };
        Orders SomeOrders() => r.Next(3) switch
        {
            0 => new RussiaOrders((RussiaPosture)r.Next(-1, 5), r.Next(2) == 0, r.Next(2) == 0),
            1 => new UkraineOrders((UkrainePosture)r.Next(-1, 4), r.Next(2) == 0),
            _ => new GuarantorOrders { TroopChange = r.Next(-300_000, 300_000), Response = r.Next(3) == 0 ? (TestResponse)r.Next(5) : null },
        };
        AgreementTerms SomeTerms() => r.Next(2) == 0
            ? new CeasefireTerms { DmzWidthKm = r.Next(-10, 120), Mediators = SomeRoles(), UaForceCapThousands = r.Next(3) == 0 ? r.Next(0, 3000) : null }
            : new GuaranteeTerms { Guarantors = SomeRoles(), LegalForm = (LegalForm)r.Next(5), RussianConsentSought = r.Next(2) == 0, DurationTurns = r.Next(-1, 50) };
        return r.Next(24) switch
        {
            0 or 1 or 2 => ("PostMessage", [new MessageRequest(SomeRoles(), SomeText())]),
            3 => ("PostMessage", [null]),
            4 or 5 => ("Propose", [SomeTerms()]),
            6 or 7 => ("RespondToProposal", [SomeId(), (ProposalResponse)r.Next(-1, 4)]),
            8 => ("CounterProposal", [SomeId(), SomeTerms()]),
            9 => ("RevokeAgreement", [SomeId(), SomeText()]),
            10 or 11 => ("SubmitOrders", [SomeOrders()]),
            12 => ("AdvancePhase", []),
            // Deadlines far enough away that none passes during the run (the server's own close is no acknowledged call).
            13 => ("SetDeadline", [r.Next(3) == 0 ? null : r.Next(4) == 0 ? r.Next(-100, 1) : r.Next(3600, 2_000_000)]),
            14 => ("ExtendDeadline", [r.Next(-100, 2_000_000)]),
            15 => (r.Next(2) == 0 ? "Pause" : "ResumePlay", []),
            16 => ("InjectEvent", [new InjectRequest(r.Next(2) == 0 ? "no-such-card" : null, SomeText(), SomeText(), [new InjectEffect(r.Next(2) == 0 ? "RU.resolve" : "nonsense", r.Next(-5, 5) / 10.0)])]),
            17 => ("AdjustAdjudication", [new AdjustRequest($"T1-{r.Next(5)}", r.Next(-10, 10) / 10.0, SomeText())]),
            18 => ("ReleaseSeat", [$"s_{r.Next()}"]),
            19 => ("SubmitOrders", ["major offensive"]),
            20 => ("RespondToProposal", [SomeText(), "accept"]),
            21 => ("LaunchMissiles", [r.Next()]),
            22 => ("JoinWithCode", ["ABCD-EFGH", "Intruder"]),
            _ => ("Propose", []),
        };
    }

    private static async Task<SavedGame> Export(RunningServer server, CreatedGame game)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/games/{game.GameId}/export");
        request.Headers.Add("X-Facilitator-Key", game.FacilitatorKey);
        var response = await server.Http.SendAsync(request);
        return (await response.Content.ReadFromJsonAsync<SavedGame>(GameJson.Options))!;
    }
}
