using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Serialization;
using Wargame.Domain.Simulation;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;
using Wargame.Server.Games;
using Wargame.Server.Tests.Support;

namespace Wargame.Server.Tests.Games;

/// <summary>
/// Everything that crosses a grain boundary goes through the silo's own serializer and comes back the same. The
/// types are read off the grain interfaces, so a new method or command without a sample here fails the test
/// (Orleans would only fail at run time, with CodecNotFoundException).
/// </summary>
public sealed class GrainSerializationTests
{
    private static readonly Type[] GrainInterfaces = [typeof(IGameGrain), typeof(IGameObserver)];

    [Fact]
    public async Task EveryTypeCrossingAGrainBoundary_RoundTripsThroughTheSilosSerializer()
    {
        await using var server = await RunningServer.Start();
        var serializer = server.App.Services.GetRequiredService<Serializer>();
        var observer = server.Grains.CreateObjectReference<IGameObserver>(new SilentObserver());
        var samples = Samples(observer);

        var crossing = GrainInterfaces
            .SelectMany(i => i.GetMethods())
            .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(Unwrapped(m.ReturnType)))
            .Where(t => t != typeof(void))
            .Distinct()
            .ToList();
        var missing = crossing.Where(t => !samples.ContainsKey(t)).Select(t => t.Name).ToList();
        Assert.True(missing.Count == 0, $"No samples for {string.Join(", ", missing)}: add them here.");
        var commands = typeof(GameCommand).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(GameCommand)) && !t.IsAbstract).ToHashSet();
        Assert.Equal(commands, samples[typeof(GameCommand)].Select(c => c!.GetType()).ToHashSet());

        var roundTrip = typeof(GrainSerializationTests).GetMethod(nameof(RoundTrip), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var type in crossing.Append(typeof(GameNotFoundException)))
        {
            foreach (var sample in samples[type])
            {
                var copy = roundTrip.MakeGenericMethod(type).Invoke(null, [serializer, sample]);
                Assert.Equal(sample?.GetType(), copy?.GetType());
                Assert.Equal(Json(sample), Json(copy));
            }
        }
    }

    private sealed class SilentObserver : IGameObserver
    {
        public Task View(GameView view) => Task.CompletedTask;

        public Task Update(ImmutableArray<ViewDelta> deltas) => Task.CompletedTask;

        public Task Seats(ImmutableArray<SeatView> seats) => Task.CompletedTask;

        public Task SeatReleased(string seatId) => Task.CompletedTask;

        public Task Deactivated() => Task.CompletedTask;
    }

    private static T RoundTrip<T>(Serializer serializer, T value) => serializer.Deserialize<T>(serializer.SerializeToArray(value))!;

    private static Type Unwrapped(Type type) =>
        type == typeof(Task) ? typeof(void) : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>) ? type.GetGenericArguments()[0] : type;

    private static string Json(object? value) => value switch
    {
        null => "null",
        GameNotFoundException e => $"{e.GameId}: {e.Message}",
        IAddressable reference => reference.GetGrainId().ToString(),
        _ => JsonSerializer.Serialize(value, value.GetType(), GameJson.Options),
    };

    private static Dictionary<Type, IReadOnlyList<object?>> Samples(IGameObserver observer)
    {
        var file = Path.Combine(RunningServer.ScenarioDirectory, "test-ceasefire.yaml");
        var scenario = ScenarioParser.Parse(Path.GetFileName(file), File.ReadAllText(file)).Scenario!;
        var played = BotGame.Play(scenario, 5);
        var views = Audience.All.Select(a => GameViews.For(played.State, a)).ToList();
        var ceasefire = new CeasefireTerms { DmzWidthKm = 10, Monitoring = Monitoring.UnarmedMonitors, MonitorsFrom = ["OSCE"] };
        var guarantee = new GuaranteeTerms
        {
            Guarantors = [Role.US, Role.EU],
            LegalForm = LegalForm.ExecutiveAgreement,
            EconomicStake = EconomicStake.MineralsDeal,
            Tripwires = [new Tripwire(Role.US, 5_000, TripwireLocation.ContactLine)],
        };
        var seat = new SeatView("s_1", Audience.Of(Role.RU), "Ivan", Connected: true, Bot: false);
        var deadline = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        return new()
        {
            [typeof(GameCommand)] =
            [
                new PostMessage(Actor.Player(Role.UA), [Role.US], "Can you station a brigade?"),
                new Propose(Actor.Player(Role.UA), ceasefire),
                new RespondToProposal(Actor.Player(Role.RU), 1, ProposalResponse.Accept),
                new CounterProposal(Actor.Player(Role.RU), 1, ceasefire with { DmzWidthKm = 20 }),
                new RevokeAgreement(Actor.Player(Role.RU), 2, "Violations"),
                new SubmitOrders(Actor.Player(Role.US), new GuarantorOrders { TroopChange = 1000, ArmsAndIntelligence = true }),
                new AdvancePhase(Actor.System) { Now = deadline },
                new SetDeadline(Actor.Facilitator, 600) { Now = deadline },
                new SetDeadlinePresets(Actor.Facilitator, new DeadlinePresets(Negotiation: 900, Orders: 300)),
                new ExtendDeadline(Actor.Facilitator, 120),
                new PauseGame(Actor.Facilitator) { Now = deadline },
                new ResumeGame(Actor.Facilitator),
                new CloseAtDeadline(Actor.System, deadline) { Now = deadline.AddSeconds(1) },
                new InjectEvent(Actor.Facilitator, null, "Election called", "Snap elections.", [new InjectEffect("US.domesticSupport", -0.1)]),
                new AdjustAdjudication(Actor.Facilitator, "t1-ceasefire", 0.3, "Local knowledge"),
                new EndGame(Actor.Facilitator),
                new RevealAll(Actor.Facilitator),
                new AddNote(Actor.Facilitator, 1, "Ask the US team why it withdrew."),
            ],
            [typeof(CommandResult)] = [CommandResult.Ok(7), CommandResult.Refused("not-orders-phase", "Orders can be submitted only in the orders phase.", 3)],
            [typeof(Role)] = [Role.EU],
            [typeof(AgreementTerms)] = [ceasefire, guarantee],
            [typeof(GuaranteePreviewAnswer)] =
            [
                GuaranteePreviews.For(played.State, Role.UA, guarantee),
                GuaranteePreviews.For(played.State, Role.RU, guarantee),
            ],
            [typeof(Actor)] = [Actor.Player(Role.EU), Actor.Facilitator, Actor.System],
            [typeof(Audience)] = [.. Audience.All],
            [typeof(TimeSpan)] = [TimeSpan.FromSeconds(90)],
            [typeof(DateTimeOffset)] = [new DateTimeOffset(2026, 12, 7, 13, 30, 5, 250, TimeSpan.Zero)],
            [typeof(TimeSpan?)] = [TimeSpan.FromSeconds(90), null],
            [typeof(GameView)] = [.. views],
            [typeof(ImmutableArray<ViewDelta>)] =
            [
                ImmutableArray.CreateRange(Audience.All.Select(a => ViewDelta.Between(GameViews.For(Rules.Replay(played.Events[..3]), a), GameViews.For(played.State, a)))),
                ImmutableArray<ViewDelta>.Empty,
            ],
            [typeof(ImmutableArray<SeatView>)] = [ImmutableArray.Create(seat, seat with { SeatId = "s_2", Bot = true, Connected = false })],
            [typeof(string)] = ["s_1"],
            [typeof(NodeInterest)] = [new NodeInterest([Audience.Public, Audience.Of(Role.UA)], ["s_1", "s_2"])],
            [typeof(IGameObserver)] = [observer],
            [typeof(GameNotFoundException)] = [new GameNotFoundException("g_missing")],
            [typeof(int)] = [412],
            [typeof(ImmutableArray<Role>)] = [ImmutableArray<Role>.Empty, ImmutableArray.Create(Role.UA, Role.RU)],
            [typeof(MessagePageResult)] =
            [
                MessagePageResult.Of(new MessagePage([views[2].Messages.FirstOrDefault() ?? new MessageView(1, 1, Role.UA, [Role.RU], "Hello")], 7)),
                MessagePageResult.Refused("unknown-channel", "There is no channel with those members that you can read."),
            ],
        };
    }
}
