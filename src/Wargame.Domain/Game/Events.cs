using System.Collections.Immutable;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Game;

/// <summary>The first event of every game: everything needed to replay it is in the log.</summary>
public sealed record GameStarted(Scenario Scenario, ulong Seed) : GameEvent;

public sealed record MessagePosted(int Id, Role? From, ImmutableArray<Role> To, string Text) : GameEvent;

public sealed record OrdersSubmitted(Role Role, Orders Orders) : GameEvent;

public sealed record PhaseAdvanced(int Turn, Phase Phase) : GameEvent;

public sealed record TurnResolved(int Turn, ImmutableArray<string> Lines, ImmutableSortedDictionary<Role, Orders> Orders) : GameEvent;

public sealed record DeadlineSet(DateTimeOffset? Deadline) : GameEvent;

public sealed record GamePaused(int? RemainingSeconds) : GameEvent;

public sealed record GameResumed(DateTimeOffset? Deadline) : GameEvent;

public sealed record GameEnded : GameEvent;

public sealed record RecordsRevealed : GameEvent;
