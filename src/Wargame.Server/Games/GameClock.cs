namespace Wargame.Server.Games;

/// <summary>
/// The clock of the games' deadlines. Kept apart from the host's TimeProvider, which SignalR and Orleans run their
/// keep-alives, timeouts and membership on, so tests can move game time without moving those.
/// </summary>
internal sealed record GameClock(TimeProvider Time);
