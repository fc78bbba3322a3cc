using System.Collections.Immutable;
using Wargame.Domain.Bots;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Tests.Game;

/// <summary>One random step: which kind of command, by whom, and two free numbers that fill it in.</summary>
internal sealed record Step(int Kind, int Role, int A, int B);

/// <summary>Turns random steps into commands that are mostly legal for the state they meet; refused ones are skipped.</summary>
internal static class RandomPlay
{
    public static (GameState State, ImmutableArray<GameEvent> Events, int Accepted) Run(string scenario, ulong seed, IEnumerable<Step> steps)
    {
        var started = Rules.Start(TestScenarios.Load(scenario), seed);
        var state = Rules.Begin(started);
        var events = ImmutableArray.CreateBuilder<GameEvent>();
        events.Add(started);
        var accepted = 0;
        foreach (var step in steps)
        {
            var command = Command(state, step);
            var applied = Rules.Apply(state, command);
            if (!applied.IsAccepted)
                continue;
            accepted++;
            state = applied.State;
            events.AddRange(applied.Events);
        }
        return (state, events.ToImmutable(), accepted);
    }

    /// <summary>A clock that moves with the log, as the server's would between commands.</summary>
    private static DateTimeOffset Now(GameState state) => DateTimeOffset.UnixEpoch.AddSeconds(1_800_000_000 + 37L * state.Version);

    public static GameCommand Command(GameState state, Step step)
    {
        var role = RoleSet.All[Math.Abs(step.Role) % 4];
        var actor = Actor.Player(role);
        var (a, b) = (Math.Abs(step.A), Math.Abs(step.B));
        var agreements = state.World.Agreements;
        var someAgreement = agreements.IsEmpty ? 1 : agreements[a % agreements.Length].Id;
        return (Math.Abs(step.Kind) % 14) switch
        {
            0 or 1 => new AdvancePhase(Actor.Facilitator),
            2 => new PostMessage(actor, a % 2 == 0 ? [] : [RoleSet.All[b % 4]], $"message {a}"),
            3 => new Propose(actor, a % 2 == 0
                ? new CeasefireTerms { DmzWidthKm = b % 30, Monitoring = (Monitoring)(b % 3), MonitorsFrom = ["OSCE"], JointCommission = b % 2 == 0, Mediators = b % 5 == 0 ? [Role.US] : [] }
                : new GuaranteeTerms
                {
                    Guarantors = b % 3 == 0 ? [Role.EU] : [Role.US, Role.EU],
                    LegalForm = (LegalForm)(b % 4),
                    Trigger = (Trigger)(a % 2),
                    Tripwires = [new Tripwire(Role.EU, b % 20_000, TripwireLocation.Rear)],
                    RussianConsentSought = a % 3 == 0,
                }),
            4 or 5 => new RespondToProposal(actor, someAgreement, (ProposalResponse)(b % 3 == 2 ? 0 : b % 3)),
            6 => new CounterProposal(actor, someAgreement, new CeasefireTerms { DmzWidthKm = b % 20, SanctionsRelief = SanctionsRelief.Phased }),
            7 or 8 => new SubmitOrders(actor, role switch
            {
                Role.RU => new RussiaOrders((RussiaPosture)(b % 4), a % 2 == 0, a % 3 == 0),
                Role.UA => new UkraineOrders((UkrainePosture)(b % 3), a % 2 == 0),
                _ => new GuarantorOrders
                {
                    TroopChange = (b % 3 - 1) * (a % 15_000),
                    ArmsAndIntelligence = a % 2 == 0,
                    Sanctions = (SanctionsChange)(b % 3),
                    Response = state.World.PendingTests.Any(t => t.Guarantor == role) ? (TestResponse)(a % 4) : null,
                },
            }),
            9 => state.Scenario.Events.IsEmpty || a % 2 == 0
                ? new InjectEvent(Actor.Facilitator, null, "Free inject", "Something happens.", [new InjectEffect(a % 2 == 0 ? "RU.resolve" : "territory", (b % 10 - 5) / 10.0)])
                : new InjectEvent(Actor.Facilitator, state.Scenario.Events[b % state.Scenario.Events.Length].Id, null, null, []),
            10 => state.Outcomes.IsEmpty || state.Outcomes[^1].Records.All(r => !r.Adjustable)
                ? new SetDeadline(Actor.Facilitator, a % 5 == 0 ? null : a % 700_000) { Now = Now(state) }
                : new AdjustAdjudication(Actor.Facilitator, state.Outcomes[^1].Records.Where(r => r.Adjustable).ElementAt(a % state.Outcomes[^1].Records.Count(r => r.Adjustable)).Id, (b % 11 - 5) / 10.0, "Seminar judgement"),
            11 => state.Paused ? new ResumeGame(Actor.Facilitator) { Now = Now(state) }
                : state.Deadline is not null && b % 2 == 0 ? new ExtendDeadline(Actor.Facilitator, a % 700_000) { Now = Now(state) }
                : new PauseGame(Actor.Facilitator) { Now = Now(state) },
            12 => new RevokeAgreement(actor, someAgreement, "Changed course"),
            _ => BotPolicy.Decide(state, role) is { IsEmpty: false } bot ? bot[0] : new AdvancePhase(Actor.Facilitator),
        };
    }
}
