using System.Collections.Immutable;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Scenarios;

namespace Wargame.Domain.Views;

/// <summary>Projects state onto what an audience is entitled to see. Pure; the only gate for hidden information.</summary>
public static class GameViews
{
    public static GameView For(GameState state, Audience audience)
    {
        var seesAll = audience.Kind == AudienceKind.Facilitator || state.Revealed;
        bool Sees(Role role) => seesAll || audience.Role == role;
        bool InChannel(Message m) => m.IsPublic || audience.Kind == AudienceKind.Facilitator || state.Revealed
            || (audience.Role is { } r && (m.From == r || m.To.Contains(r)));

        return new GameView
        {
            Audience = audience,
            Scenario = ScenarioSummary.Of(state.Scenario),
            Version = state.Version,
            Turn = state.Turn,
            Phase = state.Phase,
            Paused = state.Paused,
            Deadline = state.Deadline,
            PausedRemainingSeconds = state.PausedRemainingSeconds,
            Ended = state.Ended,
            Revealed = state.Revealed,
            Roles = [.. state.Scenario.Roles.Select(r => new RoleCard(r.Role, r.Role.DisplayName(), r.PublicBriefing, state.SubmittedOrders.ContainsKey(r.Role)))],
            PrivateRecords = [.. state.Scenario.Roles.Where(r => Sees(r.Role)).Select(r => new PrivateRecord(r.Role, r.PrivateBriefing))],
            Messages = [.. state.Messages.Where(InChannel).Select(m => new MessageView(m.Id, m.Turn, m.From, m.To, m.Text))],
            Orders = [.. RoleSet.All.Where(Sees).Select(r => new OrdersView(r, state.SubmittedOrders.GetValueOrDefault(r), state.StandingOrders.GetValueOrDefault(r)))],
            Results = [.. state.Results.Select(t => new TurnResultView(t.Turn, t.Lines))],
        };
    }
}
