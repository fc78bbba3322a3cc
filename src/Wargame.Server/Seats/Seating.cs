using System.Security.Cryptography;
using System.Text;
using Wargame.Domain.Roles;
using Microsoft.Extensions.Options;
using Wargame.Server.Games;
using Wargame.Server.Options;
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
internal sealed class Seating(IGameStore store, JoinGuard guard, SeatRateLimits limits, IGrainFactory grains, GameClock clock, IOptions<WargameOptions> options, ILogger<Seating> logger)
{
    public async Task<SeatGrant> JoinWithCode(string? code, string? displayName, string clientAddress)
    {
        Unblocked(clientAddress);
        var name = DisplayName(displayName);
        var normalized = Secrets.NormalizeCode(code);
        var joinCode = normalized.Length == Secrets.CodeLength ? await store.FindJoinCode(normalized, CancellationToken.None) : null;
        if (joinCode is null)
            throw Failed(clientAddress, "unknown-code", "That join code is not valid. Check it with your facilitator.");
        if (!guard.TryJoinWith(normalized))
            throw Refused("too-many-joins", "Too many joins with this code in the last minute; wait a minute and try again.");
        var seats = await store.Seats(joinCode.GameId, CancellationToken.None);
        if (seats.Count(s => !s.Released) >= options.Value.MaxSeatsPerGame)
            throw Refused("game-full", "This game has no free seats; ask your facilitator to release some.");
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
        // Each facilitator join is a new seat and a whole view: bounded per game like joins with one code.
        if (!guard.TryJoinWith($"facilitator/{game.GameId}"))
            throw Refused("too-many-joins", "Too many joins as this game's facilitator in the last minute; wait a minute and try again.");
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
        // A resume sends the seat's whole view: it counts as one of the seat's calls.
        if (!limits.TryCall(seat))
            throw Refused("rate-limited", "Your seat is reconnecting too fast; wait a few seconds and try again.");
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

    /// <summary>
    /// Replaces the join code of <paramref name="audience"/> in the game with a fresh one: the old code stops working, so
    /// a released seat's holder cannot simply join again. Seats already taken are untouched. Returns the code as shown.
    /// </summary>
    public async Task<string?> RotateJoinCode(string gameId, Audience audience)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var code = Secrets.NewJoinCode();
            try
            {
                if (!await store.ReplaceJoinCode(gameId, audience, code, CancellationToken.None))
                    return null;
            }
            catch (System.Data.Common.DbException) when (attempt < 3)
            {
                // The fresh code collided with another game's (about one in 10^12): draw again.
                continue;
            }
            logger.LogInformation("Join code of {Role} in game {GameId} rotated", audience, gameId);
            return Secrets.DisplayCode(code);
        }
        return null;
    }

    private void Unblocked(string clientAddress)
    {
        if (guard.IsBlocked(clientAddress))
            throw Refused("too-many-attempts", "Too many failed joins from your address; wait a minute and try again.");
    }

    private JoinRefusedException Failed(string clientAddress, string code, string message)
    {
        guard.Failed(clientAddress);
        logger.LogInformation("Refused a join from {ClientAddress}: {Code}", clientAddress, code);
        return new JoinRefusedException(code, message);
    }

    /// <summary>A join refused for a reason that is not a wrong secret: one Information line, like every refusal.</summary>
    private JoinRefusedException Refused(string code, string message)
    {
        logger.LogInformation("Refused a join: {Code}", code);
        return new JoinRefusedException(code, message);
    }

    private string DisplayName(string? displayName)
    {
        var (name, code, message) = DisplayNames.Check(displayName);
        return name ?? throw Refused(code!, message!);
    }
}
