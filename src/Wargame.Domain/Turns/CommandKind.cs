namespace Wargame.Domain.Turns;

/// <summary>Every command of the game by name: what the phase table allows, and what a view lists as allowed now.</summary>
public enum CommandKind
{
    PostMessage,
    Propose,
    RespondToProposal,
    CounterProposal,
    RevokeAgreement,
    SubmitOrders,
    AdvancePhase,
    SetDeadline,
    ExtendDeadline,
    PauseGame,
    ResumeGame,
    CloseAtDeadline,
    InjectEvent,
    AdjustAdjudication,
    EndGame,
    RevealAll,
}

/// <summary>
/// The limits of commands that take numbers or text, as the rules enforce them. Views carry them, so a client
/// offers exactly the range the rules accept.
/// </summary>
public sealed record CommandLimits
{
    /// <summary>A deadline is at least this many seconds from now.</summary>
    public int DeadlineMinSeconds { get; init; } = 1;
    /// <summary>
    /// And at most this many seconds from now, also after extensions: a week keeps every deadline far inside
    /// what DateTimeOffset and the server's timers can represent.
    /// </summary>
    public int DeadlineMaxSeconds { get; init; } = 7 * 24 * 3600;
    /// <summary>Semi-rigid adjudication: the facilitator shifts one roll by at most this many logits either way.</summary>
    public double AdjustmentMaxLogit { get; init; } = 0.5;
    public int MessageMaxLength { get; init; } = 4000;
    /// <summary>
    /// A view shows each channel's latest this many messages (<see cref="Views.GameView.MessageCount"/> says how many
    /// there are), so a flooded channel cannot make every push of the game grow without bound.
    /// </summary>
    public int MessagesShownPerChannel { get; init; } = 200;
    /// <summary>Reasons for an adjustment or for revoking an agreement.</summary>
    public int ReasonMaxLength { get; init; } = 500;
    public int InjectTitleMaxLength { get; init; } = 200;
    public int InjectTextMaxLength { get; init; } = 4000;
    public int InjectMaxEffects { get; init; } = 20;
    /// <summary>The largest change one inject effect may make to a quantity.</summary>
    public double InjectMaxDelta { get; init; } = 1_000_000;
    /// <summary>A guarantor's troop change in one turn's orders, either way.</summary>
    public int MaxTroopChange { get; init; } = 200_000;
    /// <summary>Open proposals one role may have made at once (others' proposals, some hidden from it, do not count).</summary>
    public int MaxOpenProposals { get; init; } = 50;
}
