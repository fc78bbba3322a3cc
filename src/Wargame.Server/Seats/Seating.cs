using System.Security.Cryptography;
using System.Text;
using Wargame.Domain.Roles;
using Wargame.Server.Games;
using Wargame.Server.Storage;

namespace Wargame.Server.Seats;

/// <summary>A refused join, with a stable code and a message for the user; never says which part of a secret was wrong.</summary>
internal sealed class JoinRefusedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>A seat and the token that resumes it (the token is shown once to its holder and stored only as a hash).</summary>
internal sealed record SeatGrant(SeatRecord Seat, string Token);

/// <summary>Seats players, observers and facilitators from codes, keys and tokens; releases seats and seats bots.</summary>
internal sealed class Seating(IGameStore store, JoinGuard guard, IGrainFactory grains, GameClock clock, ILogger<Seating> logger)
{
    public const int MaxDisplayNameLength = 40;

    public async Task<SeatGrant> JoinWithCode(string? code, string? displayName, string clientAddress)
    {
        Unblocked(clientAddress);
        var name = DisplayName(displayName);
        var normalized = Secrets.NormalizeCode(code);
        var joinCode = normalized.Length == Secrets.CodeLength ? await store.FindJoinCode(normalized, CancellationToken.None) : null;
        if (joinCode is null)
            throw Failed(clientAddress, "unknown-code", "That join code is not valid. Check it with your facilitator.");
        var grant = await NewSeat(joinCode.GameId, joinCode.Audience, name);
        logger.LogInformation("Seat {SeatId} joined game {GameId} as {Role}", grant.Seat.SeatId, grant.Seat.GameId, grant.Seat.Audience);
        return grant;
    }

    public async Task<SeatGrant> JoinAsFacilitator(string? gameId, string? facilitatorKey, string clientAddress)
    {
        Unblocked(clientAddress);
        var game = string.IsNullOrEmpty(gameId) ? null : await store.FindGame(gameId, CancellationToken.None);
        if (game is null || !Matches(facilitatorKey, game.FacilitatorKeyHash))
            throw Failed(clientAddress, "not-facilitator", "That game id and facilitator key do not match.");
        var grant = await NewSeat(game.GameId, Audience.Facilitator, "Facilitator");
        logger.LogInformation("Seat {SeatId} joined game {GameId} as {Role}", grant.Seat.SeatId, grant.Seat.GameId, grant.Seat.Audience);
        return grant;
    }

    public async Task<SeatGrant> Resume(string? seatToken, string clientAddress)
    {
        Unblocked(clientAddress);
        var seat = string.IsNullOrEmpty(seatToken) ? null : await store.FindSeatByTokenHash(Secrets.Hash(seatToken), CancellationToken.None);
        if (seat is null)
            throw Failed(clientAddress, "unknown-seat", "That seat token is not valid or its seat was released. Join again with a code.");
        logger.LogInformation("Seat {SeatId} resumed in game {GameId} as {Role}", seat.SeatId, seat.GameId, seat.Audience);
        return new SeatGrant(seat, seatToken!);
    }

    /// <summary>Releases a seat of the game: its token stops working and its open connections, on any node, stop receiving and acting.</summary>
    public async Task<CommandResult> Release(string gameId, string? seatId)
    {
        var seat = string.IsNullOrEmpty(seatId) ? null : (await store.Seats(gameId, CancellationToken.None)).FirstOrDefault(s => s.SeatId == seatId);
        if (seat is null || !await store.ReleaseSeat(gameId, seat.SeatId, CancellationToken.None))
            return CommandResult.Refused("unknown-seat", "There is no such seat in this game.");
        logger.LogInformation("Seat {SeatId} of game {GameId} released", seat.SeatId, gameId);
        await grains.GetGrain<IGameGrain>(gameId).SeatReleased(seat.SeatId);
        return CommandResult.Ok(0);
    }

    /// <summary>Seats a bot on <paramref name="role"/> (stored like any seat, so it survives restarts) and lets it play.</summary>
    public async Task<CommandResult> AssignBot(string gameId, Role role)
    {
        if (!Enum.IsDefined(role))
            return CommandResult.Refused("unknown-role", "A bot plays one of UA, RU, US and EU.");
        var seats = await store.Seats(gameId, CancellationToken.None);
        if (seats.Any(s => s.Bot && s.Audience.Role == role))
            return CommandResult.Refused("bot-already-seated", $"A bot already plays {role.DisplayName()}.");
        var seat = new SeatRecord(Secrets.NewSeatId(), gameId, Audience.Of(role), $"{role.DisplayName()} (bot)", null, Bot: true, Released: false, clock.Time.GetUtcNow());
        await store.AddSeat(seat, CancellationToken.None);
        logger.LogInformation("Bot seat {SeatId} plays {Role} in game {GameId}", seat.SeatId, role, gameId);
        await grains.GetGrain<IGameGrain>(gameId).SeatsChanged();
        return CommandResult.Ok(0);
    }

    /// <summary>Whether <paramref name="facilitatorKey"/> is the key whose hash is <paramref name="keyHash"/> (constant time).</summary>
    public static bool Matches(string? facilitatorKey, string keyHash) =>
        !string.IsNullOrEmpty(facilitatorKey)
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Secrets.Hash(facilitatorKey)), Encoding.ASCII.GetBytes(keyHash));

    private async Task<SeatGrant> NewSeat(string gameId, Audience audience, string displayName)
    {
        var token = Secrets.NewSeatToken();
        var seat = new SeatRecord(Secrets.NewSeatId(), gameId, audience, displayName, Secrets.Hash(token), Bot: false, Released: false, clock.Time.GetUtcNow());
        // The game reads the new seat when a node subscribes with it connected.
        await store.AddSeat(seat, CancellationToken.None);
        return new SeatGrant(seat, token);
    }

    private void Unblocked(string clientAddress)
    {
        if (guard.IsBlocked(clientAddress))
            throw new JoinRefusedException("too-many-attempts", "Too many failed joins from your address; wait a minute and try again.");
    }

    private JoinRefusedException Failed(string clientAddress, string code, string message)
    {
        guard.Failed(clientAddress);
        logger.LogWarning("Refused a join from {ClientAddress}: {Code}", clientAddress, code);
        return new JoinRefusedException(code, message);
    }

    private static string DisplayName(string? displayName)
    {
        var name = (displayName ?? "").Trim();
        if (name.Length == 0)
            throw new JoinRefusedException("display-name-required", "Please enter a name to show the other players.");
        if (name.Length > MaxDisplayNameLength)
            throw new JoinRefusedException("display-name-too-long", $"A name can be at most {MaxDisplayNameLength} characters.");
        return name;
    }
}
