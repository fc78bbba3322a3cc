namespace Wargame.Server.Games;

/// <summary>
/// The clock of the games' deadlines and idle times. Kept apart from the host's TimeProvider so tests can move game
/// time without also moving SignalR's keep-alive and timeout clocks.
/// </summary>
internal sealed record GameClock(TimeProvider Time);
