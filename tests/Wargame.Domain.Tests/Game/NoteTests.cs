using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;

namespace Wargame.Domain.Tests.Game;

public sealed class NoteTests
{
    [Fact]
    public void TheFacilitatorNotesAnyPlayedTurn_DuringTheGameAndAfterItsEnd()
    {
        var state = Fixture.Start(Fixture.Table()).Resolve().Advance()
            .Play(new AddNote(Actor.Facilitator, 1, "  Russia held back: ask the team why.  "));
        Assert.Contains(CommandKind.AddNote, GameViews.For(state, Audience.Facilitator).Allowed);

        var ended = state.Play(new EndGame(Actor.Facilitator));
        Assert.Contains(CommandKind.AddNote, GameViews.For(ended, Audience.Facilitator).Allowed);
        var noted = ended.Play(new AddNote(Actor.Facilitator, 2, "Debrief: compare with Budapest 1994."));

        Assert.Equal([new FacilitatorNote(1, "Russia held back: ask the team why."), new FacilitatorNote(2, "Debrief: compare with Budapest 1994.")],
            GameViews.For(noted, Audience.Facilitator).Notes.ToArray());
    }

    [Fact]
    public void NotesAreTheFacilitatorsUntilTheRecordsAreRevealed_AndMoveNoOtherAudiencesVersion()
    {
        var before = Fixture.Start(Fixture.Table());
        var state = before.Play(new AddNote(Actor.Facilitator, 1, "Watch the European team."));

        foreach (var audience in Audience.All.Where(a => a.Kind != AudienceKind.Facilitator))
        {
            Assert.Empty(GameViews.For(state, audience).Notes);
            Assert.Equal(GameViews.For(before, audience).Version, GameViews.For(state, audience).Version);
        }
        var revealed = state.Play(new EndGame(Actor.Facilitator), new RevealAll(Actor.Facilitator));
        Assert.Single(GameViews.For(revealed, Audience.Public).Notes);
    }

    [Theory]
    [InlineData(2, "Too early.", "turn-not-played")]
    [InlineData(0, "No turn.", "bad-turn")]
    [InlineData(1, "   ", "note-text-required")]
    public void ABadNote_IsRefusedWithItsReason(int turn, string text, string code)
    {
        var refused = Rules.Apply(Fixture.Start(Fixture.Table()), new AddNote(Actor.Facilitator, turn, text));

        Assert.Equal(code, refused.Rejection?.Code);
    }

    [Fact]
    public void APlayerCannotWriteANote()
    {
        var refused = Rules.Apply(Fixture.Start(Fixture.Table()), new AddNote(Actor.Player(Role.UA), 1, "Ukraine's view."));

        Assert.Equal("facilitator-only", refused.Rejection?.Code);
        Assert.DoesNotContain(CommandKind.AddNote, GameViews.For(Fixture.Start(Fixture.Table()), Audience.Of(Role.UA)).Allowed);
    }
}
