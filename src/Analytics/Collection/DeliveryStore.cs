using System.Globalization;
using System.Text;
using GeoPrevention.Analytics.Tables;

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
/// Accepts checked deliveries into an atlas as immutable vintages. Rules, in order:
/// <list type="number">
/// <item>Only a result without blocking findings, with a supplier and a year, is accepted; the delivered file must
/// still have the SHA-256 it had when it was checked.</item>
/// <item>The district rows and the supplier columns are written as
/// <c>&lt;atlas&gt;/deliveries/&lt;table&gt;/&lt;year&gt;/&lt;supplier&gt;_&lt;yyyyMMddTHHmmssZ&gt;.csv</c> in the table's dialect
/// (delimiter, decimal separator, encoding from the manifest; UTF-8 with byte-order mark by default): key, year, then
/// the columns; counts as whole numbers, suppressed cells with their original token, empty cells empty.</item>
/// <item>The file is written to a temporary file in the same folder and renamed to its final name without
/// overwriting: an existing vintage of the same name (same supplier and second) is never replaced — the accept fails.</item>
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
    /// <exception cref="InvalidOperationException">The result has blocking findings, or no supplier or year, or the file changed since the check.</exception>
    /// <exception cref="IOException">A vintage of the same name exists, or a file cannot be written.</exception>
    public static DeliveryLogEntry Accept(IntakeResult result) => Accept(result, new DeliveryAcceptOptions());

    /// <summary>Accepts a checked delivery (rules in the class summary).</summary>
    /// <param name="result">The intake result.</param>
    /// <param name="options">Who delivered and when it is accepted.</param>
    /// <returns>The log entry written.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">The result has blocking findings, or no supplier or year, or the file changed since the check.</exception>
    /// <exception cref="IOException">A vintage of the same name exists, or a file cannot be written.</exception>
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

        if (!string.Equals(DeliveryLog.Sha256Of(result.SourcePath), result.SourceSha256, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The file '{result.SourcePath}' changed after it was checked; check it again before accepting.");
        }

        var accepted = (options.AcceptedAt ?? DateTimeOffset.UtcNow).ToUniversalTime();
        accepted = new DateTimeOffset(accepted.Ticks - (accepted.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var atlasDir = result.Manifest.BaseDirectory;
        var deliveries = Path.Combine(atlasDir, DeliveryLog.FolderName);
        var id = supplier.Id + "_" + DeliveryLog.Stamp(accepted);
        var relative = $"{DeliveryLog.FolderName}/{spec.Id}/{year.ToString(CultureInfo.InvariantCulture)}/{id}.csv";
        var target = Path.Combine(atlasDir, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        using var gate = Lock(deliveries);
        if (File.Exists(target))
        {
            throw new IOException($"The vintage '{relative}' exists already; vintages are never overwritten. Accept again a second later.");
        }

        var encoding = spec.Encoding is null || spec.Encoding.Equals("utf-8", StringComparison.OrdinalIgnoreCase) ? DeliveryLog.Utf8Bom : Encoding.GetEncoding(spec.Encoding);
        WriteNew(target, [.. encoding.GetPreamble(), .. encoding.GetBytes(VintageText(result, spec.Delimiter, spec.DecimalSeparator))]);
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

        var log = DeliveryLog.Read(atlasDir);
        var updated = log with { Deliveries = [.. log.Deliveries, entry] };
        var logPath = DeliveryLog.PathOf(atlasDir);
        var temp = TempBeside(logPath);
        try
        {
            File.WriteAllText(temp, updated.ToJson(), new UTF8Encoding(false));
            File.Move(temp, logPath, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        return entry;
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
            sb.Append(Quote(row.Key, delimiter)).Append(delimiter).Append(year);
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var cell = row.Cells[i];
                sb.Append(delimiter).Append(cell.Status switch
                {
                    CellStatus.Value when types[i] == Atlas.AtlasValueType.Count => cell.Value.ToString("0", CultureInfo.InvariantCulture),
                    CellStatus.Value => Quote(cell.Value.ToString("R", CultureInfo.InvariantCulture).Replace('.', decimalSeparator), delimiter),
                    CellStatus.SuppressedAtSource => Quote(cell.SourceText ?? "x", delimiter),
                    _ => "",
                });
            }

            sb.Append("\r\n");
        }

        return sb.ToString();
    }

    private static string Quote(string s, char delimiter) =>
        s.Contains(delimiter, StringComparison.Ordinal) || s.AsSpan().IndexOfAny("\"\r\n") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    private static void WriteNew(string target, byte[] bytes)
    {
        var temp = TempBeside(target);
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, target, overwrite: false);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private static string TempBeside(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..12]}.tmp");

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
