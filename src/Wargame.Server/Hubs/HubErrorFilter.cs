using Microsoft.AspNetCore.SignalR;
using Wargame.Server.Games;

namespace Wargame.Server.Hubs;

/// <summary>
/// Turns unexpected failures into one clear, safe error for the caller (the details go to the log, not the wire).
/// Detailed errors are on only so that argument-binding failures say what was wrong; this filter keeps every
/// other exception's text off the wire.
/// </summary>
internal sealed class HubErrorFilter(ILogger<HubErrorFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
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
