using System.Collections.Immutable;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;

namespace Wargame.Domain.Game;

public sealed record Message(int Id, int Turn, Role? From, ImmutableArray<Role> To, string Text)
{
    /// <summary>Facilitator statements have no sender role.</summary>
    public bool IsPublic => To.IsEmpty;
}

/// <summary>An inject that fired: a card of the deck or the facilitator's free text, with what its effects did.</summary>
public sealed record InjectRecord(int Turn, string? CardId, string Title, string Text, ImmutableArray<InjectEffect> Effects, ImmutableArray<string> Lines);

/// <summary>The whole state of one game. Rebuilt from the log by <see cref="Rules.Evolve"/>; never mutated.</summary>
public sealed record GameState
{
    /// <summary>Number of events applied so far; the next event gets sequence Version + 1.</summary>
    public int Version { get; init; }
    /// <summary>The format of the log this state was rebuilt from (see <see cref="LogFormat"/>).</summary>
    public int Format { get; init; } = LogFormat.Current;
    public required Scenario Scenario { get; init; }
    public ulong Seed { get; init; }
    public int Turn { get; init; } = 1;
    public Phase Phase { get; init; } = Phase.Briefing;
    public bool Paused { get; init; }
    public DateTimeOffset? Deadline { get; init; }
    public int? PausedRemainingSeconds { get; init; }
    /// <summary>The session plan: the deadline each phase gets when it opens.</summary>
    public DeadlinePresets DeadlinePresets { get; init; } = DeadlinePresets.None;
    public bool Ended { get; init; }
    public bool Revealed { get; init; }
    public ImmutableArray<Message> Messages { get; init; } = [];
    public ImmutableSortedDictionary<Role, Orders> SubmittedOrders { get; init; } = ImmutableSortedDictionary<Role, Orders>.Empty;
    public ImmutableSortedDictionary<Role, Orders> StandingOrders { get; init; } = ImmutableSortedDictionary<Role, Orders>.Empty;
    public required World World { get; init; }
    /// <summary>The world as it was before the last resolution, kept while the facilitator may still adjust it.</summary>
    public World? WorldBeforeResolution { get; init; }
    /// <summary>The orders the last resolution used (submitted or standing), kept for an adjustment.</summary>
    public ImmutableSortedDictionary<Role, Orders> ResolvedOrders { get; init; } = ImmutableSortedDictionary<Role, Orders>.Empty;
    public ImmutableArray<TurnOutcome> Outcomes { get; init; } = [];
    public ImmutableArray<InjectRecord> Injects { get; init; } = [];
    /// <summary>Each audience's view version (see <see cref="AudienceVersions"/>). Derived from the log, so not hashed.</summary>
    public ImmutableDictionary<Audience, int> ViewVersions { get; init; } = AudienceVersions.Initial;
    /// <summary>Per audience, the agreement ids in the order it first saw them (see <see cref="AgreementNumbers"/>). Derived, so not hashed.</summary>
    public ImmutableDictionary<Audience, ImmutableArray<int>> AgreementOrder { get; init; } = ImmutableDictionary<Audience, ImmutableArray<int>>.Empty;

    /// <summary>The rule constants of this scenario (defaults with its overrides). Derived from the scenario, so not hashed.</summary>
    public RulesTable Constants { get; init; } = RulesTable.Default;

    /// <summary>The hash of the fields <see cref="StateHash"/> lists: equal games give equal hashes on every run.</summary>
    public string Hash() => StateHash.Of(this);
}
