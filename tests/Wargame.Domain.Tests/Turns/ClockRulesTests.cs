using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Tests.Turns;

/// <summary>Deadlines and pauses, with the time in the command as the server stamps it.</summary>
public sealed class ClockRulesTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly CommandLimits Limits = PhaseTable.Limits;

    private static GameState Table() => Fixture.Start(Fixture.Table());

    private static string Refusal(GameState state, GameCommand command) => Rules.Apply(state, command).Rejection!.Code;

    [Fact]
    public void SettingADeadline_CountsFromTheTimeInTheCommand()
    {
        var state = Table().Apply(new SetDeadline(Actor.Facilitator, 90) { Now = Noon });

        Assert.Equal(Noon.AddSeconds(90), state.Deadline);
        Assert.Null(state.Apply(new SetDeadline(Actor.Facilitator, null) { Now = Noon }).Deadline);
    }

    [Fact]
    public void ADeadlineOutsideTheTablesLimits_IsRefused()
    {
        Assert.Equal("bad-deadline", Refusal(Table(), new SetDeadline(Actor.Facilitator, Limits.DeadlineMinSeconds - 1) { Now = Noon }));
        Assert.Equal("bad-deadline", Refusal(Table(), new SetDeadline(Actor.Facilitator, Limits.DeadlineMaxSeconds + 1) { Now = Noon }));
        Assert.Equal(Noon.AddSeconds(Limits.DeadlineMaxSeconds), Table().Apply(new SetDeadline(Actor.Facilitator, Limits.DeadlineMaxSeconds) { Now = Noon }).Deadline);
    }

    [Fact]
    public void ExtensionsMoveTheDeadline_ButNeverBeyondTheLongestOneCouldSetNow()
    {
        var state = Table().Apply(new SetDeadline(Actor.Facilitator, 60) { Now = Noon });

        Assert.Equal(Noon.AddSeconds(180), state.Apply(new ExtendDeadline(Actor.Facilitator, 120) { Now = Noon }).Deadline);
        Assert.Equal("bad-deadline", Refusal(state, new ExtendDeadline(Actor.Facilitator, Limits.DeadlineMaxSeconds) { Now = Noon }));
        Assert.Equal("no-deadline", Refusal(Table(), new ExtendDeadline(Actor.Facilitator, 30) { Now = Noon }));
    }

    [Fact]
    public void APause_KeepsTheTimeLeftRoundedUp_AndTheResumeRunsItFromTheResumesTime()
    {
        var running = Table().Apply(new SetDeadline(Actor.Facilitator, 100) { Now = Noon });

        var paused = running.Apply(new PauseGame(Actor.Facilitator) { Now = Noon.AddSeconds(29.5) });
        Assert.Equal((true, 71, (DateTimeOffset?)null), (paused.Paused, paused.PausedRemainingSeconds, paused.Deadline));
        Assert.Equal("game-paused", Refusal(paused, new ExtendDeadline(Actor.Facilitator, 30) { Now = Noon }));
        Assert.Equal("game-paused", Refusal(paused, new PostMessage(Actor.Player(Role.EU), [], "Anyone?")));
        Assert.Equal("already-paused", Refusal(paused, new PauseGame(Actor.Facilitator) { Now = Noon }));

        var later = Noon.AddHours(3);
        var resumed = paused.Apply(new ResumeGame(Actor.Facilitator) { Now = later });
        Assert.Equal((false, later.AddSeconds(71)), (resumed.Paused, resumed.Deadline));
        Assert.Equal("not-paused", Refusal(resumed, new ResumeGame(Actor.Facilitator) { Now = later }));
    }

    [Fact]
    public void APausedDeadlineThatHadPassed_ResumesWithNoTimeLeft()
    {
        var paused = Table().Apply(new SetDeadline(Actor.Facilitator, 10) { Now = Noon })
            .Apply(new PauseGame(Actor.Facilitator) { Now = Noon.AddMinutes(5) });

        Assert.Equal(0, paused.PausedRemainingSeconds);
    }

    [Fact]
    public void AClockedCommandWithoutTheTime_IsRefused()
    {
        Assert.Equal("no-time", Refusal(Table(), new SetDeadline(Actor.Facilitator, 60)));
        Assert.Equal("no-time", Refusal(Table(), new PauseGame(Actor.Facilitator)));
    }

    [Fact]
    public void TheDeadlineClosesThePhase_OnlyIfItStillStands_AndOnlyForTheServer()
    {
        var state = Table().Apply(new SetDeadline(Actor.Facilitator, 60) { Now = Noon });
        var deadline = state.Deadline!.Value;

        Assert.Equal("server-only", Refusal(state, new CloseAtDeadline(Actor.Facilitator, deadline)));
        Assert.Equal("server-only", Refusal(state, new CloseAtDeadline(Actor.Player(Role.UA), deadline)));
        Assert.Equal("deadline-moved", Refusal(state, new CloseAtDeadline(Actor.System, deadline.AddSeconds(-1))));
        var extended = state.Apply(new ExtendDeadline(Actor.Facilitator, 30) { Now = Noon });
        Assert.Equal("deadline-moved", Refusal(extended, new CloseAtDeadline(Actor.System, deadline)));
        var paused = state.Apply(new PauseGame(Actor.Facilitator) { Now = Noon });
        Assert.Equal("game-paused", Refusal(paused, new CloseAtDeadline(Actor.System, deadline)));

        var closed = state.Apply(new CloseAtDeadline(Actor.System, deadline));
        Assert.Equal((Phase.Negotiation, (DateTimeOffset?)null), (closed.Phase, closed.Deadline));
    }
}

