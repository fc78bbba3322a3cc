using System.Globalization;
using System.Text;

namespace Wargame.Server.Seats;

/// <summary>
/// Display names are shown to everyone at the table, so they must be honest: visible characters only (no control,
/// bidirectional-override, zero-width or other invisible format characters that could reorder or hide text), and not
/// a name the game itself uses for someone else.
/// </summary>
internal static class DisplayNames
{
    public const int MaxLength = 40;

    /// <summary>Names the table reads as the game's own voices; compared ignoring case and spacing.</summary>
    private static readonly string[] Reserved = ["facilitator", "system", "server", "admin", "administrator", "moderator", "umpire", "control"];

    /// <summary>The name to show, or a refusal (code, message) saying what is wrong with it.</summary>
    public static (string? Name, string? Code, string? Message) Check(string? displayName)
    {
        var name = (displayName ?? "").Normalize(NormalizationForm.FormC).Trim();
        if (name.Length == 0)
            return (null, "display-name-required", "Please enter a name to show the other players.");
        if (name.Length > MaxLength)
            return (null, "display-name-too-long", $"A name can be at most {MaxLength} characters.");
        if (name.EnumerateRunes().Any(r => !Visible(r)))
            return (null, "display-name-invalid", "A name can contain only visible letters, digits, punctuation, symbols and spaces.");
        var folded = new string([.. name.Where(char.IsLetterOrDigit)]).ToLowerInvariant();
        if (folded.Length == 0)
            return (null, "display-name-invalid", "A name needs at least one letter or digit.");
        if (Reserved.Contains(folded) || name.Contains("(bot)", StringComparison.OrdinalIgnoreCase))
            return (null, "display-name-reserved", $"\"{name}\" is reserved for the game itself; choose your own name.");
        return (name, null, null);
    }

    private static bool Visible(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned => false,
        // Only the plain space separates words: no-break and ideographic spaces are fine, other widths hide length.
        UnicodeCategory.SpaceSeparator => rune.Value is ' ' or '\u00A0' or '\u3000',
        _ => true,
    };
}
