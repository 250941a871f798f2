using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using GeoPrevention.Geo;

namespace GeoPrevention.Analytics.Collection;

/// <summary>
/// One accepted delivery in <c>deliveries/log.json</c>: who delivered which columns of which table for which year,
/// when it was received and accepted, and where its immutable vintage file lies.
/// </summary>
public sealed record DeliveryLogEntry
{
    /// <summary>The delivery id: <c>&lt;supplier&gt;_&lt;yyyyMMddTHHmmssZ&gt;</c> (the vintage file name without extension).</summary>
    public required string Id { get; init; }

    /// <summary>The supplier id (from the atlas manifest).</summary>
    public required string Supplier { get; init; }

    /// <summary>The atlas table the delivery belongs to.</summary>
    public required string Table { get; init; }

    /// <summary>The reporting year.</summary>
    public required int Year { get; init; }

    /// <summary>The vintage file, relative to the atlas folder, with forward slashes.</summary>
    public required string File { get; init; }

    /// <summary>SHA-256 of the vintage file (lower-case hex); the loader refuses a vintage whose bytes changed.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Who delivered (person or office, as given with <c>--by</c>), if known.</summary>
    public string? DeliveredBy { get; init; }

    /// <summary>When the delivered file was received (its last-write time), UTC.</summary>
    public required DateTimeOffset ReceivedUtc { get; init; }

    /// <summary>When the delivery was accepted, UTC; the later accepted delivery wins per key, year and column.</summary>
    public required DateTimeOffset AcceptedUtc { get; init; }

    /// <summary>The name of the delivered file (without folder).</summary>
    public required string SourceFile { get; init; }

    /// <summary>SHA-256 of the delivered file (lower-case hex).</summary>
    public required string SourceSha256 { get; init; }

    /// <summary>District rows written to the vintage file.</summary>
    public required int Rows { get; init; }

    /// <summary>The value columns of the vintage file.</summary>
    public required IReadOnlyList<string> Columns { get; init; }
}

/// <summary>
/// The delivery log of an atlas, <c>&lt;atlas folder&gt;/deliveries/log.json</c>: the list of accepted deliveries, in
/// the order they were accepted. A missing file is an empty log. The log is only ever rewritten as a whole, atomically
/// (temporary file + rename), by <see cref="DeliveryStore.Accept(IntakeResult, DeliveryAcceptOptions)"/>.
/// </summary>
public sealed record DeliveryLog
{
    /// <summary>The folder below the atlas folder that holds vintages and the log.</summary>
    public const string FolderName = "deliveries";

    /// <summary>The log file name inside <see cref="FolderName"/>.</summary>
    public const string FileName = "log.json";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The accepted deliveries in acceptance order.</summary>
    public IReadOnlyList<DeliveryLogEntry> Deliveries { get; init; } = [];

    /// <summary>The log file of an atlas folder.</summary>
    /// <param name="atlasDirectory">The folder holding <c>atlas.json</c>.</param>
    /// <returns>The full path of <c>deliveries/log.json</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="atlasDirectory"/> is null.</exception>
    public static string PathOf(string atlasDirectory)
    {
        ArgumentNullException.ThrowIfNull(atlasDirectory);
        return Path.Combine(atlasDirectory, FolderName, FileName);
    }

    /// <summary>Reads the log of an atlas folder; an atlas without deliveries has an empty log.</summary>
    /// <param name="atlasDirectory">The folder holding <c>atlas.json</c>.</param>
    /// <returns>The log.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="atlasDirectory"/> is null.</exception>
    /// <exception cref="GeoDataFormatException">The log is not valid JSON or lacks required fields.</exception>
    public static DeliveryLog Read(string atlasDirectory)
    {
        var path = PathOf(atlasDirectory);
        if (!System.IO.File.Exists(path))
        {
            return new DeliveryLog();
        }

        try
        {
            return JsonSerializer.Deserialize<DeliveryLog>(System.IO.File.ReadAllText(path), Json) ?? new DeliveryLog();
        }
        catch (JsonException ex)
        {
            throw new GeoDataFormatException(path, "the delivery log is not valid: " + ex.Message, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, ex);
        }
    }

    /// <summary>The log as indented JSON (UTF-8 text, readable umlauts).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>SHA-256 of a file as lower-case hex.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The hash.</returns>
    internal static string Sha256Of(string path)
    {
        using var stream = System.IO.File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The UTC time stamp used in delivery ids (<c>yyyyMMddTHHmmssZ</c>).</summary>
    /// <param name="time">The time.</param>
    /// <returns>The stamp.</returns>
    internal static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    internal static Encoding Utf8Bom { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
}
