using System.Collections.Immutable;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Roles;

namespace Wargame.Server.Hubs;

/// <summary>Returned by the join methods. The browser keeps <see cref="SeatToken"/> to resume the seat later.</summary>
public sealed record JoinResult(string GameId, string SeatId, string SeatToken, Audience Audience, string DisplayName);

/// <summary>A public statement (empty <see cref="To"/>) or a message on the private channel with the roles in To.</summary>
public sealed record MessageRequest(ImmutableArray<Role> To, string Text);

public sealed record InjectRequest(string? CardId, string? Title, string? Text, ImmutableArray<InjectEffect> Effects);

public sealed record AdjustRequest(string RecordId, double Logit, string Reason);

/// <summary>The guarantee builder's preview, or why there is none (a refusal's code and message, as in CommandResult).</summary>
public sealed record GuaranteePreviewResult(bool Accepted, string? Code, string? Message, GuaranteePreview? Preview)
{
    public static GuaranteePreviewResult Of(GuaranteePreviewAnswer answer) => answer.Rejection is { } r
        ? Refused(r.Code, r.Message)
        : new(true, null, null, answer.Preview);

    public static GuaranteePreviewResult Refused(string code, string message) => new(false, code, message, null);
}
