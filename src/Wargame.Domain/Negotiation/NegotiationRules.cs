using System.Collections.Immutable;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Negotiation;

/// <summary>Formal proposals and their lifecycle: propose, accept, reject, counter, withdraw, sign, revoke.</summary>
internal static class NegotiationRules
{
    public static Decision Propose(GameState state, Propose p)
    {
        var role = p.Actor.Role!.Value;
        if (CheckTerms(p.Terms) is { } bad)
            return bad;
        var parties = TermsCheck.Parties(p.Terms);
        if (!parties.Contains(role))
            return Decision.Reject("proposer-not-party", $"{role.DisplayName()} is not a party to these terms (parties: {string.Join(", ", parties)}); add yourself as mediator or guarantor, or ask a party to propose.");
        if (TooManyOpen(state, role) is { } full)
            return full;
        if (ProposalIds.Exhausted(state, p.Terms) is { } exhausted)
            return Refuse(exhausted)!;
        return Decision.Accept(new ProposalMade(ProposalIds.Next(state, p.Terms), role, p.Terms, null));
    }

    public static Decision Respond(GameState state, RespondToProposal r)
    {
        var role = r.Actor.Role!.Value;
        return Refuse(RespondRefusal(state, role, r.ProposalId, r.Response)) ?? Decision.Accept(new ProposalAnswered(r.ProposalId, role, r.Response));
    }

    /// <summary>Why <paramref name="role"/> may not give <paramref name="response"/> to proposal <paramref name="id"/>; null when it may.</summary>
    public static Rejection? RespondRefusal(GameState state, Role role, int id, ProposalResponse response)
    {
        if (Visible(state, role, id) is not { } proposal)
            return UnknownProposalRefusal(id);
        if (!Enum.IsDefined(response))
            return new("unknown-response", "Answer a proposal with accept, reject or withdraw.");
        if (response == ProposalResponse.Withdraw)
        {
            if (proposal.Proposer != role)
                return new("not-proposer", $"Only {proposal.Proposer.DisplayName()}, who made proposal #{proposal.Id}, can withdraw it.");
            if (!proposal.IsOpen)
                return new("proposal-closed", $"Proposal #{proposal.Id} is {Describe(proposal.Status)}; it can no longer be withdrawn.");
            return null;
        }
        if (!proposal.Parties.Contains(role))
            return new("not-a-party", $"{role.DisplayName()} is not a party to proposal #{proposal.Id} (parties: {string.Join(", ", proposal.Parties)}).");
        if (proposal.Status != AgreementStatus.Proposed)
            return new("proposal-closed", $"Proposal #{proposal.Id} is {Describe(proposal.Status)}; it can no longer be answered.");
        if (proposal.Responses.GetValueOrDefault(role) != ProposalAnswer.Pending)
            return new("already-answered", $"{role.DisplayName()} has already answered proposal #{proposal.Id}.");
        return null;
    }

    public static Decision Counter(GameState state, CounterProposal c)
    {
        var role = c.Actor.Role!.Value;
        if (CounterRefusal(state, role, c.ProposalId) is { } refused)
            return Refuse(refused)!;
        var proposal = state.World.Agreements.First(a => a.Id == c.ProposalId);
        if (CheckTerms(c.Terms) is { } bad)
            return bad;
        if (c.Terms.GetType() != proposal.Terms.GetType())
            return Decision.Reject("counter-kind-mismatch", $"A counter to a {proposal.Kind.ToString().ToLowerInvariant()} proposal must be a {proposal.Kind.ToString().ToLowerInvariant()} too.");
        if (!TermsCheck.Parties(c.Terms).Contains(role))
            return Decision.Reject("proposer-not-party", $"{role.DisplayName()} must be a party to its own counter-proposal.");
        if (TooManyOpen(state, role) is { } full)
            return full;
        if (ProposalIds.Exhausted(state, c.Terms) is { } exhausted)
            return Refuse(exhausted)!;
        return Decision.Accept(new ProposalMade(ProposalIds.Next(state, c.Terms), role, c.Terms, proposal.Id));
    }

