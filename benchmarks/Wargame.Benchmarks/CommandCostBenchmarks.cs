using System.Security.Cryptography;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Wargame.Domain.Bots;
using Wargame.Domain.Game;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;

namespace Wargame.Benchmarks;

/// <summary>
/// Server CPU per accepted command, inside the grain: decide and evolve, then every audience's update, serialised
/// as it goes on the wire (goal: 150 µs). <see cref="DeltasFromASharedBasis"/> is the grain's path today (one
/// <see cref="ViewBasis"/> per state, carried over from the last state's, and a delta for each audience whose version
/// moved); the baseline is decide and evolve alone, so the ratio says what views and serialisation add; the whole-view
/// path the grain had before deltas (six views, each serialised twice: to hash it, then to push it) is kept beside them.
/// Measured in the second turn of a bot-played game, after a resolution, so the views carry records, scores and headlines.
/// The commands are the load generator's play mix: statements and private messages (most of it), a proposal's
/// acceptance (it gives the parties' audiences a new agreement number), orders, and the facilitator's advance that
/// resolves the turn (the dearest: the turn's records, scores, headlines and a new map for every audience). Two dear
/// cases the live server showed: a new proposal (it gives the audiences that see it a new agreement number) and a
/// statement in a long game (turn 6, several hundred messages, the public channel past its window).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CommandCostBenchmarks
{
    private GameState _state = null!;
    private GameCommand _command = null!;
    private Dictionary<Audience, GameView> _published = null!;
    private ViewBasis _basis = null!;

    [Params("public-message", "private-message", "proposal", "proposal-accepted", "orders", "turn-resolved", "message-long-game")]
    public string Command { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var state = Rules.Begin(Rules.Start(Games.Load("treaty-path"), 42));
        var inOrders = Command is "orders" or "turn-resolved";
        var longGame = Command == "message-long-game";
        while (state.Turn < (longGame ? 6 : 2) || state.Phase != (inOrders ? Phase.Orders : Phase.Negotiation))
        {
            foreach (var role in RoleSet.All)
                state = BotPolicy.Decide(state, role).Aggregate(state, (s, c) => Games.Apply(s, c));
            state = Games.Apply(state, new PostMessage(Actor.Player(Role.UA), [], $"Turn {state.Turn}, {state.Phase}: we hold the line."));
            for (var i = 0; longGame && state.Phase == Phase.Negotiation && i < 50; i++)
            {
                var from = RoleSet.All[i % RoleSet.All.Count];
                state = Games.Apply(state, new PostMessage(Actor.Player(from), [], $"Turn {state.Turn}: statement {i} from {from}."));
                state = Games.Apply(state, new PostMessage(Actor.Player(from), [RoleSet.All[(i + 1) % RoleSet.All.Count]], $"Turn {state.Turn}: a word in private, {i}."));
            }
            state = Games.Apply(state, new AdvancePhase(Actor.System));
        }
        if (Command == "proposal-accepted")
        {
            state = Games.Apply(state, new Propose(Actor.Player(Role.UA), new CeasefireTerms
            {
                DurationTurns = 4, DmzWidthKm = 10, Monitoring = Monitoring.UnarmedMonitors, MonitorsFrom = ["OSCE"], JointCommission = true,
            }));
        }
        if (Command == "turn-resolved")
        {
            foreach (var role in RoleSet.All)
                state = BotPolicy.Decide(state, role).Aggregate(state, (s, c) => Games.Apply(s, c));
        }
        _state = state;
        _command = Command switch
        {
            "public-message" or "message-long-game" => new PostMessage(Actor.Player(Role.EU), [], "Europe will keep its brigade in the rear."),
            "private-message" => new PostMessage(Actor.Player(Role.UA), [Role.US], "Can you station a brigade?"),
            "proposal" => new Propose(Actor.Player(Role.UA), new CeasefireTerms
            {
                DurationTurns = 3, DmzWidthKm = 5, Monitoring = Monitoring.UnarmedMonitors, MonitorsFrom = ["UN"], JointCommission = false,
            }),
            "proposal-accepted" => new RespondToProposal(Actor.Player(Role.RU), state.World.Agreements.Where(a => a.Proposer == Role.UA).Max(a => a.Id), ProposalResponse.Accept),
            "orders" => new SubmitOrders(Actor.Player(Role.US), new GuarantorOrders { TroopChange = 1000, ArmsAndIntelligence = true }),
            _ => new AdvancePhase(Actor.Facilitator),
        };
        if (Rules.Apply(_state, _command).Rejection is { } refused)
            throw new InvalidOperationException($"{Command} is refused: {refused.Code}");
        if (Command == "turn-resolved" && Rules.Apply(_state, _command).State.Outcomes.Length == _state.Outcomes.Length)
            throw new InvalidOperationException("the advance did not resolve the turn");
        // As in the grain: the last state's basis has built every audience's sections, and each audience holds its view.
        _basis = ViewBasis.Of(_state);
        _published = Audience.All.ToDictionary(a => a, a => GameViews.For(_basis, a));
    }

    [Benchmark(Baseline = true)]
    public int DecideAndEvolve() => Rules.Apply(_state, _command).State.Version;

    [Benchmark]
    public int DeltasFromASharedBasis()
    {
        var state = Rules.Apply(_state, _command).State;
        var basis = ViewBasis.Of(state, _basis);
        var bytes = 0;
        foreach (var audience in Audience.All)
        {
            var last = _published[audience];
            if (last.Version == AudienceVersions.Of(state, audience))
                continue;
            var delta = ViewDelta.Between(last, GameViews.For(basis, audience));
            bytes += JsonSerializer.SerializeToUtf8Bytes(delta, GameJson.Options).Length;
        }
        return bytes;
    }

    [Benchmark]
    public int WholeViewsHashedAndPushed()
    {
        var state = Rules.Apply(_state, _command).State;
        var bytes = 0;
        foreach (var audience in Audience.All)
        {
            var view = GameViews.For(state, audience);
            var digest = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(view, GameJson.Options));
            bytes += digest.Length + JsonSerializer.SerializeToUtf8Bytes(view, GameJson.Options).Length;
        }
        return bytes;
    }
}
