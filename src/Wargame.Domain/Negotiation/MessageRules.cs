using System.Collections.Immutable;
using Wargame.Domain.Game;
using Wargame.Domain.Roles;
using Wargame.Domain.Turns;

namespace Wargame.Domain.Negotiation;

/// <summary>
/// Table talk: public statements (no recipients) and private channels among any subset of roles. A channel with every
/// role in it stays private: observers never read it.
/// </summary>
internal static class MessageRules
{
    public static Decision Post(GameState state, PostMessage m)
    {
        var limit = PhaseTable.Limits.MessageMaxLength;
        if (string.IsNullOrWhiteSpace(m.Text))
            return Decision.Reject("empty-message", "A message needs some text.");
        if (m.Text.Length > limit)
            return Decision.Reject("message-too-long", $"A message can be at most {limit} characters.");
        if (m.Text.Any(Hidden))
            return Decision.Reject("unsafe-text", "A message cannot contain control or text-direction override characters.");
        var recipients = m.To.IsDefault ? [] : m.To;
        if (recipients.Any(r => !Enum.IsDefined(r)))
            return Decision.Reject("unknown-role", "A message can only go to UA, RU, US or EU.");
        var from = m.Actor.Role;
        var to = recipients.Where(r => r != from).Distinct().Order().ToImmutableArray();
        if (!recipients.IsEmpty && to.IsEmpty)
            return Decision.Reject("no-recipients", "A private message needs at least one other role.");
        return Decision.Accept(new MessagePosted(state.Messages.Length + 1, from, to, m.Text.Trim()));
    }

    /// <summary>Characters that are invisible or reorder what others read: control characters (line breaks and tabs aside) and bidirectional overrides.</summary>
    private static bool Hidden(char c) =>
        (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';
}
