namespace GeoPrevention.Geo;

/// <summary>
/// Thrown when a geodata or table file cannot be read: it is missing, truncated, syntactically broken,
/// or not of the kind required. The message names the file and, where known, the line and column
/// (text formats) or the record/feature (binary formats).
/// </summary>
public sealed class GeoDataFormatException : Exception
{
    /// <summary>Creates the exception for a file, with an optional position.</summary>
    /// <param name="filePath">The file that could not be read.</param>
    /// <param name="message">What is wrong, in one sentence.</param>
    /// <param name="line">1-based line (text formats), if known.</param>
    /// <param name="column">1-based column (text formats), if known.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public GeoDataFormatException(string filePath, string message, long? line = null, long? column = null, Exception? innerException = null)
        : base(Compose(filePath, message, line, column), innerException)
    {
        FilePath = filePath;
        Line = line;
        Column = column;
        Reason = message;
    }

    /// <summary>The file that could not be read.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line of the problem, if known.</summary>
    public long? Line { get; }

    /// <summary>The 1-based column of the problem, if known.</summary>
    public long? Column { get; }

    /// <summary>The problem without the file and position prefix.</summary>
    public string Reason { get; }

    private static string Compose(string filePath, string message, long? line, long? column)
    {
        var where = filePath;
        if (line is not null)
        {
            where += $":{line}";
            if (column is not null)
            {
                where += $":{column}";
            }
        }

        return $"{where}: {message}";
    }
}
