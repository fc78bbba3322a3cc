using System.Collections.Immutable;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Guarantees;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;
using Wargame.Domain.Views;
using static Wargame.Domain.Bots.BotTuning;

namespace Wargame.Domain.Bots;

/// <summary>
/// A policy for each role that plays from its own <see cref="GameView"/> only, so it cannot use another
/// role's hidden information. Its choices are reproducible: every random choice is a d10000 roll from
/// (game seed, turn, decision, role). The caller issues the returned commands in order.
/// </summary>
public static class BotPolicy
{
    /// <summary>The commands a bot for <paramref name="role"/> issues now, computed from that role's view.</summary>
    public static ImmutableArray<GameCommand> Decide(GameState state, Role role) =>
        Decide(GameViews.For(state, Audience.Of(role)), state.Seed);

    public static ImmutableArray<GameCommand> Decide(GameView view, ulong seed)
    {
        if (view.Audience.Kind != AudienceKind.Role || view.Audience.Role is not { } role || view.Ended || view.Paused)
            return [];
        var bot = new Bot(view, role, seed);
        return view.Phase switch
        {
            Phase.Negotiation => bot.Negotiate(),
            Phase.Orders when !view.Roles.Any(r => r.Role == role && r.OrdersSubmitted) => [new SubmitOrders(Actor.Player(role), bot.Orders())],
            _ => [],
        };
    }

    private sealed class Bot(GameView view, Role role, ulong seed)
    {
        private readonly Actor _actor = Actor.Player(role);

        private bool Chance(double p, string decision, string subject = "") =>
            Dice.Roll(seed, view.Turn, "bot-" + decision, $"{role}{subject}") <= Dice.ToBasisPoints(p);

        private double Hidden(HiddenQuantity quantity) => Own(quantity.Name());

        private double Flag(string name) => Own(name);

        private double Own(string name) =>
            view.Hidden.FirstOrDefault(h => h.Role == role)?.Quantities.FirstOrDefault(q => q.Name == name)?.Value ?? 0;

        /// <summary>A rule constant as the view lists it (every audience sees the table).</summary>
        private double Constant(RuleKey key) => view.RuleConstants.First(c => c.Key == RulesTable.NameOf(key)).Value;

        private int Troops(Role r) => view.Forces.FirstOrDefault(f => f.Role == r)?.Troops ?? 0;

        private bool CeasefireInForce => view.Agreements.Any(a => a.Kind == AgreementKind.Ceasefire && a.Status is AgreementStatus.InForce or AgreementStatus.Tested);

        private static bool IsOpen(ProposalView p) => p.Status is AgreementStatus.Proposed or AgreementStatus.Accepted;

