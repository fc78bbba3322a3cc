using Wargame.Domain.Views;

namespace Wargame.Server.Games;

/// <summary>A page of a channel's older messages (<see cref="MessagePages"/>), or the code and message of its refusal.</summary>
[GenerateSerializer, Immutable]
public sealed record MessagePageResult(MessagePage? Page, string? Code, string? Message)
{
    public static MessagePageResult Of(MessagePage page) => new(page, null, null);
    public static MessagePageResult Refused(string code, string message) => new(null, code, message);
}
