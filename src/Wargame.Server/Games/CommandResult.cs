namespace Wargame.Server.Games;

/// <summary>
/// The answer to every playing and facilitating call. A refusal has <see cref="Accepted"/> false and a stable
/// <see cref="Code"/> ("not-seated", "facilitator-only", or the domain's rejection code) with a message for the user.
/// An acceptance with parts left out has the code "parts-refused" and a message naming them.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CommandResult(bool Accepted, string? Code, string? Message, int Version)
{
    public static CommandResult Ok(int version) => new(true, null, null, version);

    /// <summary>Accepted with parts left out (an order's invalid part): the code says so, the message names each part and why.</summary>
    public static CommandResult PartlyAccepted(string message, int version) => new(true, PartsRefused, message, version);

    public const string PartsRefused = "parts-refused";
    public static CommandResult Refused(string code, string message, int version = 0) => new(false, code, message, version);
}