        public ImmutableArray<GameCommand> Negotiate()
        {
            var commands = ImmutableArray.CreateBuilder<GameCommand>();
            if (!view.Messages.Any(m => m.Turn == view.Turn && m.From == role))
                commands.Add(new PostMessage(_actor, [], Statement()));
            foreach (var proposal in view.Proposals.Where(p => p.Status == AgreementStatus.Proposed
                && p.Responses.Any(r => r.Role == role && r.Response == ProposalAnswer.Pending)))
            {
                if (role == Role.RU && proposal.Terms is CeasefireTerms { SanctionsRelief: SanctionsRelief.None } c && proposal.CounterOf is null
                    && Chance(RussiaCountersWithoutRelief, "counter", $"p{proposal.Id}"))
                {
                    commands.Add(new CounterProposal(_actor, proposal.Id, c with { SanctionsRelief = SanctionsRelief.Phased }));
                    continue;
                }
                var accept = Chance(AcceptChance(proposal), "answer", $"p{proposal.Id}");
                commands.Add(new RespondToProposal(_actor, proposal.Id, accept ? ProposalResponse.Accept : ProposalResponse.Reject));
            }
            if (role == Role.UA)
            {
                // One proposal of each kind a turn, so a server calling the bot after every event cannot make it spam.
                bool ProposedThisTurn(AgreementKind kind) => view.Proposals.Any(p => p.Kind == kind && p.Proposer == role && p.ProposedTurn == view.Turn);
                var openCeasefire = view.Proposals.Any(p => p.Kind == AgreementKind.Ceasefire && IsOpen(p)) || ProposedThisTurn(AgreementKind.Ceasefire);
                if (!CeasefireInForce && !openCeasefire)
                    commands.Add(new Propose(_actor, new CeasefireTerms
                    {
                        DmzWidthKm = UkraineProposedDmzKm,
                        Monitoring = Monitoring.UnarmedMonitors,
                        MonitorsFrom = ["OSCE"],
                        JointCommission = true,
                        Specificity = TextSpecificity.Specific,
                        SanctionsRelief = SanctionsRelief.Phased,
                        PrisonerExchange = true,
                    }));
                var guaranteed = view.Agreements.Any(a => a.Kind == AgreementKind.Guarantee && a.Status is AgreementStatus.InForce or AgreementStatus.Tested or AgreementStatus.AwaitingRatification);
                var openGuarantee = view.Proposals.Any(p => p.Kind == AgreementKind.Guarantee && IsOpen(p)) || ProposedThisTurn(AgreementKind.Guarantee);
                if (CeasefireInForce && !guaranteed && !openGuarantee && view.Turn > 1)
                    commands.Add(new Propose(_actor, new GuaranteeTerms
                    {
                        Guarantors = [Role.US, Role.EU],
                        LegalForm = LegalForm.ExecutiveAgreement,
                        Trigger = Trigger.Automatic,
                        Tripwires = [new Tripwire(Role.EU, UkraineProposedTripwire, TripwireLocation.Rear)],
                        ArmsAndIntelligence = true,
                    }));
            }
            return commands.ToImmutable();
        }

        /// <summary>One public statement a turn, from public facts only.</summary>
        private string Statement() => role switch
        {
            Role.UA => CeasefireInForce
                ? $"Ukraine keeps the ceasefire. Deterrence stands at {Fmt.Two(view.Deterrence)}; we need guarantees we can believe in."
                : "Ukraine will sign a ceasefire that comes with guarantees, not another memorandum.",
            Role.RU => view.Forces.Any(f => f.Role.IsGuarantor() && f.Troops > 0)
                ? "Russia regards foreign troops in Ukraine as a provocation."
                : "Russia is ready to freeze the line if sanctions are lifted.",
            Role.US => "The United States wants this war to end, and Europe to carry its fair share.",
            _ => "Europe stands by Ukraine and asks Washington to stay engaged.",
        };

        private double AcceptChance(ProposalView proposal) => (role, proposal.Terms) switch
        {
            (Role.UA, CeasefireTerms c) => c.NatoNonAccessionPledge && c.UaForceCapThousands is not null ? UkraineAcceptsPledgeAndCap : c.NatoNonAccessionPledge ? UkraineAcceptsPledge : UkraineAcceptsCeasefire,
            (Role.RU, CeasefireTerms c) => (c.SanctionsRelief == SanctionsRelief.None ? RussiaAcceptsWithoutRelief : RussiaAcceptsWithRelief) + (c.NatoNonAccessionPledge ? RussiaPledgeBonus : 0),
            (Role.US or Role.EU, CeasefireTerms) => GuarantorsAcceptCeasefire,
            (Role.UA, GuaranteeTerms) => UkraineAcceptsGuarantee,
            (Role.RU, GuaranteeTerms g) => g.Tripwires.Any(t => t.Location == TripwireLocation.ContactLine) ? RussiaAcceptsLineTripwire : RussiaAcceptsGuarantee,
            (Role.US, GuaranteeTerms g) => g.Tripwires.Where(t => t.Guarantor == Role.US).Sum(t => t.Troops) > (Hidden(HiddenQuantity.DomesticSupport) > UsSupportForTroops ? UsTroopsWithSupport : 0) ? UsAcceptsTooManyTroops : UsAcceptsGuarantee,
            (Role.EU, GuaranteeTerms g) => g.Tripwires.Where(t => t.Guarantor == Role.EU).Sum(t => t.Troops) > Hidden(HiddenQuantity.ForceAvailability) ? EuAcceptsBeyondForces : EuAcceptsGuarantee,
            _ => AcceptOtherwise,
        };

