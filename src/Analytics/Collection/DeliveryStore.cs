using System.Globalization;
using System.Text;
using GeoPrevention.Analytics.Tables;
using GeoPrevention.Geo.IO;

namespace GeoPrevention.Analytics.Collection;

/// <summary>Options of <see cref="DeliveryStore.Accept(IntakeResult, DeliveryAcceptOptions)"/>.</summary>
public sealed class DeliveryAcceptOptions
{
    /// <summary>Who delivered (person or office), recorded in the log.</summary>
    public string? DeliveredBy { get; init; }

    /// <summary>The acceptance time; <see langword="null"/> takes the current UTC time. Fixed times make tests reproducible.</summary>
    public DateTimeOffset? AcceptedAt { get; init; }
}

/// <summary>
/// The delivered file was changed, replaced or removed between the intake check and the accept: what would be accepted
/// is not what was checked. The message is German, for the person at the CLI; the remedy is to check the file again.
/// </summary>
public sealed class DeliveryChangedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The delivered file.</param>
    /// <param name="checkedSha256">Its SHA-256 at the check.</param>
    /// <param name="currentSha256">Its SHA-256 now, or <see langword="null"/> when it no longer exists.</param>
    public DeliveryChangedException(string path, string checkedSha256, string? currentSha256)
        : base(currentSha256 is null
            ? $"Die Lieferung '{path}' ist seit der Eingangsprüfung verschwunden; nichts wurde angenommen. Bitte die Datei erneut prüfen und annehmen."
            : $"Die Lieferung '{path}' wurde nach der Eingangsprüfung verändert (SHA-256 bei der Prüfung {checkedSha256[..12]}…, jetzt {currentSha256[..12]}…); nichts wurde angenommen. Bitte die Datei erneut prüfen und annehmen.")
    {
        FilePath = path;
        CheckedSha256 = checkedSha256;
        CurrentSha256 = currentSha256;
    }

    /// <summary>The delivered file.</summary>
    public string FilePath { get; }

    /// <summary>Its SHA-256 at the check.</summary>
    public string CheckedSha256 { get; }

    /// <summary>Its SHA-256 at the accept, or <see langword="null"/> when it no longer exists.</summary>
    public string? CurrentSha256 { get; }
}

/// <summary>
/// Accepts checked deliveries into an atlas as immutable vintages. Rules, in order:
/// <list type="number">
/// <item>Only a result without blocking findings, with a supplier and a year, is accepted; the delivered file must
/// still have the SHA-256 it had when it was checked (else <see cref="DeliveryChangedException"/>).</item>
/// <item>The district rows and the supplier columns are written as
/// <c>&lt;atlas&gt;/deliveries/&lt;table&gt;/&lt;year&gt;/&lt;supplier&gt;_&lt;yyyyMMddTHHmmssZ&gt;.csv</c> in the table's dialect
/// (delimiter, decimal separator, encoding from the manifest; UTF-8 with byte-order mark by default): key, year, then
/// the columns; counts as whole numbers, suppressed cells with their original token, empty cells empty.</item>
/// <item>The file is written to a temporary file in the same folder and renamed to its final name without
/// overwriting: an existing vintage is never replaced. A second accept by the same supplier within the same second
/// gets the id <c>&lt;supplier&gt;_&lt;stamp&gt;_2</c> (then <c>_3</c>, …; a name is taken when its file exists or the
/// log has its id), which sorts after the first one both as id and as file name; the log order stays the truth.</item>
/// <item>Then the log <c>deliveries/log.json</c> is rewritten as a whole into a temporary file and renamed over the
/// old one (atomic on one file system). A crash between the two steps leaves an unregistered vintage file, which the
/// atlas ignores.</item>
/// <item>A lock file (<c>deliveries/.lock</c>, opened exclusively) serialises concurrent accepts on one atlas.</item>
/// </list>
/// Nothing else in the atlas folder is touched: the base tables and <c>atlas.json</c> stay as they are; the atlas
/// loader lays the registered vintages over the base table (the latest accepted delivery wins per key, year and column).
/// </summary>
public static class DeliveryStore
{
    /// <summary>Accepts a checked delivery with default options (current time, no name).</summary>
    /// <param name="result">The intake result.</param>
    /// <returns>The log entry written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    /// <exception cref="DeliveryChangedException">The delivered file changed (or vanished) since the check.</exception>
    /// <exception cref="InvalidOperationException">The result has blocking findings, or no supplier or year.</exception>
    /// <exception cref="IOException">A file cannot be written.</exception>
    public static DeliveryLogEntry Accept(IntakeResult result) => Accept(result, new DeliveryAcceptOptions());

