using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wargame.Domain.Game;
using Wargame.Domain.Map;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Serialization;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;
using Wargame.Server.Games;
using Wargame.Server.Options;
using Wargame.Server.Scenarios;
using Wargame.Server.Seats;
using Wargame.Server.Storage;

namespace Wargame.Server.Api;

public sealed record CreateGameRequest(string Scenario, ulong? Seed);

public sealed record GameSummary(string GameId, string ScenarioId, DateTimeOffset CreatedAt, int Version, int Turn, Phase Phase, bool Ended);

public sealed record GameDetails(
    GameSummary Game,
    ImmutableSortedDictionary<Role, string> JoinCodes,
    string ObserverCode,
    ImmutableArray<SeatView> Seats,
    GameView View);

/// <summary>A point a replay can step to: the version after which the game entered <see cref="Turn"/>/<see cref="Phase"/>.</summary>
public sealed record ReplayStep(int Version, int Turn, Phase Phase);

/// <summary>A role's (or the observers') join code after the facilitator replaced it; the old code no longer works.</summary>
public sealed record RotatedCode(Audience Audience, string Code);

/// <summary>
/// One point of a replay as <see cref="Audience"/> saw it; <see cref="Timeline"/> is the whole game's timeline for that
/// audience, each entry at the version the replay opens it at.
/// </summary>
public sealed record ReplayFrame(string GameId, Audience Audience, int Version, int LatestVersion, ImmutableArray<ReplayStep> Steps, GameView View,
    ImmutableArray<TimelineEntry> Timeline)
{
    /// <summary>The map as it stood after each resolved turn of the whole game (the map is public), for the debrief report.</summary>
    public ImmutableArray<TurnMap> Maps { get; init; } = [];
    /// <summary>Who sat at each role (bots included); empty unless the caller may read the private replays (facilitator key, or revealed).</summary>
    public ImmutableArray<TeamMember> Teams { get; init; } = [];
}

/// <summary>The map after turn <see cref="Turn"/> resolved.</summary>
public sealed record TurnMap(int Turn, MapView Map);

/// <summary>One seat that played <see cref="Role"/>, by the name its holder gave.</summary>
public sealed record TeamMember(Role Role, string DisplayName, bool Bot);

/// <summary>
/// The REST API: scenarios, creating and listing games, export, import, fork and replay (see /openapi/v1.json). Every
/// endpoint returns typed results; errors are ProblemDetails whose title is a stable code.
/// </summary>
internal static class GamesApi
{
    public const string FacilitatorKeyHeader = "X-Facilitator-Key";

    /// <summary>The rate-limit policy for creating, importing and forking games; the host defines its limits.</summary>
    public const string CreationRateLimit = "creation";

