using GeoPrevention.Analytics.Tables;

namespace GeoPrevention.Analytics.Joins;

/// <summary>Options for <see cref="TableJoin"/>.</summary>
public sealed class JoinOptions
{
    /// <summary>The key column of the table.</summary>
    public required string TableKeyColumn { get; init; }

    /// <summary>Join only the rows of this year; <see langword="null"/> joins all rows (one pair per year).</summary>
    public int? Year { get; init; }

    /// <summary>The year column; <see langword="null"/> uses the column named <c>year</c>, <c>jahr</c> or <c>berichtsjahr</c> if any.</summary>
    public string? YearColumn { get; init; }

    /// <summary>How keys of both sides are normalised before matching (default: trim only).</summary>
    public KeyNormalizationOptions KeyNormalization { get; init; } = KeyNormalizationOptions.TrimOnly;

    /// <summary>Throw <see cref="JoinMismatchException"/> on any unmatched, missing or duplicate key (default <see langword="false"/>).</summary>
    public bool Strict { get; init; }

    /// <summary>Look for near-matches of unmatched keys (default <see langword="true"/>).</summary>
    public bool FindNearMatches { get; init; } = true;

    /// <summary>The largest edit distance for a near-match of keys that contain letters (names); default 2.</summary>
    public int MaxEditDistance { get; init; } = 2;
}

/// <summary>A side of a join.</summary>
public enum JoinSide
{
    /// <summary>The district layer (or list of layer keys).</summary>
    Layer,

    /// <summary>The indicator table.</summary>
    Table,
}

/// <summary>One matched pair.</summary>
/// <param name="LayerIndex">0-based feature index.</param>
/// <param name="TableRow">0-based row of the (unfiltered) table.</param>
public readonly record struct JoinPair(int LayerIndex, int TableRow);

/// <summary>A key without partner on the other side.</summary>
/// <param name="Side">The side the key is on.</param>
/// <param name="Key">The key as read.</param>
/// <param name="NormalizedKey">The key after normalisation (what was compared).</param>
/// <param name="Index">0-based feature index (layer) or table row.</param>
/// <param name="Line">The table source line (table side), else <see langword="null"/>.</param>
public sealed record UnmatchedKey(JoinSide Side, string Key, string NormalizedKey, int Index, int? Line);

/// <summary>A key that occurs more than once on one side (for the table: per year).</summary>
/// <param name="Side">The side.</param>
/// <param name="Key">The normalised key.</param>
/// <param name="Indices">0-based feature indices or table rows.</param>
/// <param name="Lines">Table source lines (empty for the layer side).</param>
public sealed record DuplicateKey(JoinSide Side, string Key, IReadOnlyList<int> Indices, IReadOnlyList<int> Lines);

/// <summary>Why an unmatched key was suggested as a near-match.</summary>
public enum NearMatchReason
{
    /// <summary>Equal after AGS normalisation: leading zero, ARS vs AGS, spaces, <c>.0</c>, case.</summary>
    KeyNormalization,

    /// <summary>Equal after folding umlauts (ä → ae, ß → ss), accents, case and punctuation.</summary>
    Transliteration,

    /// <summary>Within the edit distance after folding (keys with letters only).</summary>
    EditDistance,
}

/// <summary>A suggestion that an unmatched table key means an unmatched layer key.</summary>
/// <param name="TableKey">The unmatched table key.</param>
/// <param name="TableLine">Its source line.</param>
/// <param name="LayerKey">The unmatched layer key it resembles.</param>
/// <param name="LayerIndex">The layer feature index.</param>
/// <param name="Reason">Why they resemble each other.</param>
/// <param name="Distance">The edit distance after folding (0 for the first two reasons).</param>
public sealed record NearMatch(string TableKey, int TableLine, string LayerKey, int LayerIndex, NearMatchReason Reason, int Distance);

/// <summary>Thrown by a strict join (<see cref="JoinOptions.Strict"/>) on any mismatch; the message lists the keys.</summary>
public sealed class JoinMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="result">The join result with all diagnostics.</param>
    /// <param name="message">The message listing the keys.</param>
    public JoinMismatchException(JoinResult result, string message)
        : base(message)
    {
        Result = result;
    }

    /// <summary>The full join result.</summary>
    public JoinResult Result { get; }
}
