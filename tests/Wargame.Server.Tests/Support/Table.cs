using Wargame.Domain.Roles;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;
using Wargame.Server.Games;
using Wargame.Server.Hubs;

namespace Wargame.Server.Tests.Support;

/// <summary>A created game with a connection for every audience: the four roles, the facilitator and an observer.</summary>
internal sealed class Table
{
    private Table(CreatedGame game, IReadOnlyDictionary<Role, GameClient> players, IReadOnlyDictionary<Role, JoinResult> seats, GameClient facilitator, GameClient observer)
    {
        Game = game;
        Players = players;
        Seats = seats;
        Facilitator = facilitator;
        Observer = observer;
    }

    /// <summary>How the game refuses the empty message <see cref="CurrentView"/> sends.</summary>
    private static readonly string[] ProbeRefusals = ["empty-message", "game-ended"];

    public CreatedGame Game { get; }
    public IReadOnlyDictionary<Role, GameClient> Players { get; }
    public IReadOnlyDictionary<Role, JoinResult> Seats { get; }
    public GameClient Facilitator { get; }
    public GameClient Observer { get; }

    public IEnumerable<GameClient> Everyone => Players.Values.Append(Facilitator).Append(Observer);

    public static async Task<Table> Seat(RunningServer server, ulong seed = 42)
    {
        var game = await server.CreateGame(seed);
        var players = new Dictionary<Role, GameClient>();
        var seats = new Dictionary<Role, JoinResult>();
        foreach (var role in RoleSet.All)
        {
            players[role] = await server.Connect();
            seats[role] = await players[role].JoinWithCode(game.JoinCodes[role], $"{role} player");
        }
        var facilitator = await server.Connect();
        await facilitator.JoinAsFacilitator(game.GameId, game.FacilitatorKey);
        var observer = await server.Connect();
        await observer.JoinWithCode(game.ObserverCode, "Observer");
        return new Table(game, players, seats, facilitator, observer);
    }

    /// <summary>Makes the facilitator's call and asserts it was accepted.</summary>
    public async Task<CommandResult> Facilitate(Func<GameClient, Task<CommandResult>> call)
    {
        var result = await call(Facilitator);
        Assert.True(result.Accepted, $"{result.Code} {result.Message}");
        return result;
    }

    /// <summary>Advances until the game is in <paramref name="phase"/>.</summary>
    public async Task AdvanceTo(Phase phase)
    {
        var view = await CurrentView();
        while (view.Phase != phase)
        {
            var result = await Facilitate(f => f.AdvancePhase());
            view = await Facilitator.WaitForView(v => v.Version == result.Version);
        }
    }

    /// <summary>
    /// The facilitator's view of the current version. A refused (empty) message goes through the game's mailbox, so
    /// every earlier command and timer callback has run, and tells the current version.
    /// </summary>
    public async Task<GameView> CurrentView()
    {
        var probe = await Facilitator.PostMessage(new MessageRequest([], " "));
        Assert.Contains(probe.Code, ProbeRefusals);
        return await Facilitator.WaitForView(v => v.Version == probe.Version);
    }

    public static Orders OrdersFor(Role role) => role switch
    {
        Role.RU => new RussiaOrders(RussiaPosture.Probe, Rearm: true, SanctionsEvasion: false),
        Role.UA => new UkraineOrders(UkrainePosture.Fortify, Mobilise: true),
        _ => new GuarantorOrders { TroopChange = 1000, ArmsAndIntelligence = true },
    };
}
