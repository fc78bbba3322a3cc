using Wargame.Domain.Roles;

namespace Wargame.Domain.Adjudication;

/// <summary>
/// The engine's only randomness. Each draw gets its own sub-seed from (game seed, turn, draw kind, subject)
/// through SplitMix64, so adding or reordering one draw never changes another. Rolls are d10000 integers.
/// </summary>
public static class Dice
{
    /// <summary>A d10000 roll, 1..10000, for one named draw.</summary>
    public static int Roll(ulong seed, int turn, string kind, string subject) => Draw(seed, turn, kind, subject, 10_000) + 1;

    /// <summary>A uniform draw in 0..<paramref name="sides"/>-1 for one named draw.</summary>
    public static int Draw(ulong seed, int turn, string kind, string subject, int sides)
    {
        var x = Mix(seed ^ Mix((ulong)(uint)turn + 0x9E3779B97F4A7C15UL));
        x = Mix(x ^ Fnv(kind));
        x = Mix(x ^ Fnv(subject) ^ 0xD1B54A32D192ED03UL);
        return (int)Math.BigMul(x, (ulong)sides, out _);
    }

    public static int Roll(ulong seed, int turn, string kind, Role subject) => Roll(seed, turn, kind, subject.ToString());

    /// <summary>Probability to basis points, rounded, within 0..10000.</summary>
    public static int ToBasisPoints(double probability) => (int)Math.Round(Math.Clamp(probability, 0, 1) * 10_000, MidpointRounding.AwayFromZero);

    /// <summary>SplitMix64's finaliser (Steele, Lea &amp; Flood 2014).</summary>
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>FNV-1a over UTF-16 code units: stable across runs and platforms, unlike string.GetHashCode.</summary>
    private static ulong Fnv(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 0x100000001B3UL;
        }
        return hash;
    }
}