    /// <summary>
    /// Why <paramref name="role"/> may not counter proposal <paramref name="id"/> at all, whatever its terms; null when
    /// it may (a counter that keeps the proposal's kind, names the role and stays under the cap is then accepted).
    /// </summary>
    public static Rejection? CounterRefusal(GameState state, Role role, int id)
    {
        if (Visible(state, role, id) is not { } proposal)
            return UnknownProposalRefusal(id);
        if (!proposal.Parties.Contains(role) || proposal.Proposer == role)
            return new("not-a-party", $"Only a party to proposal #{proposal.Id} other than its proposer can counter it.");
        if (proposal.Status != AgreementStatus.Proposed)
            return new("proposal-closed", $"Proposal #{proposal.Id} is {Describe(proposal.Status)}; it can no longer be countered.");
        return null;
    }

    public static Decision Revoke(GameState state, RevokeAgreement r)
    {
        var role = r.Actor.Role!.Value;
        if (RevokeRefusal(state, role, r.AgreementId) is { } refused)
            return Refuse(refused)!;
        var limit = PhaseTable.Limits.ReasonMaxLength;
        if (string.IsNullOrWhiteSpace(r.Reason) || r.Reason.Length > limit)
            return Decision.Reject("reason-required", $"Give a reason (up to {limit} characters) for revoking the agreement.");
        var agreement = state.World.Agreements.First(a => a.Id == r.AgreementId);
        return Decision.Accept(new AgreementRevoked(agreement.Id, role, r.Reason.Trim(), AgreementLifecycle.RevocationLoss(state.Constants, agreement, role)));
    }

    /// <summary>Why <paramref name="role"/> may not revoke agreement <paramref name="id"/> (a reason aside); null when it may.</summary>
    public static Rejection? RevokeRefusal(GameState state, Role role, int id)
    {
        if (Visible(state, role, id) is not { } agreement)
            return new("unknown-agreement", $"There is no agreement #{id}.");
        if (!agreement.Parties.Contains(role))
            return new("not-a-party", $"{role.DisplayName()} is not a party to agreement #{agreement.Id}.");
        if (!agreement.IsInForce && agreement.Status != AgreementStatus.AwaitingRatification)
            return new("not-in-force", $"Agreement #{agreement.Id} is {Describe(agreement.Status)}; only a signed agreement can be revoked.");
        return null;
    }

    /// <summary>Why <paramref name="role"/> may not make a new proposal (or counter) now, whatever its terms; null when it may.</summary>
    public static Rejection? TooManyOpenRefusal(GameState state, Role role) => TooManyOpen(state, role)?.Rejection;

