using System.Globalization;

namespace Wargame.Domain.Adjudication;

/// <summary>
/// Number formatting for explanations through integer arithmetic: a resolution writes hundreds of numbers,
/// and .NET's custom and percent formats cost most of a turn's time (see the benchmarks).
/// </summary>
internal static class Fmt
{
    public static string One(double x) => Fixed(x, 1);

    public static string Two(double x) => Fixed(x, 2);

    public static string Three(double x) => Fixed(x, 3);

    /// <summary>A constant as people write it, up to three decimals without trailing zeros: 0.6, 2, 1000.</summary>
    public static string Short(double x)
    {
        if (x == Math.Floor(x) && Math.Abs(x) < 1e15)
            return ((long)x).ToString(CultureInfo.InvariantCulture);
        var text = Three(x);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }

    /// <summary>Percent without decimals: 0.613 -> "61%".</summary>
    public static string Pct(double x) => ((long)Math.Round(x * 100, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture) + "%";

    /// <summary>Percent with one decimal: 0.0613 -> "6.1%".</summary>
    public static string Pct1(double x) => Fixed(x * 100, 1) + "%";

    /// <summary>Whole number with thousands separators: 12500 -> "12,500".</summary>
    public static string Int(double x)
    {
        var n = (long)Math.Round(x, MidpointRounding.AwayFromZero);
        var digits = Math.Abs(n).ToString(CultureInfo.InvariantCulture);
        if (digits.Length <= 3)
            return n < 0 ? "-" + digits : digits;
        var groups = (digits.Length - 1) / 3;
        Span<char> buffer = stackalloc char[digits.Length + groups + 1];
        var at = buffer.Length;
        for (int i = digits.Length - 1, count = 0; i >= 0; i--, count++)
        {
            if (count > 0 && count % 3 == 0)
                buffer[--at] = ',';
            buffer[--at] = digits[i];
        }
        if (n < 0)
            buffer[--at] = '-';
        return new string(buffer[at..]);
    }

    private static string Fixed(double x, int decimals)
    {
        if (!double.IsFinite(x))
            return x.ToString(CultureInfo.InvariantCulture);
        var scale = decimals switch { 1 => 10L, 2 => 100L, _ => 1000L };
        var scaled = (long)Math.Round(Math.Abs(x) * scale, MidpointRounding.AwayFromZero);
        var whole = (scaled / scale).ToString(CultureInfo.InvariantCulture);
        var fraction = (scaled % scale).ToString(CultureInfo.InvariantCulture).PadLeft(decimals, '0');
        return (x < 0 && scaled != 0 ? "-" : "") + whole + "." + fraction;
    }
}
