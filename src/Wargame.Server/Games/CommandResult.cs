namespace Wargame.Server.Games;

/// <summary>
/// The answer to every playing and facilitating call. A refusal has <see cref="Accepted"/> false and a stable
/// <see cref="Code"/> ("not-seated", "facilitator-only", or the domain's rejection code) with a message for the user.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CommandResult(bool Accepted, string? Code, string? Message, int Version)
{
    public static CommandResult Ok(int version) => new(true, null, null, version);
    public static CommandResult Refused(string code, string message, int version = 0) => new(false, code, message, version);
}