    public static GameState Evolve(GameState state, GameEvent e)
    {
        var world = state.World;
        switch (e)
        {
            case ProposalMade p:
                var created = AgreementLifecycle.Create(world, p.Id, p.Proposer, p.Terms, state.Turn, p.CounterOf);
                var agreements = world.Agreements;
                if (p.CounterOf is { } countered)
                    agreements = Update(agreements, countered, a => a with
                    {
                        Status = AgreementStatus.Countered,
                        CounteredBy = p.Id,
                        Responses = a.Responses.SetItem(p.Proposer, ProposalAnswer.Rejected),
                        StatusReason = $"Countered by {p.Proposer.DisplayName()} with proposal #{p.Id}.",
                    });
                return state with { World = world with { Agreements = agreements.Add(created) } };
            case ProposalAnswered { Response: ProposalResponse.Withdraw } w:
                return With(state, w.Id, a => a with { Status = AgreementStatus.Withdrawn, StatusReason = $"Withdrawn by {w.Role.DisplayName()}." });
            case ProposalAnswered { Response: ProposalResponse.Reject } r:
                return With(state, r.Id, a => a with
                {
                    Status = AgreementStatus.Rejected,
                    Responses = a.Responses.SetItem(r.Role, ProposalAnswer.Rejected),
                    StatusReason = $"Rejected by {r.Role.DisplayName()}.",
                });
            case ProposalAnswered a:
                return With(state, a.Id, x =>
                {
                    var responses = x.Responses.SetItem(a.Role, ProposalAnswer.Accepted);
                    var all = responses.Values.All(v => v == ProposalAnswer.Accepted);
                    return x with
                    {
                        Responses = responses,
                        Status = all ? AgreementStatus.Accepted : x.Status,
                        StatusReason = all ? "Accepted by every party; it is signed when negotiation closes." : x.StatusReason,
                    };
                });
            case AgreementSigned s:
                var signed = With(state, s.Id, a => AgreementLifecycle.Sign(a, state.Turn, s.Status, state.World));
                if (signed.World.Agreements.First(a => a.Id == s.Id).Kind == AgreementKind.Ceasefire)
                {
                    // A new ceasefire supersedes any older one still in force.
                    signed = signed with
                    {
                        World = signed.World with
                        {
                            Agreements = Update(signed.World.Agreements, a => a.Kind == AgreementKind.Ceasefire && a.Id != s.Id && a.IsInForce,
                                a => a with { Status = AgreementStatus.Expired, StatusReason = $"Superseded by ceasefire #{s.Id}." }),
                        },
                    };
                }
                return signed;
            case AgreementRevoked r:
                var revoked = With(state, r.Id, a => a with { Status = AgreementStatus.Revoked, StatusReason = $"Revoked by {r.Role.DisplayName()}: {r.Reason}" });
                if (r.ReputationLoss != 0)
                {
                    var position = revoked.World[r.Role];
                    revoked = revoked with { World = revoked.World with { Positions = revoked.World.Positions.SetItem(r.Role, position.WithReputationChange(state.Turn, -r.ReputationLoss, $"revoked guarantee #{r.Id}")) } };
                }
                return revoked with { World = revoked.World with { PendingTests = [.. revoked.World.PendingTests.Where(t => t.AgreementId != r.Id || t.Guarantor != r.Role)] } };
            default:
                throw new InvalidOperationException($"{e.GetType().Name} is not a negotiation event.");
        }
    }

    /// <summary>
    /// The agreement <paramref name="id"/> if <paramref name="role"/> may see it: one it may not see is answered exactly
    /// like an id that does not exist, so scanning ids finds nothing.
    /// </summary>
    private static Agreement? Visible(GameState state, Role role, int id) =>
        state.World.Agreements.FirstOrDefault(a => a.Id == id) is { } agreement && AgreementVisibility.Sees(role, agreement) ? agreement : null;

    private static Rejection UnknownProposalRefusal(int id) => new("unknown-proposal", $"There is no proposal #{id}.");

    private static Decision? Refuse(Rejection? rejection) => rejection is null ? null : Decision.Reject(rejection.Code, rejection.Message);

    /// <summary>The cap counts only the proposer's own open proposals: others' (some hidden from it) neither block nor reveal.</summary>
    private static Decision? TooManyOpen(GameState state, Role role)
    {
        var maxOpen = PhaseTable.Limits.MaxOpenProposals;
        return state.World.Agreements.Count(a => a.IsOpen && a.Proposer == role) >= maxOpen
            ? Decision.Reject("too-many-proposals", $"{role.DisplayName()} already has {maxOpen} open proposals; withdraw some or wait for answers first.")
            : null;
    }

    private static Decision? CheckTerms(AgreementTerms? terms)
    {
        var problems = TermsCheck.Problems(terms);
        return problems.IsEmpty
            ? null
            : Decision.Reject("invalid-terms", string.Join(" ", problems.Select(p => $"{p.Field} {p.Message}")));
    }

    private static GameState With(GameState state, int id, Func<Agreement, Agreement> change) =>
        state with { World = state.World with { Agreements = Update(state.World.Agreements, id, change) } };

    private static ImmutableArray<Agreement> Update(ImmutableArray<Agreement> agreements, int id, Func<Agreement, Agreement> change) =>
        Update(agreements, a => a.Id == id, change);

    private static ImmutableArray<Agreement> Update(ImmutableArray<Agreement> agreements, Func<Agreement, bool> which, Func<Agreement, Agreement> change) =>
        [.. agreements.Select(a => which(a) ? change(a) : a)];

    private static string Describe(AgreementStatus status) => status switch
    {
        AgreementStatus.AwaitingRatification => "awaiting ratification",
        AgreementStatus.InForce => "in force",
        _ => status.ToString().ToLowerInvariant(),
    };
}