    /// <summary>Accepts a checked delivery (rules in the class summary).</summary>
    /// <param name="result">The intake result.</param>
    /// <param name="options">Who delivered and when it is accepted.</param>
    /// <returns>The log entry written.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="DeliveryChangedException">The delivered file changed (or vanished) since the check.</exception>
    /// <exception cref="InvalidOperationException">The result has blocking findings, or no supplier or year.</exception>
    /// <exception cref="IOException">A file cannot be written.</exception>
    public static DeliveryLogEntry Accept(IntakeResult result, DeliveryAcceptOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        if (result.HasBlocking)
        {
            throw new InvalidOperationException($"The delivery '{result.SourcePath}' has {result.Count(IntakeSeverity.Blocking)} blocking finding(s) and cannot be accepted.");
        }

        if (result.Supplier is not { } supplier || result.Table is not { } spec || result.Year is not { } year)
        {
            throw new InvalidOperationException($"The delivery '{result.SourcePath}' has no supplier or year and cannot be accepted.");
        }

        var now = File.Exists(result.SourcePath) ? DeliveryLog.Sha256Of(result.SourcePath) : null;
        if (!string.Equals(now, result.SourceSha256, StringComparison.Ordinal))
        {
            throw new DeliveryChangedException(result.SourcePath, result.SourceSha256, now);
        }

        var accepted = (options.AcceptedAt ?? DateTimeOffset.UtcNow).ToUniversalTime();
        accepted = new DateTimeOffset(accepted.Ticks - (accepted.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var atlasDir = result.Manifest.BaseDirectory;
        var deliveries = Path.Combine(atlasDir, DeliveryLog.FolderName);
        var folder = $"{DeliveryLog.FolderName}/{spec.Id}/{year.ToString(CultureInfo.InvariantCulture)}";
        Directory.CreateDirectory(Path.Combine(atlasDir, folder.Replace('/', Path.DirectorySeparatorChar)));

        using var gate = Lock(deliveries);
        var log = DeliveryLog.Read(atlasDir);
        var (id, relative, target) = FreeName(atlasDir, folder, supplier.Id + "_" + DeliveryLog.Stamp(accepted), log);

        var encoding = spec.Encoding is null || spec.Encoding.Equals("utf-8", StringComparison.OrdinalIgnoreCase) ? DeliveryLog.Utf8Bom : Encoding.GetEncoding(spec.Encoding);
        AtomicFile.WriteAllBytes(target, [.. encoding.GetPreamble(), .. encoding.GetBytes(VintageText(result, spec.Delimiter, spec.DecimalSeparator))], overwrite: false);
        var entry = new DeliveryLogEntry
        {
            Id = id,
            Supplier = supplier.Id,
            Table = spec.Id,
            Year = year,
            File = relative,
            Sha256 = DeliveryLog.Sha256Of(target),
            DeliveredBy = options.DeliveredBy,
            ReceivedUtc = result.ReceivedUtc,
            AcceptedUtc = accepted,
            SourceFile = Path.GetFileName(result.SourcePath),
            SourceSha256 = result.SourceSha256,
            Rows = result.Rows.Count,
            Columns = result.Columns,
        };

        var updated = log with { Deliveries = [.. log.Deliveries, entry] };
        var logPath = DeliveryLog.PathOf(atlasDir);
        AtomicFile.Write(logPath, temp => File.WriteAllText(temp, updated.ToJson(), new UTF8Encoding(false)));

        return entry;
    }

    /// <summary>The first free id of a vintage (rule 3): the stamp itself, else <c>_2</c>, <c>_3</c>, … appended.</summary>
    private static (string Id, string Relative, string Target) FreeName(string atlasDir, string folder, string stem, DeliveryLog log)
    {
        for (var n = 1; ; n++)
        {
            var id = n == 1 ? stem : stem + "_" + n.ToString(CultureInfo.InvariantCulture);
            var relative = $"{folder}/{id}.csv";
            var target = Path.Combine(atlasDir, relative.Replace('/', Path.DirectorySeparatorChar));
            if (!File.Exists(target) && !log.Deliveries.Any(d => string.Equals(d.Id, id, StringComparison.Ordinal)))
            {
                return (id, relative, target);
            }
        }
    }

    /// <summary>The vintage file's text (rule 2).</summary>
    internal static string VintageText(IntakeResult result, string? delimiterText, string? decimalText)
    {
        var delimiter = delimiterText is { Length: 1 } d ? d[0] : ';';
        var decimalSeparator = decimalText is { Length: 1 } s ? s[0] : delimiter == ',' ? '.' : ',';
        var types = result.Columns.Select(c => result.Supplier!.Columns.First(x => x.Column == c).Type).ToList();
        var sb = new StringBuilder();
        sb.AppendJoin(delimiter, [result.Table!.Key, result.Table.Year, .. result.Columns]).Append("\r\n");
        var year = result.Year!.Value.ToString(CultureInfo.InvariantCulture);
        foreach (var row in result.Rows)
        {
            sb.Append(CsvField.Quote(row.Key, delimiter)).Append(delimiter).Append(year);
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var cell = row.Cells[i];
                sb.Append(delimiter).Append(cell.Status switch
                {
                    CellStatus.Value when types[i] == Atlas.AtlasValueType.Count => cell.Value.ToString("0", CultureInfo.InvariantCulture),
                    CellStatus.Value => CsvField.Quote(cell.Value.ToString("R", CultureInfo.InvariantCulture).Replace('.', decimalSeparator), delimiter),
                    CellStatus.SuppressedAtSource => CsvField.Quote(cell.SourceText ?? "x", delimiter),
                    _ => "",
                });
            }

            sb.Append("\r\n");
        }

        return sb.ToString();
    }

    private static FileStream Lock(string deliveries)
    {
        Directory.CreateDirectory(deliveries);
        var path = Path.Combine(deliveries, ".lock");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 50)
            {
                Thread.Sleep(100);
            }
        }
    }
}
