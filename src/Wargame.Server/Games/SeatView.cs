using Wargame.Domain.Roles;

namespace Wargame.Server.Games;

/// <summary>One seat of a game as every connection sees it: who holds it, whether it is connected anywhere in the cluster, a bot or not.</summary>
[GenerateSerializer, Immutable]
public sealed record SeatView(string SeatId, Audience Audience, string DisplayName, bool Connected, bool Bot);