/// <summary>The session plan: each phase's preset deadline starts when the phase opens, until the facilitator changes it.</summary>
public sealed class DeadlinePresetTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DeadlinePresets Seminar = new(Negotiation: 900, Orders: 300);

    private static GameState Planned() => Fixture.Start(Fixture.Table()).Apply(new SetDeadlinePresets(Actor.Facilitator, Seminar));

    [Fact]
    public void EachPhaseThatOpens_StartsItsPresetClockFromTheTimeOfTheClose()
    {
        var negotiation = Planned().Apply(new AdvancePhase(Actor.Facilitator) { Now = Noon });
        Assert.Equal((Phase.Negotiation, (DateTimeOffset?)Noon.AddSeconds(900)), (negotiation.Phase, negotiation.Deadline));

        var later = Noon.AddSeconds(901);
        var orders = negotiation.Apply(new CloseAtDeadline(Actor.System, Noon.AddSeconds(900)) { Now = later });
        Assert.Equal((Phase.Orders, (DateTimeOffset?)later.AddSeconds(300)), (orders.Phase, orders.Deadline));

        var debrief = orders.Apply(new CloseAtDeadline(Actor.System, later.AddSeconds(300)) { Now = later.AddSeconds(300) });
        Assert.Equal((Phase.Debrief, (DateTimeOffset?)null), (debrief.Phase, debrief.Deadline));
    }

    [Fact]
    public void APlanApplies_FromTheNextPhaseOn_AndANewPlanReplacesIt()
    {
        var planned = Planned();
        Assert.Equal((Seminar, (DateTimeOffset?)null), (planned.DeadlinePresets, planned.Deadline));

        var cleared = planned.Apply(new SetDeadlinePresets(Actor.Facilitator, DeadlinePresets.None))
            .Apply(new AdvancePhase(Actor.Facilitator) { Now = Noon });
        Assert.Null(cleared.Deadline);
    }

    [Fact]
    public void APausedGame_OrAClocklessAdvance_OpensThePhaseWithoutStartingItsClock()
    {
        var paused = Planned().Apply(new PauseGame(Actor.Facilitator) { Now = Noon }).Apply(new AdvancePhase(Actor.Facilitator) { Now = Noon });
        Assert.Null(paused.Deadline);
        Assert.Null(Planned().Apply(new AdvancePhase(Actor.System)).Deadline);
    }

    [Fact]
    public void PresetsOutsideTheDeadlineLimits_AreRefusedNamingThePhase_AndOnlyStaffSetThem()
    {
        var state = Fixture.Start(Fixture.Table());
        var tooLong = Rules.Apply(state, new SetDeadlinePresets(Actor.Facilitator, new(Orders: PhaseTable.Limits.DeadlineMaxSeconds + 1)));
        Assert.Equal("bad-deadline", tooLong.Rejection!.Code);
        Assert.StartsWith("The orders preset is", tooLong.Rejection.Message);
        Assert.Equal("facilitator-only", Rules.Apply(state, new SetDeadlinePresets(Actor.Player(Role.US), Seminar)).Rejection!.Code);
        Assert.Equal("missing-argument", Rules.Apply(state, new SetDeadlinePresets(Actor.Facilitator, null!)).Rejection!.Code);
    }

    [Fact]
    public void ALogPacedByPresets_ReRunsFromItsDerivedCommands_ToTheSameHash()
    {
        var start = Rules.Start(Fixture.Table(), 7);
        var state = Rules.Begin(start);
        var log = new List<GameEvent> { start };
        void Do(GameCommand c)
        {
            var applied = Rules.Apply(state, c);
            Assert.True(applied.IsAccepted, applied.Rejection?.Message);
            log.AddRange(applied.Events);
            state = applied.State;
        }
        Do(new SetDeadlinePresets(Actor.Facilitator, Seminar));
        Do(new AdvancePhase(Actor.Facilitator) { Now = Noon });
        Do(new CloseAtDeadline(Actor.System, Noon.AddSeconds(900)) { Now = Noon.AddSeconds(903) });

        var rerun = CommandLog.Derive(log);
        Assert.True(rerun.Ok, rerun.Error);
        Assert.Equal(state.Hash(), rerun.State!.Hash());
    }
}
