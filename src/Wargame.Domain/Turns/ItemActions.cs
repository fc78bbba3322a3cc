using System.Collections.Immutable;
using Wargame.Domain.Game;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;

namespace Wargame.Domain.Turns;

/// <summary>What a party may do now to a proposal it sees.</summary>
public enum ProposalAction { Accept, Reject, Counter, Withdraw }

/// <summary>
/// What one audience may do now to each proposal, agreement, event card and resolution record it sees: the commands
/// the <see cref="PhaseTable"/> allows it, narrowed by the deciders' own checks of the item they name. Views carry the
/// answers, so a client reads them instead of repeating the rules; each answer is exactly whether the decider would
/// accept the command (with valid free arguments: a reason, a shift in range, the proposal's own terms for a counter).
/// </summary>
internal sealed class ItemActions(GameState state, Role? role, ImmutableHashSet<CommandKind> allowed)
{
    /// <summary>The actions of <paramref name="audience"/>, which may issue <paramref name="allowed"/> now (<see cref="PhaseTable.Allowed"/>; none for observers).</summary>
    public static ItemActions For(GameState state, Audience audience, ImmutableArray<CommandKind> allowed) =>
        new(state, audience.Kind == AudienceKind.Role ? audience.Role : null, [.. allowed]);

    public ImmutableArray<ProposalAction> OnProposal(Agreement proposal)
    {
        if (role is not { } r)
            return [];
        var actions = ImmutableArray.CreateBuilder<ProposalAction>();
        if (allowed.Contains(CommandKind.RespondToProposal))
        {
            if (NegotiationRules.RespondRefusal(state, r, proposal.Id, ProposalResponse.Accept) is null)
                actions.Add(ProposalAction.Accept);
            if (NegotiationRules.RespondRefusal(state, r, proposal.Id, ProposalResponse.Reject) is null)
                actions.Add(ProposalAction.Reject);
        }
        if (allowed.Contains(CommandKind.CounterProposal)
            && NegotiationRules.CounterRefusal(state, r, proposal.Id) is null && NegotiationRules.TooManyOpenRefusal(state, r) is null
            && ProposalIds.Exhausted(state, proposal.Terms) is null)
            actions.Add(ProposalAction.Counter);
        if (allowed.Contains(CommandKind.RespondToProposal) && NegotiationRules.RespondRefusal(state, r, proposal.Id, ProposalResponse.Withdraw) is null)
            actions.Add(ProposalAction.Withdraw);
        return actions.ToImmutable();
    }

    public bool CanRevoke(Agreement agreement) =>
        role is { } r && allowed.Contains(CommandKind.RevokeAgreement) && NegotiationRules.RevokeRefusal(state, r, agreement.Id) is null;

    public bool CanFire(string cardId) =>
        allowed.Contains(CommandKind.InjectEvent) && FacilitatorRules.CardRefusal(state, cardId) is null;

    /// <summary>The ids of the resolution records the audience may adjust now (the facilitator, in the last resolution's debrief).</summary>
    public ImmutableArray<string> AdjustableRecords() =>
        allowed.Contains(CommandKind.AdjustAdjudication)
            ? [.. state.Outcomes[^1].Records.Where(r => FacilitatorRules.RecordRefusal(state, r.Id) is null).Select(r => r.Id)]
            : [];
}
