using System.Globalization;

namespace GeoPrevention.Analytics.Tables;

/// <summary>What a single cell says about the decimal separator of its column.</summary>
internal enum DecimalEvidence : byte
{
    /// <summary>Not a number.</summary>
    NotNumber,

    /// <summary>An integer without any separator: no evidence.</summary>
    Integer,

    /// <summary>A number that only parses with a decimal comma.</summary>
    Comma,

    /// <summary>A number that only parses with a decimal point.</summary>
    Point,

    /// <summary>A number with one <c>,</c> or <c>.</c> followed by exactly three digits: either reading is possible.</summary>
    Ambiguous,
}

/// <summary>Parses numbers written the German or the English way, with thousands separators.</summary>
internal static class GermanNumber
{
    /// <summary>Whether a character is white space used around or inside numbers (space, NBSP, narrow NBSP, tab).</summary>
    public static bool IsSpace(char c) => c is ' ' or '\u00A0' or '\u202F' or '\t';

    /// <summary>Trims spaces, NBSP and narrow NBSP.</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> s)
    {
        var a = 0;
        var b = s.Length;
        while (a < b && IsSpace(s[a]))
        {
            a++;
        }

        while (b > a && IsSpace(s[b - 1]))
        {
            b--;
        }

        return s[a..b];
    }

    /// <summary>Classifies a trimmed cell by what it tells about the decimal separator.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static DecimalEvidence Classify(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return DecimalEvidence.NotNumber;
        }

        var commaOk = TryParse(s, ',', out _);
        var pointOk = TryParse(s, '.', out _);
        if (commaOk && pointOk)
        {
            return s.IndexOfAny(',', '.') < 0 ? DecimalEvidence.Integer : DecimalEvidence.Ambiguous;
        }

        if (commaOk)
        {
            return DecimalEvidence.Comma;
        }

        return pointOk ? DecimalEvidence.Point : DecimalEvidence.NotNumber;
    }

    /// <summary>
    /// Parses a trimmed number with the given decimal separator. The other of <c>,</c>/<c>.</c> and space, NBSP
    /// and narrow NBSP are accepted as thousands separators, but only between complete groups of three digits
    /// (<c>1.234.567</c>, <c>1 234,5</c>); an exponent is accepted only without thousands separators.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<char> s, char decimalSeparator, out double value)
    {
        value = 0;
        var n = s.Length;
        if (n == 0)
        {
            return false;
        }

        var thousands = decimalSeparator == ',' ? '.' : ',';
        Span<char> buf = n <= 128 ? stackalloc char[n + 1] : new char[n + 1];
        var len = 0;
        var i = 0;
        if (s[0] is '-' or '+' or '\u2212')
        {
            buf[len++] = s[0] == '+' ? '+' : '-';
            i = 1;
        }

        // Integer part: digits, optionally grouped by a thousands separator.
        var groupDigits = 0;
        var firstGroup = true;
        var sawGroupSeparator = false;
        var intDigits = 0;
        long fast = 0;
        for (; i < n; i++)
        {
            var c = s[i];
            if (c is >= '0' and <= '9')
            {
                buf[len++] = c;
                groupDigits++;
                intDigits++;
                fast = (fast * 10) + (c - '0');
                continue;
            }

            if (c == thousands || c is ' ' or '\u00A0' or '\u202F')
            {
                if (groupDigits == 0 || (firstGroup ? groupDigits > 3 : groupDigits != 3))
                {
                    return false;
                }

                sawGroupSeparator = true;
                firstGroup = false;
                groupDigits = 0;
                continue;
            }

            break;
        }

        if (intDigits == 0 && (i >= n || s[i] != decimalSeparator))
        {
            return false;
        }

        if (sawGroupSeparator && groupDigits != 3)
        {
            return false;
        }

        if (i == n)
        {
            if (intDigits <= 15)
            {
                value = buf[0] == '-' ? -fast : fast;
                return true;
            }

            return double.TryParse(buf[..len], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        if (s[i] == decimalSeparator)
        {
            buf[len++] = '.';
            i++;
            var fracDigits = 0;
            while (i < n && s[i] is >= '0' and <= '9')
            {
                buf[len++] = s[i++];
                fracDigits++;
            }

            if (fracDigits == 0 && intDigits == 0)
            {
                return false;
            }
        }

        if (i < n && s[i] is 'e' or 'E' && !sawGroupSeparator)
        {
            buf[len++] = 'e';
            i++;
            if (i < n && s[i] is '-' or '+')
            {
                buf[len++] = s[i++];
            }

            var expDigits = 0;
            while (i < n && s[i] is >= '0' and <= '9')
            {
                buf[len++] = s[i++];
                expDigits++;
            }

            if (expDigits == 0)
            {
                return false;
            }
        }

        if (i != n)
        {
            return false;
        }

        return double.TryParse(buf[..len], NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Whether a trimmed cell is a censoring bound such as <c>&lt;3</c>, <c>&lt; 5</c> or <c>≤3</c>.</summary>
    public static bool IsCensoringBound(ReadOnlySpan<char> s)
    {
        if (s.Length < 2 || s[0] is not ('<' or '≤' or '>'))
        {
            return false;
        }

        var rest = Trim(s[1..]);
        if (rest.Length > 0 && rest[0] == '=')
        {
            rest = Trim(rest[1..]);
        }

        return TryParse(rest, ',', out _) || TryParse(rest, '.', out _);
    }
}
