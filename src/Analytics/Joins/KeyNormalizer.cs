namespace GeoPrevention.Analytics.Joins;

/// <summary>How <see cref="KeyNormalizer"/> rewrites keys before they are compared.</summary>
public sealed class KeyNormalizationOptions
{
    /// <summary>Only trims white space (the default for joins).</summary>
    public static KeyNormalizationOptions TrimOnly { get; } = new();

    /// <summary>
    /// German municipality keys: trim, drop a trailing <c>.0</c> (Excel numbers), pad 7-digit keys to 8 (lost leading
    /// zero: <c>5570004</c> → <c>05570004</c>), pad 11-digit keys to 12, and turn 12-digit ARS into 8-digit AGS.
    /// </summary>
    public static KeyNormalizationOptions Ags { get; } = new() { StripDecimalZero = true, PadAgs = true, ArsToAgs = true };

    /// <summary>Trim leading and trailing white space (default <see langword="true"/>).</summary>
    public bool Trim { get; init; } = true;

    /// <summary>Remove all inner white space (e.g. <c>05 570 004</c>); default <see langword="false"/>.</summary>
    public bool RemoveInnerSpaces { get; init; }

    /// <summary>Drop a trailing <c>.0</c> or <c>,0</c> after digits (a key stored as an Excel number); default <see langword="false"/>.</summary>
    public bool StripDecimalZero { get; init; }

    /// <summary>Pad all-digit keys of length 7 to 8 and 11 to 12 with one leading zero (AGS/ARS of Länder 01–09); default <see langword="false"/>.</summary>
    public bool PadAgs { get; init; }

    /// <summary>Turn a 12-digit ARS into the 8-digit AGS: ARS[0..5] + ARS[9..12]; default <see langword="false"/>.</summary>
    public bool ArsToAgs { get; init; }

    /// <summary>Pad all-digit keys shorter than this with leading zeros (0 = off), e.g. 5 for Kreis keys.</summary>
    public int PadToLength { get; init; }

    /// <summary>Compare case-insensitively by upper-casing keys (invariant); default <see langword="false"/>.</summary>
    public bool UpperCase { get; init; }
}

/// <summary>Normalises keys (AGS, ARS, district ids) so that equal keys compare equal.</summary>
/// <remarks>
/// Rules, applied in this order (each only when switched on in <see cref="KeyNormalizationOptions"/>):
/// <list type="number">
/// <item>Trim white space (also NBSP); remove inner white space.</item>
/// <item>Drop a trailing <c>.0</c>/<c>,0</c> (any number of zeros) after digits.</item>
/// <item>Pad all-digit keys: length 7 → 8 and 11 → 12 (<see cref="KeyNormalizationOptions.PadAgs"/>), then to
/// <see cref="KeyNormalizationOptions.PadToLength"/>.</item>
/// <item>All-digit 12-character ARS → AGS = ARS[0..5] + ARS[9..12] (<c>055700004004</c> → <c>05570004</c>).</item>
/// <item>Upper-case (invariant).</item>
/// </list>
/// Keys that are not all digits (e.g. <c>DG</c>, <c>SR000124</c>) pass the digit rules unchanged.
/// </remarks>
public static class KeyNormalizer
{
    /// <summary>Normalises one key; <see langword="null"/> and blank keys give <see langword="null"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="options">The rules to apply.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static string? Normalize(string? key, KeyNormalizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (key is null)
        {
            return null;
        }

        var k = key;
        if (options.Trim)
        {
            k = k.Trim().Trim('\u00A0', '\u202F', '\uFEFF').Trim();
        }

        if (options.RemoveInnerSpaces && k.AsSpan().IndexOfAny(' ', '\u00A0', '\u202F') >= 0)
        {
            k = string.Concat(k.Where(c => c is not (' ' or '\u00A0' or '\u202F')));
        }

        if (k.Length == 0)
        {
            return null;
        }

        if (options.StripDecimalZero)
        {
            var sep = k.AsSpan().IndexOfAny('.', ',');
            if (sep > 0 && IsDigits(k.AsSpan(0, sep)) && k.AsSpan(sep + 1).Length > 0 && !k.AsSpan(sep + 1).ContainsAnyExcept('0'))
            {
                k = k[..sep];
            }
        }

        if (IsDigits(k))
        {
            if (options.PadAgs && k.Length is 7 or 11)
            {
                k = "0" + k;
            }

            if (options.PadToLength > k.Length)
            {
                k = k.PadLeft(options.PadToLength, '0');
            }

            if (options.ArsToAgs && k.Length == 12)
            {
                k = string.Concat(k.AsSpan(0, 5), k.AsSpan(9, 3));
            }
        }

        return options.UpperCase ? k.ToUpperInvariant() : k;
    }

    /// <summary>Normalises an 8-digit AGS (or a 12-digit ARS, or a 7-digit AGS that lost its leading zero) with <see cref="KeyNormalizationOptions.Ags"/>.</summary>
    /// <param name="key">The key.</param>
    public static string? NormalizeAgs(string? key) => Normalize(key, KeyNormalizationOptions.Ags);

    /// <summary>Normalises many keys.</summary>
    /// <param name="keys">The keys.</param>
    /// <param name="options">The rules.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string?[] Normalize(IReadOnlyList<string?> keys, KeyNormalizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(options);
        var result = new string?[keys.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Normalize(keys[i], options);
        }

        return result;
    }

    private static bool IsDigits(ReadOnlySpan<char> s) => s.Length > 0 && !s.ContainsAnyExceptInRange('0', '9');
}
