using System.Security.Cryptography;
using System.Text;

namespace Wargame.Server.Games;

/// <summary>
/// Facilitator keys and seat tokens (256 random bits each, only their hashes stored), short join codes to read
/// aloud (about 40 bits; failed joins are rate limited), and ids.
/// </summary>
internal static class Secrets
{
    // No 0/O, 1/I/L: codes are read aloud and typed by students.
    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int CodeLength = 8;

    public static string NewFacilitatorKey() => "fk_" + RandomText(32);

    public static string NewSeatToken() => "st_" + RandomText(32);

    public static string NewGameId() => "g_" + RandomText(12);

    public static string NewSeatId() => "s_" + RandomText(9);

    public static string NewJoinCode() => RandomNumberGenerator.GetString(CodeAlphabet, CodeLength);

    /// <summary>A join code as typed: case, spaces and dashes do not matter ("abcd-efgh" is "ABCDEFGH").</summary>
    public static string NormalizeCode(string? typed) =>
        new((typed ?? "").Where(c => c is not ('-' or ' ')).Select(char.ToUpperInvariant).ToArray());

    /// <summary>How a code is shown: two groups of four.</summary>
    public static string DisplayCode(string code) => code.Length == CodeLength ? $"{code[..4]}-{code[4..]}" : code;

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static ulong NewSeed() => BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));

    private static string RandomText(int bytes) => Base64Url(RandomNumberGenerator.GetBytes(bytes));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
