using System.Globalization;

namespace GeoPrevention.Analytics.Privacy;

/// <summary>Addresses one count cell of a release: table, unit key, year and category.</summary>
/// <param name="Table">The table name.</param>
/// <param name="Key">The unit key.</param>
/// <param name="Year">The year.</param>
/// <param name="Category">The category (default <see cref="CountTable.DefaultCategory"/>).</param>
public readonly record struct CountCell(string Table, string Key, int Year, string Category = CountTable.DefaultCategory);

/// <summary>
/// A value as it may be published: either a number (<see cref="Status"/> = <see cref="CellStatus.Published"/>) or no
/// number and the reason. A suppressed value never carries its number.
/// </summary>
public readonly struct PublishedValue : IEquatable<PublishedValue>
{
    private PublishedValue(double? value, CellStatus status)
    {
        Value = value;
        Status = status;
    }

    /// <summary>The published number, or null when the value is not published.</summary>
    public double? Value { get; }

    /// <summary>Published, or why not.</summary>
    public CellStatus Status { get; }

    /// <summary>True when <see cref="Value"/> holds a number.</summary>
    public bool IsPublished => Status == CellStatus.Published;

    /// <summary>Compares two published values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when number and status are equal.</returns>
    public static bool operator ==(PublishedValue left, PublishedValue right) => left.Equals(right);

    /// <summary>Compares two published values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when number or status differ.</returns>
    public static bool operator !=(PublishedValue left, PublishedValue right) => !left.Equals(right);

    /// <summary>Formats for people or machines: the number, or the sign of German official statistics
    /// (DIN 55301): "." for a suppressed value (secret or unknown), "x" for an undefined one (denominator zero).</summary>
    /// <param name="format">A numeric format string (e.g. "N1"), or null.</param>
    /// <param name="provider">The culture: de-DE for people, invariant for machine output.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> is null.</exception>
    public string Format(string? format, IFormatProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return Status switch
        {
            CellStatus.Published => Value!.Value.ToString(format, provider),
            CellStatus.Undefined => "x",
            _ => ".",
        };
    }

    /// <summary>Invariant text: the number in round-trip form, "." or "x".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Format("R", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public bool Equals(PublishedValue other) => Status == other.Status && Nullable.Equals(Value, other.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PublishedValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Value, Status);

    internal static PublishedValue Of(double value) => new(value, CellStatus.Published);

    internal static PublishedValue Withheld(CellStatus status) => new(null, status);
}
