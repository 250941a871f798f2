using GeoPrevention.Geo;

namespace GeoPrevention.MapHost.Cli;

/// <summary>Process exit codes of the <c>geoprevention</c> tool (documented in docs/cli.md).</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The command ran, but found blocking data-quality problems (e.g. strict join mismatches).</summary>
    public const int Findings = 1;

    /// <summary>Wrong command-line usage.</summary>
    public const int Usage = 2;

    /// <summary>An input file could not be read (format, encoding, CRS).</summary>
    public const int InputError = 3;

    /// <summary>An output could not be written.</summary>
    public const int OutputError = 4;

    /// <summary>
    /// <c>intake</c>: the delivery has blocking findings (missing or unknown keys, text cells, numerator above
    /// denominator, ...); nothing was accepted. Distinct from <see cref="Findings"/> so scripts can tell a rejected
    /// delivery from an invalid atlas.
    /// </summary>
    public const int DeliveryRejected = 5;

    /// <summary>
    /// <c>intake --accept</c>: the delivered file was changed, replaced or removed between the check and the accept
    /// (<see cref="GeoPrevention.Analytics.Collection.DeliveryChangedException"/>); nothing was accepted. Check again.
    /// </summary>
    public const int DeliveryChanged = 6;

    /// <summary>Any other error.</summary>
    public const int Internal = 70;

    /// <summary>
    /// Writes an exception to standard error and maps it to an exit code: usage mistakes (bad option, unknown
    /// indicator, year, layer or area) → 2; an invalid atlas → 1; unreadable input → 3; unwritable output → 4; a
    /// delivery changed between check and accept → 6; else 70.
    /// </summary>
    /// <param name="ex">The exception.</param>
    public static int Report(Exception ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        Console.Error.WriteLine($"geoprevention: {ex.Message}");
        return ex switch
        {
            Spectre.Console.Cli.CommandParseException or Spectre.Console.Cli.CommandRuntimeException => Usage,
            GeoPrevention.Analytics.Atlas.AtlasValidationException => Findings,
            GeoPrevention.Analytics.Collection.DeliveryChangedException => DeliveryChanged,
            KeyNotFoundException => Usage,
            GeoDataFormatException or UnknownCrsException or FileNotFoundException or DirectoryNotFoundException => InputError,
            UnauthorizedAccessException or IOException => OutputError,
            ArgumentException => Usage,
            _ => Internal,
        };
    }
}
