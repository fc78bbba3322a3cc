using Wargame.Domain.Game;

namespace Wargame.Domain.Turns;

/// <summary>
/// Deadlines and pauses. The time comes in the command (<see cref="ClockedCommand.Now"/>, stamped by the server) and
/// leaves in the events, so replaying a log never asks a clock. <see cref="PhaseTable"/> has already refused what a
/// pause forbids.
/// </summary>
internal static class ClockRules
{
    private static CommandLimits Limits => PhaseTable.Limits;

    /// <summary>Null when <paramref name="seconds"/> is a valid span (or null, where clearing is allowed).</summary>
    public static Rejection? CheckSeconds(int? seconds, string what, string suffix) =>
        seconds is { } s && (s < Limits.DeadlineMinSeconds || s > Limits.DeadlineMaxSeconds)
            ? new("bad-deadline", $"{what} {Limits.DeadlineMinSeconds} to {Limits.DeadlineMaxSeconds} seconds {suffix}".TrimEnd() + ".")
            : null;

    /// <summary>Null when every preset is a valid deadline span or none.</summary>
    public static Rejection? CheckPresets(DeadlinePresets? presets)
    {
        if (presets is null)
            return new("missing-argument", "The deadline presets are required (null for a phase without a deadline).");
        foreach (var phase in PhaseTable.Phases)
        {
            if (CheckSeconds(presets.For(phase), $"The {PhaseTable.Describe(phase)} preset is", "(or none)") is { } bad)
                return bad;
        }
        return null;
    }

    public static Decision SetDeadline(GameState state, SetDeadline d) =>
        MissingTime(d) ?? Decision.Accept(new DeadlineSet(d.Seconds is { } s ? d.Now.AddSeconds(s) : null));

    /// <summary>The running deadline moves later, but never beyond the longest deadline one could set now.</summary>
    public static Decision ExtendDeadline(GameState state, ExtendDeadline e)
    {
        if (MissingTime(e) is { } missing)
            return missing;
        var extended = state.Deadline!.Value.AddSeconds(e.Seconds);
        var latest = e.Now.AddSeconds(Limits.DeadlineMaxSeconds);
        return extended > latest
            ? Decision.Reject("bad-deadline", $"A deadline can be at most {Limits.DeadlineMaxSeconds} seconds from now; this extension would go beyond that.")
            : Decision.Accept(new DeadlineSet(extended));
    }

    /// <summary>The time the running deadline has left, in whole seconds rounded up, is kept for the resume.</summary>
    public static Decision Pause(GameState state, PauseGame p)
    {
        if (MissingTime(p) is { } missing)
            return missing;
        int? remaining = state.Deadline is { } deadline
            ? (int)Math.Ceiling(Math.Clamp((deadline - p.Now).TotalSeconds, 0, Limits.DeadlineMaxSeconds))
            : null;
        return Decision.Accept(new GamePaused(remaining));
    }

    public static Decision Resume(GameState state, ResumeGame r) =>
        MissingTime(r) ?? Decision.Accept(new GameResumed(state.PausedRemainingSeconds is { } s ? r.Now.AddSeconds(s) : null));

    /// <summary>Closes the phase only if <see cref="CloseAtDeadline.Deadline"/> still stands: another node, the facilitator or a pause may have moved it.</summary>
    public static Decision CloseAtDeadline(GameState state, CloseAtDeadline c) =>
        state.Deadline == c.Deadline
            ? Decision.Accept(PhaseTable.Close(state, c.Now == default ? c.Deadline : c.Now))
            : Decision.Reject("deadline-moved", "That deadline no longer stands; the phase stays open.");

    private static Decision? MissingTime(ClockedCommand command) =>
        command.Now == default ? Decision.Reject("no-time", "The server did not supply the current time with this command.") : null;
}
