namespace GeoPrevention.Analytics.Tables;

/// <summary>Writing CSV fields that <see cref="TableReader.ReadCsv(string, CsvReadOptions?)"/> (and spreadsheet programs) read back unchanged.</summary>
public static class CsvField
{
    /// <summary>
    /// The field as written in a CSV line (RFC 4180): unchanged, unless it contains the delimiter, a double quote or a
    /// line break; then it is enclosed in double quotes with inner quotes doubled.
    /// </summary>
    /// <param name="value">The field's text.</param>
    /// <param name="delimiter">The file's delimiter (default <c>;</c>, as in German CSV).</param>
    /// <returns>The text to write.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static string Quote(string value, char delimiter = ';')
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Contains(delimiter, StringComparison.Ordinal) || value.AsSpan().IndexOfAny("\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