        public Orders Orders() => role switch
        {
            Role.RU => Russia(),
            Role.UA => Ukraine(),
            _ => Guarantor(),
        };

        /// <summary>
        /// Russia follows the expected-utility line it is shown (computed from its own estimate of D). Under a ceasefire
        /// the hazard h is the noise term: with chance h a turn it breaks the ceasefire whatever the line says (spoilers,
        /// hardliners, miscalculation), taking the best attack on the line; the outlook record names this departure.
        /// </summary>
        private RussiaOrders Russia()
        {
            var outlook = view.RussianOutlook!;
            var resolve = Hidden(HiddenQuantity.Resolve);
            var evade = view.Sanctions >= EvadeFromSanctions && Chance(EvadeChance, "evade");
            var best = outlook.Options.MaxBy(o => o.ExpectedUtility)!;
            var bestAttack = outlook.Options.Where(o => o.Posture is RussiaPosture.LimitedOffensive or RussiaPosture.MajorOffensive).MaxBy(o => o.ExpectedUtility)!;
            if (CeasefireInForce)
            {
                // Rearming only pays against real deterrence; it raises the hazard (step D).
                var rearm = outlook.Deterrence > RearmAgainstDeterrence && Chance(resolve * RearmResolveShareAtPeace, "rearm");
                var hazard = (rearm ? outlook.HazardIfRearming : outlook.Hazard) ?? 0;
                if (best.Posture != RussiaPosture.Comply)
                    return new RussiaOrders(best.Posture, rearm, evade);
                return new RussiaOrders(Chance(hazard, "attack") ? bestAttack.Posture : RussiaPosture.Comply, rearm, evade);
            }
            var posture = best.ExpectedUtility <= 0 ? RussiaPosture.Comply : best.Posture;
            return new RussiaOrders(posture, Chance(resolve * RearmResolveShareAtWar, "rearm"), evade);
        }

        private UkraineOrders Ukraine()
        {
            var readiness = Hidden(HiddenQuantity.Readiness);
            var morale = Hidden(HiddenQuantity.Morale);
            var mobilise = Troops(Role.UA) < MobiliseBelowForceRatio * Troops(Role.RU) && morale > MobiliseMoraleFloor && Chance(MobiliseChance, "mobilise");
            if (CeasefireInForce)
                return new UkraineOrders(view.Deterrence < FortifyBelowDeterrence ? UkrainePosture.Fortify : UkrainePosture.Hold, mobilise);
            var counter = readiness > CounterAttackReadiness && Chance(CounterAttackChance, "counter-attack");
            return new UkraineOrders(counter ? UkrainePosture.CounterAttack : UkrainePosture.Fortify, mobilise);
        }

