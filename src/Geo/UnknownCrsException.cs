namespace GeoPrevention.Geo;

/// <summary>
/// Thrown when a coordinate reference system is neither one of the built-in definitions nor parseable
/// WKT, or when coordinates fit no plausible CRS and none was given.
/// </summary>
public sealed class UnknownCrsException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="description">What was given (EPSG code, WKT excerpt, file name).</param>
    /// <param name="message">Why it could not be used.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public UnknownCrsException(string description, string message, Exception? innerException = null)
        : base($"{description}: {message}", innerException)
    {
        Description = description;
    }

    /// <summary>What was given.</summary>
    public string Description { get; }
}