    public static void MapGamesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/scenarios", (ScenarioCatalog catalog) => TypedResults.Ok(catalog.Summaries.ToList())).WithName("ListScenarios");
        api.MapPost("/games", CreateGame).WithName("CreateGame").RequireRateLimiting(CreationRateLimit)
            .Accepts<CreateGameRequest>("application/json");
        api.MapGet("/games", ListGames).WithName("ListGames");
        api.MapGet("/games/{gameId}", GetGame).WithName("GetGame");
        api.MapGet("/games/{gameId}/export", ExportGame).WithName("ExportGame");
        api.MapPost("/games/import", ImportGame).WithName("ImportGame").RequireRateLimiting(CreationRateLimit)
            .Accepts<SavedGame>("application/json");
        api.MapPost("/games/{gameId}/fork", ForkGame).WithName("ForkGame").RequireRateLimiting(CreationRateLimit);
        api.MapGet("/games/{gameId}/replay", Replay).WithName("ReplayGame");
        api.MapPost("/games/{gameId}/codes/{audience}/rotate", RotateJoinCode).WithName("RotateJoinCode");
        // Unknown API paths are a clear 404, not the web client's index.html.
        app.MapFallback("/api/{**path}", (string path) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
            title: "unknown-endpoint", detail: $"There is no API endpoint /api/{path}; see /openapi/v1.json.")).ExcludeFromDescription();
    }

    private static async Task<Results<Created<CreatedGame>, ProblemHttpResult>> CreateGame(
        HttpRequest http, [FromHeader(Name = FacilitatorKeyHeader)] string? facilitatorKey,
        ScenarioCatalog catalog, GameCreation creation, IGameStore store)
    {
        var (request, malformed) = await ReadBody<CreateGameRequest>(http, "a new game ({ scenario, seed? })");
        if (malformed is not null)
            return malformed;
        if (request is null || string.IsNullOrWhiteSpace(request.Scenario))
            return Problem("scenario-required", "Name a scenario id from GET /api/scenarios.");
        if (catalog.Find(request.Scenario) is not { } scenario)
            return Problem("unknown-scenario", $"There is no scenario '{request.Scenario}'; GET /api/scenarios lists them.");
        var key = await ExistingKey(facilitatorKey, store);
        if (facilitatorKey is not null && key is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "unknown-facilitator-key", detail: "That facilitator key belongs to no game; leave it out to get a new one.");
        var created = await creation.Register([Rules.Start(scenario, request.Seed ?? Secrets.NewSeed())], scenario.Id, key);
        return TypedResults.Created($"/api/games/{created.GameId}", created);
    }

    private static async Task<Results<Ok<List<GameSummary>>, ProblemHttpResult>> ListGames(
        [FromHeader(Name = FacilitatorKeyHeader)] string? facilitatorKey, IGameStore store, IGrainFactory grains)
    {
        if (string.IsNullOrEmpty(facilitatorKey))
            return Unauthorized();
        var records = await store.GamesOf(Secrets.Hash(facilitatorKey), CancellationToken.None);
        var summaries = new List<GameSummary>();
        foreach (var record in records)
            summaries.Add(Summary(record, await grains.GetGrain<IGameGrain>(record.GameId).View(Audience.Facilitator)));
        return TypedResults.Ok(summaries);
    }

    private static async Task<Results<Ok<GameDetails>, ProblemHttpResult>> GetGame(
        string gameId, [FromHeader(Name = FacilitatorKeyHeader)] string? facilitatorKey, IGameStore store, IGrainFactory grains)
    {
        if (await Authorize(gameId, facilitatorKey, store) is not { } record)
            return await Refusal(gameId, facilitatorKey, store);
        var game = grains.GetGrain<IGameGrain>(gameId);
        var view = await game.View(Audience.Facilitator);
        var codes = await store.JoinCodes(gameId, CancellationToken.None);
        return TypedResults.Ok(new GameDetails(
            Summary(record, view),
            codes.Where(c => c.Audience.Role is not null).ToImmutableSortedDictionary(c => c.Audience.Role!.Value, c => Secrets.DisplayCode(c.Code)),
            Secrets.DisplayCode(codes.Single(c => c.Audience.Kind == AudienceKind.Public).Code),
            await game.Seats(),
            view));
    }

    private static async Task<Results<Ok<SavedGame>, ProblemHttpResult>> ExportGame(
        string gameId, [FromHeader(Name = FacilitatorKeyHeader)] string? facilitatorKey, IGameStore store)
    {
        if (await Authorize(gameId, facilitatorKey, store) is null)
            return await Refusal(gameId, facilitatorKey, store);
        return TypedResults.Ok(SavedGame.Of(await store.LoadEvents(gameId, CancellationToken.None)));
    }

    private static async Task<Results<Created<CreatedGame>, ProblemHttpResult>> ImportGame(
        HttpRequest http, [FromHeader(Name = FacilitatorKeyHeader)] string? facilitatorKey, GameCreation creation, IGameStore store,
        ScenarioCatalog catalog, GameClock clock, IOptions<WargameOptions> options)
    {
        var limit = options.Value.MaxImportBytes;
        if (http.ContentLength > limit)
            return TooLarge(limit);
        string json;
        try
        {
            json = await ReadLimited(http, limit);
        }
        catch (InvalidDataException)
        {
            return TooLarge(limit);
        }
        SavedGameLoad load;
        try
        {
            load = SavedGame.Load(json);
        }
        catch (Exception e)
        {
            // Any failure of the rules on this log is a fact about the file, reported to whoever sent it.
            load = SavedGameLoad.Fail($"The log cannot be replayed: {e.Message}");
        }
        if (load is not { Ok: true, Game: { } saved })
            return Problem("bad-saved-game", load.Error ?? "Not a saved game.");
        if (!load.RulesRerun)
            return Problem("bad-saved-game", "Only a log of a format today's rules still compute (2 or later) can be imported, because importing re-runs every command through today's rules; replay older logs with the command-line tool.");
        if (catalog.Find(saved.Scenario) is null)
            return Problem("unknown-scenario", $"The saved game plays scenario '{saved.Scenario}', which this server does not have; GET /api/scenarios lists them.");
        if (ImpossibleDeadline(saved.Events, clock.Time.GetUtcNow()) is { } bad)
            return Problem("bad-saved-game", bad);
        var key = await ExistingKey(facilitatorKey, store);
        var created = await creation.Register(saved.Events, saved.Scenario, key);
        return TypedResults.Created($"/api/games/{created.GameId}", created);
    }

    private static async Task<Results<Created<CreatedGame>, ProblemHttpResult>> ForkGame(
        string gameId, int turn, [FromHeader(Name = FacilitatorKeyHeader)] string? facilitatorKey, IGameStore store, GameCreation creation)
    {
        var record = await store.FindGame(gameId, CancellationToken.None);
        var events = await store.LoadEvents(gameId, CancellationToken.None);
        // The whole log holds every private record: the facilitator may fork any time, anyone once they are revealed.
        if (record is null || (!Seating.Matches(facilitatorKey, record.FacilitatorKeyHash) && !Rules.Replay(events).Revealed))
            return await Refusal(gameId, facilitatorKey, store);
        // The prefix of the log up to the event that opened the turn: the new game continues from its briefing.
        var state = Rules.Begin(events[0]);
        var length = state.Turn == turn ? 1 : 0;
        for (var i = 1; i < events.Count && length == 0; i++)
        {
            state = Rules.Evolve(state, events[i]);
            if (state.Turn == turn)
                length = i + 1;
        }
        if (length == 0)
            return Problem("turn-not-reached", $"Game {gameId} has not reached turn {turn}; fork from a turn it has played.");
        var created = await creation.Register([.. events.Take(length)], record.ScenarioId, await ExistingKey(facilitatorKey, store));
        return TypedResults.Created($"/api/games/{created.GameId}", created);
    }

    private static async Task<Results<Ok<ReplayFrame>, ProblemHttpResult>> Replay(
        string gameId, string? audience, int? version, [FromHeader(Name = FacilitatorKeyHeader)] string? facilitatorKey, IGameStore store)
    {
        if (!TryParseAudience(audience ?? "public", out var who))
            return Problem("unknown-audience", "The audience is public, facilitator, or a role: UA, RU, US, EU.");
        var events = await store.LoadEvents(gameId, CancellationToken.None);
        if (events.Count == 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "game-not-found", detail: $"There is no game {gameId}.");
        var states = new List<GameState>(events.Count);
        foreach (var e in events)
            states.Add(states.Count == 0 ? Rules.Begin(e) : Rules.Evolve(states[^1], e));
        var latest = states[^1];

        // Private views need the facilitator key, or the game's records revealed after its end.
        var entitled = latest.Revealed || await Authorize(gameId, facilitatorKey, store) is not null;
        if (who.Kind != AudienceKind.Public && !entitled)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "not-revealed",
                detail: "A role's replay or the whole record is open only to the facilitator until the records are revealed.");

        // Without the key, versions count only what the public saw: log versions would tell how many hidden events happened.
        Func<GameState, int> versionOf = entitled ? s => s.Version : s => AudienceVersions.Of(s, Audience.Public);
        var latestVersion = versionOf(latest);
        var to = version ?? latestVersion;
        if (to < 1 || to > latestVersion)
            return Problem("unknown-version", $"Game {gameId} has versions 1 to {latestVersion}.");

        var steps = ImmutableArray.CreateBuilder<ReplayStep>();
        for (var i = 0; i < states.Count; i++)
        {
            if (i == 0 || states[i - 1].Turn != states[i].Turn || states[i - 1].Phase != states[i].Phase)
                steps.Add(new ReplayStep(versionOf(states[i]), states[i].Turn, states[i].Phase));
        }
        var at = states.Last(s => versionOf(s) <= to);
        // Each turn's map as its resolution (and any adjustment of it in the debrief) left it.
        var maps = new SortedDictionary<int, MapView>();
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is TurnResolved or AdjudicationAdjusted && !states[i].Outcomes.IsEmpty)
                maps[states[i].Outcomes[^1].Turn] = MapViews.For(states[i]);
        }
        // Seats name people: the team list goes with the private replays, to the facilitator or after the reveal.
        var teams = entitled
            ? (await store.Seats(gameId, CancellationToken.None)).Where(s => s.Audience.Role is not null)
                .OrderBy(s => s.Audience.Role).ThenBy(s => s.CreatedAt).Select(s => new TeamMember(s.Audience.Role!.Value, s.DisplayName, s.Bot))
            : [];
        return TypedResults.Ok(new ReplayFrame(gameId, who, to, latestVersion, steps.ToImmutable(), GameViews.For(at, who),
            Timeline.For(states, events, who, versionOf))
        {
            Maps = [.. maps.Select(kv => new TurnMap(kv.Key, kv.Value))],
            Teams = [.. teams],
        });
    }

    /// <summary>
    /// The first event that sets a deadline no server could have set: later than the longest deadline one may set from
    /// now (an imported game runs on this server's clock from now on), or before the year 2000.
    /// </summary>
    private static string? ImpossibleDeadline(IReadOnlyList<GameEvent> events, DateTimeOffset now)
    {
        var latest = now.AddSeconds(PhaseTable.Limits.DeadlineMaxSeconds);
        var earliest = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < events.Count; i++)
        {
            var deadline = events[i] switch
            {
                DeadlineSet set => set.Deadline,
                GameResumed r => r.Deadline,
                _ => null,
            };
            if (deadline is { } at && (at > latest || at < earliest))
                return $"Event {i + 1} ({events[i].GetType().Name}) sets a deadline of {at:u}, which is not between 2000 and {PhaseTable.Limits.DeadlineMaxSeconds} seconds from now.";
        }
        return null;
    }

    private static async Task<string> ReadLimited(HttpRequest http, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await http.Body.ReadAsync(chunk, http.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
                throw new InvalidDataException("The body is larger than the limit.");
            buffer.Write(chunk, 0, read);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "saved-game-too-large", detail: $"A saved game can be at most {limit / (1024 * 1024)} MB.");

    /// <summary>
    /// The facilitator replaces a role's (or the observers') join code: the old code stops working, so whoever held a
    /// released seat cannot simply join again. Seats already taken keep playing.
    /// </summary>
    private static async Task<Results<Ok<RotatedCode>, ProblemHttpResult>> RotateJoinCode(
        string gameId, string audience, [FromHeader(Name = FacilitatorKeyHeader)] string? facilitatorKey, IGameStore store, Seating seating, SeatRateLimits limits)
    {
        if (await Authorize(gameId, facilitatorKey, store) is null)
            return await Refusal(gameId, facilitatorKey, store);
        if (!limits.TryFacilitatorOperation(gameId))
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "rate-limited", detail: "This game's facilitator is making changes too fast; wait a few seconds and try again.");
        if (!TryParseAudience(audience, out var who) || who.Kind == AudienceKind.Facilitator)
            return Problem("unknown-audience", "A join code belongs to a role (UA, RU, US, EU) or to the observers (public).");
        if (await seating.RotateJoinCode(gameId, who) is not { } code)
            return Problem("no-join-code", $"Game {gameId} has no join code for {who}.");
        return TypedResults.Ok(new RotatedCode(who, code));
    }

    /// <summary>Reads a JSON body with the domain's options; a malformed one gets a 400 naming where it went wrong.</summary>
    private static async Task<(T? Body, ProblemHttpResult? Error)> ReadBody<T>(HttpRequest http, string expected)
    {
        try
        {
            return (await JsonSerializer.DeserializeAsync<T>(http.Body, GameJson.Options, http.HttpContext.RequestAborted), null);
        }
        catch (JsonException e)
        {
            return (default, Problem("malformed-json", $"The body must be {expected}: {e.Message}"));
        }
    }

    private static bool TryParseAudience(string text, out Audience audience)
    {
        audience = text.ToLowerInvariant() switch
        {
            "public" => Audience.Public,
            "facilitator" or "all" => Audience.Facilitator,
            _ => Enum.TryParse<Role>(text, ignoreCase: true, out var role) && Enum.IsDefined(role) ? Audience.Of(role) : default,
        };
        return audience != default || text.Equals("public", StringComparison.OrdinalIgnoreCase);
    }

    private static GameSummary Summary(GameRecord record, GameView view) =>
        new(record.GameId, record.ScenarioId, record.CreatedAt, view.Version, view.Turn, view.Phase, view.Ended);

    private static async Task<GameRecord?> Authorize(string gameId, string? facilitatorKey, IGameStore store) =>
        await store.FindGame(gameId, CancellationToken.None) is { } record && Seating.Matches(facilitatorKey, record.FacilitatorKeyHash) ? record : null;

    private static async Task<string?> ExistingKey(string? facilitatorKey, IGameStore store) =>
        !string.IsNullOrEmpty(facilitatorKey) && (await store.GamesOf(Secrets.Hash(facilitatorKey), CancellationToken.None)).Count > 0 ? facilitatorKey : null;

    /// <summary>404 for a game that does not exist, 401 without a key, 403 with the wrong key.</summary>
    private static async Task<ProblemHttpResult> Refusal(string gameId, string? facilitatorKey, IGameStore store)
    {
        if (await store.FindGame(gameId, CancellationToken.None) is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "game-not-found", detail: $"There is no game {gameId}.");
        return string.IsNullOrEmpty(facilitatorKey)
            ? Unauthorized()
            : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "wrong-facilitator-key", detail: "That facilitator key does not run this game.");
    }

    private static ProblemHttpResult Unauthorized() => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
        title: "facilitator-key-required", detail: $"Send the game's facilitator key in the {FacilitatorKeyHeader} header.");

    private static ProblemHttpResult Problem(string title, string detail) => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);
}
