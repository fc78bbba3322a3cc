using Wargame.Domain.Game;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Tests.Game;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;

namespace Wargame.Domain.Tests.Turns;

public sealed class PhaseTableTests
{
    private static readonly Actor Ukraine = Actor.Player(Role.UA);

    [Fact]
    public void EveryCommandType_HasExactlyOneRowInTheTable_AndEveryKindOneCommand()
    {
        var commandTypes = typeof(GameCommand).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(GameCommand)) && !t.IsAbstract).ToArray();

        Assert.Equal(commandTypes.Length, PhaseTable.Moves.Length);
        Assert.Equal(commandTypes.OrderBy(t => t.Name), PhaseTable.Moves.Select(m => m.Command).OrderBy(t => t.Name));
        Assert.Equal(Enum.GetValues<CommandKind>().Order(), PhaseTable.Moves.Select(m => m.Kind).Order());
        Assert.All(PhaseTable.Moves, m => Assert.Equal(m.Kind.ToString(), m.Command.Name));
    }

    [Fact]
    public void AnObserver_IsToldTheRefusalAWrongIssuerOfTheCommandGets()
    {
        var state = Fixture.Start(Fixture.Table());
        var facilitatorProposing = Rules.Apply(state, new Propose(Actor.Facilitator, new CeasefireTerms())).Rejection;
        var playerAdvancing = Rules.Apply(state, new AdvancePhase(Ukraine)).Rejection;

        Assert.Equal(facilitatorProposing, PhaseTable.ObserverRefusal<Propose>());
        Assert.Equal(playerAdvancing, PhaseTable.ObserverRefusal<AdvancePhase>());
        Assert.Equal(("players-only", "facilitator-only"), (facilitatorProposing!.Code, playerAdvancing!.Code));
        Assert.Equal("observer", PhaseTable.ObserverRefusal<PostMessage>().Code);
    }

    [Fact]
    public void APlayersAllowedCommands_FollowThePhase()
    {
        var state = Fixture.Start(Fixture.Table());
        CommandKind[] talk = [CommandKind.PostMessage, CommandKind.Propose, CommandKind.RespondToProposal, CommandKind.CounterProposal, CommandKind.RevokeAgreement];

        Assert.Equal(talk, PhaseTable.Allowed(state, Ukraine).ToArray());
        state = state.AdvanceTo(Phase.Negotiation);
        Assert.Equal(talk, PhaseTable.Allowed(state, Ukraine).ToArray());
        state = state.Advance();
        Assert.Equal([CommandKind.PostMessage, CommandKind.RevokeAgreement, CommandKind.SubmitOrders], PhaseTable.Allowed(state, Ukraine).ToArray());
        state = state.Advance();
        Assert.Equal(Phase.Debrief, state.Phase);
        Assert.Equal(talk, PhaseTable.Allowed(state, Ukraine).ToArray());
    }

    [Fact]
    public void TheFacilitatorMayAdjustOnlyInTheDebriefWindow_AndTheServerAloneClosesAtADeadline()
    {
        var state = Fixture.Start(Fixture.Table(Fixture.Ceasefire()));

        Assert.DoesNotContain(CommandKind.AdjustAdjudication, PhaseTable.Allowed(state, Actor.Facilitator));
        Assert.DoesNotContain(CommandKind.CloseAtDeadline, PhaseTable.Allowed(state, Actor.Facilitator));
        Assert.Contains(CommandKind.CloseAtDeadline, PhaseTable.Allowed(state, Actor.System));
        var debrief = state.AdvanceTo(Phase.Orders).Advance();
        Assert.Contains(CommandKind.AdjustAdjudication, PhaseTable.Allowed(debrief, Actor.Facilitator));
        var afterInject = debrief.Apply(new InjectEvent(Actor.Facilitator, null, "Rumour", "A rumour spreads.", []));
        Assert.DoesNotContain(CommandKind.AdjustAdjudication, PhaseTable.Allowed(afterInject, Actor.Facilitator));
    }

    [Fact]
    public void WhilePaused_PlayersMayDoNothing_AndTheFacilitatorMayResumeButNotTouchTheDeadline()
    {
        var state = Fixture.Start(Fixture.Table()).Apply(new PauseGame(Actor.Facilitator) { Now = DateTimeOffset.UnixEpoch });

        Assert.Empty(PhaseTable.Allowed(state, Ukraine).ToArray());
        var facilitator = PhaseTable.Allowed(state, Actor.Facilitator);
        Assert.Contains(CommandKind.ResumeGame, facilitator);
        Assert.DoesNotContain(CommandKind.PauseGame, facilitator);
        Assert.DoesNotContain(CommandKind.SetDeadline, facilitator);
        Assert.Contains(CommandKind.InjectEvent, facilitator);
    }

    [Fact]
    public void AfterTheEnd_OnlyRevealingIsAllowed_AndThenNothing()
    {
        var ended = Fixture.Start(Fixture.Table()).Apply(new EndGame(Actor.Facilitator));

        Assert.Empty(PhaseTable.Allowed(ended, Ukraine));
        Assert.Equal([CommandKind.RevealAll], PhaseTable.Allowed(ended, Actor.Facilitator).ToArray());
        Assert.Empty(PhaseTable.Allowed(ended.Apply(new RevealAll(Actor.Facilitator)), Actor.Facilitator));
    }

    [Fact]
    public void ViewsCarryTheirAudiencesAllowedCommandsAndTheLimits()
    {
        var state = Fixture.Start(Fixture.Table()).AdvanceTo(Phase.Orders);

        Assert.Empty(GameViews.For(state, Audience.Public).Allowed);
        Assert.Equal(PhaseTable.Allowed(state, Actor.Player(Role.RU)).ToArray(), GameViews.For(state, Audience.Of(Role.RU)).Allowed.ToArray());
        Assert.Equal(PhaseTable.Allowed(state, Actor.Facilitator).ToArray(), GameViews.For(state, Audience.Facilitator).Allowed.ToArray());
        Assert.All(Audience.All, a => Assert.Equal(PhaseTable.Limits, GameViews.For(state, a).Limits));
    }

    [Fact]
    public void InRandomPlay_EveryAcceptedCommand_WasAllowedForItsIssuer()
    {
        var random = new Random(7);
        var checkedCommands = 0;
        foreach (var (scenario, seed) in new[] { ("treaty-path", 5UL), ("oval-office-2025", 6UL), ("budapest-redux", 7UL), ("treaty-path", 8UL) })
        {
            var state = Fixture.Start(TestScenarios.Load(scenario), seed);
            for (var i = 0; i < 600 && !state.Ended; i++)
            {
                var command = RandomPlay.Command(state, new Step(random.Next(1000), random.Next(4), random.Next(10_000), random.Next(10_000)));
                var allowed = PhaseTable.Allowed(state, command.Actor);
                var applied = Rules.Apply(state, command);
                if (applied.IsAccepted)
                {
                    Assert.Contains(PhaseTable.Find(command)!.Kind, allowed);
                    checkedCommands++;
                }
                state = applied.State;
            }
        }
        Assert.True(checkedCommands > 200, $"only {checkedCommands} commands were accepted");
    }
}
