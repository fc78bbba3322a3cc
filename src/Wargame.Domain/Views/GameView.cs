using System.Collections.Immutable;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Views;

/// <summary>
/// What one audience may see of a game. Computed by <see cref="GameViews.For"/>; the server sends it
/// as it is, so nothing outside this record can leak.
/// </summary>
public sealed record GameView
{
    public required Audience Audience { get; init; }
    public required ScenarioSummary Scenario { get; init; }
    public int Version { get; init; }
    public int Turn { get; init; }
    public Phase Phase { get; init; }
    public bool Paused { get; init; }
    public DateTimeOffset? Deadline { get; init; }
    public int? PausedRemainingSeconds { get; init; }
    public bool Ended { get; init; }
    public bool Revealed { get; init; }
    public ImmutableArray<RoleCard> Roles { get; init; } = [];
    /// <summary>Own role's private record; every role's for the facilitator, or for all once revealed.</summary>
    public ImmutableArray<PrivateRecord> PrivateRecords { get; init; } = [];
    /// <summary>Public statements and the private channels this audience is in.</summary>
    public ImmutableArray<MessageView> Messages { get; init; } = [];
    /// <summary>This role's orders this turn and its standing orders; every role's for the facilitator.</summary>
    public ImmutableArray<OrdersView> Orders { get; init; } = [];
    public ImmutableArray<TurnResultView> Results { get; init; } = [];
}

/// <summary>Public facts about a role: its briefing and whether it has submitted orders (not what they are).</summary>
public sealed record RoleCard(Role Role, string Name, string PublicBriefing, bool OrdersSubmitted);

public sealed record PrivateRecord(Role Role, string Briefing);

public sealed record MessageView(int Id, int Turn, Role? From, ImmutableArray<Role> To, string Text);

public sealed record OrdersView(Role Role, Orders? Submitted, Orders? Standing);

public sealed record TurnResultView(int Turn, ImmutableArray<string> Lines);
