using System.Collections.Immutable;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Turns;
using Wargame.Server.Games;
using Wargame.Server.Storage;

namespace Wargame.Server.Tests.Storage;

/// <summary>The store contract: every test here runs against SQLite and against a real PostgreSQL.</summary>
public abstract class GameStoreContract
{
    private static readonly DateTimeOffset Created = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly Scenario Scenario = new()
    {
        Id = "contract",
        Title = "Contract",
        Summary = "A scenario for store tests.",
        Turns = 2,
        Roles = [.. RoleSet.All.Select(r => new RoleSetup(r, $"{r} public", $"{r} private"))],
    };

    /// <summary>A store on fresh storage; calling it again with the same <paramref name="name"/> reopens the same storage.</summary>
    internal abstract Task<IGameStore> OpenStore(string name);

    [Fact]
    public async Task CreatedGame_IsFoundWithItsCodesAndFirstEvent()
    {
        var store = await OpenStore("a");
        var (game, codes) = await CreateGame(store, "key-a");

        Assert.Equal(game, await store.FindGame(game.GameId, CancellationToken.None));
        Assert.Equal(codes.OrderBy(c => c.Code), (await store.JoinCodes(game.GameId, CancellationToken.None)).OrderBy(c => c.Code));
        Assert.Equal(codes[1], await store.FindJoinCode(codes[1].Code, CancellationToken.None));
        Assert.Null(await store.FindJoinCode("NOSUCHCD", CancellationToken.None));
        var started = Assert.IsType<GameStarted>(Assert.Single(await store.LoadEvents(game.GameId, CancellationToken.None)));
        Assert.Equal(99UL, started.Seed);
        Assert.Equal([.. Scenario.Roles], started.Scenario.Roles.ToArray());
    }

