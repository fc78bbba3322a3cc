using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Wargame.Domain.Adjudication;
using Wargame.Domain.Game;
using Wargame.Domain.Negotiation;
using Wargame.Domain.Roles;

namespace Wargame.Domain.Views;

/// <summary>
/// Short display numbers (#1, #2...) for proposals and agreements, counted within each audience's own view in the
/// order each became visible to it. A number never counts a hidden proposal, and once given it never changes: a
/// proposal signed among other parties joins an outsider's list at the end when it is signed. Ids stay the handles
/// commands use; numbers are what people read and say.
/// </summary>
public static partial class AgreementNumbers
{
    /// <summary>For every audience, the agreement ids it has seen so far, in the order it first saw them.</summary>
    public static ImmutableDictionary<Audience, ImmutableArray<int>> Next(GameState before, GameState after)
    {
        if (!before.AgreementOrder.IsEmpty && before.World.Agreements == after.World.Agreements && before.Revealed == after.Revealed)
            return before.AgreementOrder;
        var builder = ImmutableDictionary.CreateBuilder<Audience, ImmutableArray<int>>();
        foreach (var audience in Audience.All)
        {
            var seen = before.AgreementOrder.GetValueOrDefault(audience, []);
            var known = seen.ToHashSet();
            var added = after.World.Agreements.Where(a => !known.Contains(a.Id) && Sees(after, audience, a)).Select(a => a.Id).ToList();
            builder[audience] = added.Count == 0 ? seen : seen.AddRange(added);
        }
        return builder.ToImmutable();
    }

    /// <summary>Each agreement id <paramref name="audience"/> may see with its number there.</summary>
    public static ImmutableDictionary<int, int> For(GameState state, Audience audience) =>
        state.AgreementOrder.GetValueOrDefault(audience, []).Select((id, i) => (id, i)).ToImmutableDictionary(x => x.id, x => x.i + 1);

    public static bool Sees(GameState state, Audience audience, Agreement agreement) =>
        audience.Kind == AudienceKind.Facilitator || state.Revealed || AgreementVisibility.Sees(audience.Role, agreement);

    /// <summary>What stands for an agreement the audience has no number for (a secret one it may not know of).</summary>
    public const string Undisclosed = "(undisclosed)";

    /// <summary>
    /// <paramref name="text"/> with every agreement id ("#7", as records and score lines write them) replaced by its
    /// number in <paramref name="numbers"/>; an id the audience has no number for is never shown.
    /// </summary>
    public static string Renumber(string text, IReadOnlyDictionary<int, int> numbers) =>
        !text.Contains('#', StringComparison.Ordinal) ? text
        : IdMark().Replace(text, m => numbers.TryGetValue(int.Parse(m.Groups[1].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture), out var n) ? $"#{n}" : Undisclosed);

    /// <summary>
    /// A resolution record as <paramref name="numbers"/>' audience reads it: every agreement named by its number there;
    /// the record itself when it names none, so audiences reading it alike share one object.
    /// </summary>
    public static ResolutionRecord Renumber(ResolutionRecord record, IReadOnlyDictionary<int, int> numbers)
    {
        if (!NamesAgreements(record))
            return record;
        var terms = new Term[record.Terms.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            var term = record.Terms[i];
            terms[i] = Names(term.Name) || Names(term.Source) ? term with { Name = Renumber(term.Name, numbers), Source = Renumber(term.Source, numbers) } : term;
        }
        return record with
        {
            Title = Renumber(record.Title, numbers),
            Subject = Renumber(record.Subject, numbers),
            Outcome = Renumber(record.Outcome, numbers),
            Counterfactual = Renumber(record.Counterfactual, numbers),
            Terms = ImmutableCollectionsMarshal.AsImmutableArray(terms),
        };
    }

    /// <summary>A role's score as <paramref name="numbers"/>' audience reads it (the score itself when no line names an agreement).</summary>
    public static RoleScore Renumber(RoleScore score, IReadOnlyDictionary<int, int> numbers)
    {
        var named = false;
        foreach (var line in score.Lines)
            named |= Names(line.Because);
        return named ? score with { Lines = [.. score.Lines.Select(l => l with { Because = Renumber(l.Because, numbers) })] } : score;
    }

    private static bool NamesAgreements(ResolutionRecord record)
    {
        if (Names(record.Title) || Names(record.Subject) || Names(record.Outcome) || Names(record.Counterfactual))
            return true;
        foreach (var term in record.Terms)
        {
            if (Names(term.Name) || Names(term.Source))
                return true;
        }
        return false;
    }

    private static bool Names(string text) => text.Contains('#', StringComparison.Ordinal);

    [GeneratedRegex(@"#([0-9]+)")]
    private static partial Regex IdMark();
}
