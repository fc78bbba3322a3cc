using Microsoft.AspNetCore.SignalR;
using Wargame.Server.Games;
using Wargame.Server.Seats;
using Wargame.Server.Storage;

namespace Wargame.Server.Hubs;

/// <summary>
/// Around every hub call: logs it with the caller's game and role (GameId, Role), and turns unexpected failures into
/// one clear, safe error for the caller (the details go to the log, not the wire). Detailed errors are on only so
/// that argument-binding failures say what was wrong; this filter keeps every other exception's text off the wire.
/// </summary>
internal sealed class HubCallFilter(ILogger<HubCallFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        // A connection closed for calling far past its limits (GameHub.Turned) is closed at its next call, unanswered.
        if (context.Context.Items.ContainsKey(ConnectionRefusals.ClosingKey))
        {
            context.Context.Abort();
            throw new HubException($"{GameHub.ConnectionClosed}: This connection is closed.");
        }
        using var scope = context.Context.Items.TryGetValue(GameHub.SeatKey, out var item) && item is SeatRecord seat
            ? logger.BeginScope(new Dictionary<string, object?> { ["GameId"] = seat.GameId, ["Role"] = seat.Audience.ToString() })
            : null;
        try
        {
            return await next(context);
        }
        catch (HubException)
        {
            throw;
        }
        catch (GameNotFoundException)
        {
            throw new HubException("game-not-found: That game no longer exists.");
        }
        catch (Exception e)
        {
            logger.LogError(e, "Hub method {Method} failed", context.HubMethodName);
            throw new HubException($"server-error: {context.HubMethodName} failed on the server. Your last view shows the game as it stands.");
        }
    }
}