        private GuarantorOrders Guarantor()
        {
            var mine = view.Agreements.Where(a => a.Kind == AgreementKind.Guarantee && a.Parties.Contains(role)
                && a.Status is AgreementStatus.InForce or AgreementStatus.Tested or AgreementStatus.AwaitingRatification).ToArray();
            var deployed = Troops(role);
            var exitPressure = Flag(GameViews.ExitPressureQuantity) > 0;
            // The promise: a named tripwire or the troops there at signing, whichever is more (as step E detects it).
            var promised = mine.Select(a => Math.Max(((GuaranteeTerms)a.Terms).Tripwires.Where(t => t.Guarantor == role).Sum(t => t.Troops),
                a.TroopsAtSigning.GetValueOrDefault(role))).DefaultIfEmpty(0).Max();
            // A withdrawal is policy: troops cut since the last resolution (a scripted withdrawal) or a drawdown on record
            // are not quietly put back; the bot only completes a deployment it has not yet made.
            var withdrawn = deployed < Flag(GameViews.TroopsLastTurnQuantity) || mine.Any(a => a.DrawdownTurn.ContainsKey(role));
            var change = 0;
            if (exitPressure && deployed > 0 && Chance(WithdrawChance, "withdraw"))
                change = -deployed / WithdrawDivisor;
            else if (promised > deployed && !withdrawn)
                change = role == Role.EU ? (int)Math.Min(promised, Hidden(HiddenQuantity.ForceAvailability)) - deployed : promised - deployed;

            TestResponse? response = null;
            var test = view.PendingTests.FirstOrDefault(t => t.Guarantor == role);
            if (test is not null)
            {
                // Honour with the probability of one's own commitment C (step A); rally and exit pressure shift it.
                var commitment = view.Credibility.FirstOrDefault(c => c.AgreementId == test.AgreementId && c.Guarantor == role)?.Commitment ?? CommitmentIfUnknown;
                var shift = (Flag(GameViews.RalliedQuantity) > 0 ? RallyHonourShift : 0) - (exitPressure ? ExitPressureHonourShift : 0);
                var honour = Chance(Deterrence.Sigmoid(Deterrence.Logit(commitment) + shift), "honour", $"g{test.AgreementId}");
                response = !honour ? TestResponse.SanctionsAndArms
                    : commitment > FightAboveCommitment && (role != Role.US || Hidden(HiddenQuantity.DomesticSupport) > UsFightSupportFloor) ? TestResponse.Fight
                    : TestResponse.Limited;
            }
            var atWar = !CeasefireInForce;
            var statement = test is null ? Statement(mine) : null;
            var reliefPromised = view.Agreements.Any(a => a.Terms is CeasefireTerms { SanctionsRelief: not SanctionsRelief.None } && a.Status is AgreementStatus.InForce or AgreementStatus.Tested);
            return new GuarantorOrders
            {
                TroopChange = change,
                TroopLocation = TripwireLocation.Rear,
                ArmsAndIntelligence = mine.Any(a => ((GuaranteeTerms)a.Terms).ArmsAndIntelligence) || atWar,
                Sanctions = atWar && view.Sanctions < World.MaxSanctions ? SanctionsChange.Up : reliefPromised && view.Sanctions > EaseSanctionsDownTo && view.Turn % 2 == 0 ? SanctionsChange.Down : SanctionsChange.Hold,
                Response = response,
                SeekRatification = role == Role.US && view.Agreements.Any(a => a.Status == AgreementStatus.AwaitingRatification),
                RaiseSpending = role == Role.EU && view.Deterrence < SpendBelowDeterrence && Hidden(HiddenQuantity.SpendingHeadroom) >= Constant(RuleKey.SpendingHeadroomUsed) && Chance(SpendChance, "spending"),
                Statement = statement,
            };
        }

        /// <summary>
        /// Hedging: a guarantor whose public has turned against the commitment hedges (adds ambiguity, or talks it down if
        /// it already has some); one with support to spare firms up a guarantee when deterrence falls short of the goal.
        /// </summary>
        private CommitmentStatement? Statement(AgreementView[] mine)
        {
            var guarantee = mine.FirstOrDefault(a => a.Status is AgreementStatus.InForce or AgreementStatus.Tested);
            if (guarantee is null)
                return null;
            var support = Hidden(HiddenQuantities.SupportOf(role));
            var net = guarantee.Changes.Count(c => c.Guarantor == role && c.Change == CommitmentChangeKind.Strengthen)
                - guarantee.Changes.Count(c => c.Guarantor == role && c.Change == CommitmentChangeKind.Weaken);
            var limit = (int)Constant(RuleKey.StatementLimit);
            if (support < Constant(RuleKey.LowSupportThreshold) && Chance(HedgeChance, "hedge", $"g{guarantee.Id}"))
                return guarantee.AmbiguityClause == true
                    ? net > -limit ? new CommitmentStatement(guarantee.Id, CommitmentChangeKind.Weaken) : null
                    : new CommitmentStatement(guarantee.Id, CommitmentChangeKind.AddAmbiguity);
            if (support > FirmUpSupportFloor && view.Deterrence < Constant(RuleKey.DeterrenceGoal) && net < limit && Chance(FirmUpChance, "firm-up", $"g{guarantee.Id}"))
                return new CommitmentStatement(guarantee.Id, CommitmentChangeKind.Strengthen);
            return null;
        }
    }
}
