using System.Collections.Immutable;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Serialization;
using Wargame.Domain.Tests.Game;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;

namespace Wargame.Domain.Tests.Views;

/// <summary>
/// The differential property: two games identical in everything Russia and an observer may see, one of them busy
/// with hidden activity (private channels without Russia, proposals and counters among the others, changed secret
/// orders). After every step Russia's and the observer's views are byte-identical, and every command Russia tries,
/// on every id either game holds or none does, gets the same answer and acknowledged version.
/// </summary>
public sealed class HiddenActivityPropertyTests(ITestOutputHelper output)
{
    /// <summary>Games per run; each plays <see cref="Steps"/> random steps, and probes every id after each.</summary>
    public const int Games = 20;
    public const int Steps = 70;

    private static readonly string[] Scenarios = ["treaty-path", "oval-office-2025", "budapest-redux"];
    private static readonly Audience[] Outsiders = [Audience.Of(Role.RU), Audience.Public];
    private static readonly Role[] Others = [Role.UA, Role.US, Role.EU];

    /// <summary>
    /// A guarantee by the United States alone, without Russia's consent: random play never proposes one, so hidden
    /// proposals share no party set with visible ones and never shift a visible proposal's id.
    /// </summary>
    private static GuaranteeTerms HiddenGuarantee(int n) => new() { Guarantors = [Role.US], LegalForm = (LegalForm)(n % 4), Trigger = (Trigger)(n % 2) };

    private static Arbitrary<(int Scenario, ulong Seed, Step[] Steps, int[] Hidden)> Pairs() =>
        Gen.Choose(0, Scenarios.Length - 1)
            .Zip(Gen.Choose(0, int.MaxValue).Select(s => (ulong)s))
            .Zip(Gen.ArrayOf(Gen.Choose(0, 1000).Two().Two().Select(x => new Step(x.Item1.Item1, x.Item1.Item2, x.Item2.Item1 * 37, x.Item2.Item2 * 101)), Steps))
            .Zip(Gen.ArrayOf(Gen.Choose(0, 10_000), Steps))
            .Select(x => (x.Item1.Item1.Item1, x.Item1.Item1.Item2, x.Item1.Item2, x.Item2))
            .ToArbitrary();

    [Fact]
    public void RussiaAndAnObserver_CannotTellAGameWithHiddenActivityFromOneWithout()
    {
        var (hiddenEvents, probes, acceptedProbes) = (0, 0, 0);
        var property = Prop.ForAll(Pairs(), pair =>
        {
            var started = Rules.Start(TestScenarios.Load(Scenarios[pair.Scenario]), pair.Seed);
            var (plain, busy) = (Rules.Begin(started), Rules.Begin(started));
            for (var i = 0; i < pair.Steps.Length; i++)
            {
                var beforeHidden = busy.Version;
                busy = RestoreOrders(HiddenActivity(busy, pair.Hidden[i]), plain);
                hiddenEvents += busy.Version - beforeHidden;

                // The visible step, decided on the plain game and played in both.
                var command = RandomPlay.Command(plain, pair.Steps[i]);
                var (a, b) = (Rules.Apply(plain, command), Rules.Apply(busy, command));
                if (command.Actor.Role == Role.RU)
                    AssertSameAnswer(a, b, command);
                else
                    Assert.True(Equals(a.Rejection, b.Rejection), $"{command}: {a.Rejection} without hidden activity, {b.Rejection} with it");
                (plain, busy) = (a.State, b.State);

                foreach (var probe in RussianProbes(plain, busy, pair.Hidden[i]))
                {
                    probes++;
                    var (pa, pb) = (Rules.Apply(plain, probe), Rules.Apply(busy, probe));
                    AssertSameAnswer(pa, pb, probe);
                    if (pa.IsAccepted)
                    {
                        acceptedProbes++;
                        (plain, busy) = (pa.State, pb.State);
                    }
                }
                foreach (var audience in Outsiders)
                    Assert.True(Json(GameViews.For(plain, audience)) == Json(GameViews.For(busy, audience)),
                        $"{audience}'s view differs after step {i} ({command.GetType().Name}), seed {pair.Seed}");
            }
            return true;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Games), property);
        output.WriteLine($"{Games} game pairs of {Steps} steps: {hiddenEvents} hidden events, {probes} Russian probes ({acceptedProbes} accepted)");
        Assert.True(hiddenEvents > Games * 10, $"only {hiddenEvents} hidden events: the pairs barely differ");
        Assert.True(probes > Games * Steps, $"only {probes} probes");
        Assert.True(acceptedProbes > 0, "no probe was ever accepted: the probes never reach a real rule");
    }