    [Fact]
    public async Task EventsAppendedAtTheExpectedVersion_AreLoadedInOrderWithTheirTypes()
    {
        var store = await OpenStore("a");
        var (game, _) = await CreateGame(store, "key-a");
        GameEvent[] batch =
        [
            new OrdersSubmitted(Role.RU, new RussiaOrders(RussiaPosture.MajorOffensive, Rearm: true, SanctionsEvasion: true)),
            new OrdersSubmitted(Role.US, new GuarantorOrders { TroopChange = -500, Response = TestResponse.Limited }),
        ];
        await store.AppendEvents(game.GameId, 1, batch, CancellationToken.None);
        await store.AppendEvents(game.GameId, 3, [new PhaseAdvanced(1, Phase.Debrief)], CancellationToken.None);

        var events = await store.LoadEvents(game.GameId, CancellationToken.None);
        Assert.Equal(4, events.Count);
        Assert.Equal(batch[0], events[1]);
        Assert.Equal(batch[1], events[2]);
        Assert.Equal(new PhaseAdvanced(1, Phase.Debrief), events[3]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task AppendAtAnyOtherVersion_FailsWithAConflict_AndLeavesTheLogUnchanged(int staleVersion)
    {
        var store = await OpenStore("a");
        var (game, _) = await CreateGame(store, "key-a");
        await store.AppendEvents(game.GameId, 1, [new GameEnded()], CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            store.AppendEvents(game.GameId, staleVersion, [new RecordsRevealed(), new GameEnded()], CancellationToken.None));
        Assert.Equal(staleVersion, conflict.ExpectedVersion);
        Assert.Equal(2, (await store.LoadEvents(game.GameId, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task TwoWritersAppendingAtTheSameVersion_ExactlyOneWins()
    {
        var first = await OpenStore("a");
        var second = await OpenStore("a");
        var (game, _) = await CreateGame(first, "key-a");

        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await (i % 2 == 0 ? first : second).AppendEvents(game.GameId, 1, [new GamePaused(i)], CancellationToken.None);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        }));
        var results = await Task.WhenAll(attempts).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Single(results, won => won);
        Assert.Equal(2, (await first.LoadEvents(game.GameId, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task AppendsFromManyGamesArrivingTogether_ShareCommits_AndEachSucceedsOrConflictsOnItsOwn()
    {
        var store = (AdoGameStore)await OpenStore("a");
        var games = new List<GameRecord>();
        for (var i = 0; i < 40; i++)
            games.Add((await CreateGame(store, "key-a")).Item1);
        var commitsBefore = store.AppendCommits;

        // Every game appends twice at once (the second at a stale version, so it conflicts), and once more after.
        var appends = games.SelectMany((game, i) => new[]
        {
            Outcome(store.AppendEvents(game.GameId, 1, [new MessagePosted(1, Role.UA, [], $"game {i}"), new GamePaused(i)], CancellationToken.None)),
            Outcome(store.AppendEvents(game.GameId, 1, [new GameEnded()], CancellationToken.None)),
        }).ToList();
        var outcomes = await Task.WhenAll(appends).WaitAsync(TimeSpan.FromSeconds(60));

        for (var i = 0; i < games.Count; i++)
        {
            Assert.Equal(("committed", "conflict"), (outcomes[2 * i], outcomes[2 * i + 1]));
            var events = await store.LoadEvents(games[i].GameId, CancellationToken.None);
            Assert.Equal([$"game {i}"], events.OfType<MessagePosted>().Select(m => m.Text));
            Assert.Equal(3, events.Count);
            Assert.DoesNotContain(events, e => e is GameEnded);
        }
        var commits = store.AppendCommits - commitsBefore;
        Assert.True(commits < appends.Count / 2, $"{appends.Count} appends took {commits} commits: they were not grouped");
    }

    private static async Task<string> Outcome(Task append)
    {
        try
        {
            await append;
            return "committed";
        }
        catch (ConcurrencyConflictException)
        {
            return "conflict";
        }
    }

    [Fact]
    public async Task Seats_PersistAcrossReopening_AndAReleasedSeatCannotBeResumed()
    {
        var store = await OpenStore("a");
        var (game, _) = await CreateGame(store, "key-a");
        var player = new SeatRecord("s_1", game.GameId, Audience.Of(Role.EU), "Anna", Secrets.Hash("token-1"), Bot: false, Released: false, Created);
        var bot = new SeatRecord("s_2", game.GameId, Audience.Of(Role.RU), "Russia (bot)", null, Bot: true, Released: false, Created.AddMinutes(1));
        await store.AddSeat(player, CancellationToken.None);
        await store.AddSeat(bot, CancellationToken.None);

        var reopened = await OpenStore("a");
        Assert.Equal(player, await reopened.FindSeatByTokenHash(Secrets.Hash("token-1"), CancellationToken.None));
        Assert.Equal([player, bot], await reopened.Seats(game.GameId, CancellationToken.None));

        Assert.True(await reopened.ReleaseSeat(game.GameId, "s_1", CancellationToken.None));
        Assert.False(await reopened.ReleaseSeat(game.GameId, "s_1", CancellationToken.None));
        Assert.False(await reopened.ReleaseSeat("g_other", "s_2", CancellationToken.None));
        Assert.Null(await reopened.FindSeatByTokenHash(Secrets.Hash("token-1"), CancellationToken.None));
        Assert.Equal([bot], await reopened.Seats(game.GameId, CancellationToken.None));
    }

    [Fact]
    public async Task GamesOfAKey_AreOnlyThatFacilitatorsGames()
    {
        var store = await OpenStore("a");
        var key = "key-" + Guid.NewGuid();
        var (one, _) = await CreateGame(store, key);
        await CreateGame(store, "another-key");
        var (two, _) = await CreateGame(store, key);

        Assert.Equal(new[] { one.GameId, two.GameId }.Order(StringComparer.Ordinal), (await store.GamesOf(Secrets.Hash(key), CancellationToken.None)).Select(g => g.GameId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PendingDeadlines_AreListedUntilCleared()
    {
        var store = await OpenStore("a");
        var (game, _) = await CreateGame(store, "key-a");
        await store.SetPendingDeadline(game.GameId, Created.AddMinutes(5), CancellationToken.None);
        Assert.Contains(game.GameId, await store.GamesWithPendingDeadlines(CancellationToken.None));

        await store.SetPendingDeadline(game.GameId, null, CancellationToken.None);
        Assert.DoesNotContain(game.GameId, await store.GamesWithPendingDeadlines(CancellationToken.None));
    }

    [Fact]
    public async Task Initialize_RunTwice_KeepsEverything()
    {
        var store = await OpenStore("a");
        var (game, _) = await CreateGame(store, "key-a");
        await store.Initialize(CancellationToken.None);
        Assert.Single(await store.LoadEvents(game.GameId, CancellationToken.None));
    }

    [Fact]
    public async Task AnUnknownGame_HasNoEventsAndNoRecord()
    {
        var store = await OpenStore("a");
        Assert.Empty(await store.LoadEvents("g_missing", CancellationToken.None));
        Assert.Null(await store.FindGame("g_missing", CancellationToken.None));
    }

    private static async Task<(GameRecord, JoinCode[])> CreateGame(IGameStore store, string key)
    {
        var id = Secrets.NewGameId();
        var game = new GameRecord(id, Scenario.Id, Secrets.Hash(key), Created);
        JoinCode[] codes = [.. RoleSet.All.Select(r => new JoinCode(Secrets.NewJoinCode(), id, Audience.Of(r))), new JoinCode(Secrets.NewJoinCode(), id, Audience.Public)];
        await store.CreateGame(game, codes, [Rules.Start(Scenario, 99)], CancellationToken.None);
        return (game, codes);
    }
}

public sealed class SqliteGameStoreTests : GameStoreContract, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("wargame-store-").FullName;

    internal override async Task<IGameStore> OpenStore(string name)
    {
        var store = new SqliteGameStore(Path.Combine(_directory, name + ".db"));
        await store.Initialize(CancellationToken.None);
        return store;
    }

    public void Dispose() => Support.RunningServer.DeleteDirectory(_directory);
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<Support.PostgresServer>
{
    public const string Name = "PostgreSQL";
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresGameStoreTests(Support.PostgresServer postgres) : GameStoreContract
{
    private readonly Dictionary<string, string> _databases = [];

    internal override async Task<IGameStore> OpenStore(string name)
    {
        if (!_databases.TryGetValue(name, out var connectionString))
            _databases[name] = connectionString = await postgres.CreateDatabase();
        var store = new PostgresGameStore(Npgsql.NpgsqlDataSource.Create(connectionString));
        await store.Initialize(CancellationToken.None);
        return store;
    }
}