    /// <summary>One piece of activity Russia and an observer may not see, or nothing when the state allows none.</summary>
    private static GameState HiddenActivity(GameState state, int n)
    {
        var role = Others[n % 3];
        // A new proposal closes the facilitator's adjustment window (the facilitator sees everything and may act on it),
        // so the busy game keeps to messages and orders while that window is open.
        var talk = state.WorldBeforeResolution is null;
        var hidden = state.World.Agreements.Where(a => a.IsOpen && !a.Parties.Contains(Role.RU) && a.Terms is GuaranteeTerms { Guarantors: [Role.US] }).ToList();
        GameCommand command = (n / 3 % 6) switch
        {
            0 => new PostMessage(Actor.Player(role), [.. Others.Where(r => r != role).Take(1 + n / 18 % 2)], $"hidden {n}"),
            1 when talk => new Propose(Actor.Player(n % 2 == 0 ? Role.US : Role.UA), HiddenGuarantee(n)),
            2 when talk && hidden.Count > 0 => new RespondToProposal(Actor.Player(role), hidden[n % hidden.Count].Id, n % 2 == 0 ? ProposalResponse.Reject : ProposalResponse.Withdraw),
            3 when talk && hidden.Count > 0 => new CounterProposal(Actor.Player(n % 2 == 0 ? Role.US : Role.UA), hidden[n % hidden.Count].Id, HiddenGuarantee(n + 1)),
            // Changed secret orders: only after the role's (public) first submission.
            4 when state.Phase == Phase.Orders && state.SubmittedOrders.ContainsKey(role) => new SubmitOrders(Actor.Player(role), OtherOrders(role, n)),
            // (RestoreOrders puts the visible orders back before the next visible step.)
            _ => new PostMessage(Actor.Player(role), [role == Role.UA ? Role.EU : Role.UA], $"whisper {n}"),
        };
        var applied = Rules.Apply(state, command);
        // A counter accepted by everyone would be signed and public: hidden proposals are only ever rejected, withdrawn or countered.
        return applied.IsAccepted ? applied.State : state;
    }

    private static Orders OtherOrders(Role role, int n) => role switch
    {
        Role.UA => new UkraineOrders((UkrainePosture)(n % 3), n % 2 == 0),
        _ => new GuarantorOrders { TroopChange = n % 5_000, ArmsAndIntelligence = n % 2 == 0, Sanctions = (SanctionsChange)(n % 3) },
    };

    /// <summary>Puts back the orders the plain game holds for each role whose orders the busy game changed in secret.</summary>
    private static GameState RestoreOrders(GameState busy, GameState plain)
    {
        foreach (var (role, orders) in plain.SubmittedOrders)
        {
            if (busy.SubmittedOrders.TryGetValue(role, out var changed) && !Equals(Json(changed), Json(orders)))
                busy = busy.Apply(new SubmitOrders(Actor.Player(role), orders));
        }
        return busy;
    }

    /// <summary>What a hostile Russia tries: every id either game holds and a few that exist in neither, with every command that names one.</summary>
    private static IEnumerable<GameCommand> RussianProbes(GameState plain, GameState busy, int n)
    {
        var russia = Actor.Player(Role.RU);
        var ids = plain.World.Agreements.Concat(busy.World.Agreements).Select(a => a.Id).Append(100_000 + n).Append(n % 50).Distinct().Order().ToList();
        foreach (var id in ids)
        {
            yield return new RespondToProposal(russia, id, (ProposalResponse)(id % 3));
            yield return new CounterProposal(russia, id, n % 2 == 0 ? new CeasefireTerms { DmzWidthKm = n % 40 } : HiddenGuarantee(n) with { RussianConsentSought = true });
            yield return new RevokeAgreement(russia, id, n % 3 == 0 ? "" : "Probing");
        }
        if (n % 7 == 0)
            yield return new Propose(russia, new CeasefireTerms { DmzWidthKm = n % 30 });
    }

    private static void AssertSameAnswer(Applied plain, Applied busy, GameCommand command)
    {
        Assert.True(Equals(plain.Rejection, busy.Rejection), $"{command}: {plain.Rejection} without hidden activity, {busy.Rejection} with it");
        // The acknowledgement carries Russia's view version (the log's events never reach it; its views are compared after each step).
        Assert.Equal(AudienceVersions.Of(plain.State, Audience.Of(Role.RU)), AudienceVersions.Of(busy.State, Audience.Of(Role.RU)));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, GameJson.Options);
}
