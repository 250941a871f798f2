using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using GeoPrevention.Geo.Crs;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;

namespace GeoPrevention.Geo.IO;

/// <summary>Reads an ESRI shapefile set (.shp/.shx/.dbf/.prj/.cpg) with NetTopologySuite.IO.Esri.Shapefile.</summary>
internal static class ShapefileLayerReader
{
    public static RawLayer Read(string shpPath, VectorReadOptions options)
    {
        CheckShpHeader(shpPath);
        var dbfPath = Sidecar(shpPath, ".dbf")
            ?? throw new GeoDataFormatException(Path.ChangeExtension(shpPath, ".dbf"), "The .dbf file of the shapefile is missing; it holds the attributes and is required.");
        if (Sidecar(shpPath, ".shx") is null)
        {
            throw new GeoDataFormatException(Path.ChangeExtension(shpPath, ".shx"), "The .shx index file of the shapefile is missing; it is required.");
        }

        var diagnostics = new List<GeoDiagnostic>();
        var encoding = ResolveEncoding(shpPath, dbfPath, options, diagnostics);
        var crs = ReadPrj(shpPath);

        var fields = new List<string>();
        var features = new List<VectorFeature>();
        var reading = shpPath;
        try
        {
            using var reader = Shapefile.OpenRead(shpPath, new ShapefileReaderOptions { Encoding = encoding, GeometryBuilderMode = GeometryBuilderMode.IgnoreInvalidShapes });
            foreach (var f in reader.Fields)
            {
                fields.Add(f.Name);
            }

            features.Capacity = reader.RecordCount;
            while (reader.Read(out var deleted))
            {
                if (deleted)
                {
                    continue;
                }

                var attributes = new Dictionary<string, object?>(fields.Count, StringComparer.Ordinal);
                for (var i = 0; i < reader.Fields.Count; i++)
                {
                    var field = reader.Fields[i];
                    attributes[field.Name] = Normalize(field.Value);
                }

                features.Add(new VectorFeature(features.Count, reader.Geometry, attributes));
            }
        }
        catch (Exception ex) when (ex is not GeoDataFormatException && (ex is IOException or ShapefileException or ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException or OverflowException or NotSupportedException))
        {
            throw new GeoDataFormatException(reading, $"The shapefile cannot be read after {features.Count.ToString(CultureInfo.InvariantCulture)} records: {ex.Message}", innerException: ex);
        }

        return new RawLayer("Shapefile", crs, false, fields, features, diagnostics);
    }

    /// <summary>Checks the 100-byte header: file code 9994 and a stated length that the file really has.</summary>
    private static void CheckShpHeader(string path)
    {
        Span<byte> header = stackalloc byte[100];
        long actual;
        int n;
        using (var s = File.OpenRead(path))
        {
            actual = s.Length;
            n = s.ReadAtLeast(header, 100, throwOnEndOfStream: false);
        }

        if (actual == 0)
        {
            throw new GeoDataFormatException(path, "The file is empty.");
        }

        if (n < 100)
        {
            throw new GeoDataFormatException(path, $"The file is truncated: {actual.ToString(CultureInfo.InvariantCulture)} bytes, shorter than the 100-byte shapefile header.");
        }

        if (BinaryPrimitives.ReadInt32BigEndian(header) != 9994)
        {
            throw new GeoDataFormatException(path, "Not a shapefile: the header does not start with file code 9994.");
        }

        var stated = BinaryPrimitives.ReadInt32BigEndian(header[24..]) * 2L;
        if (stated > actual)
        {
            throw new GeoDataFormatException(path, $"The file is truncated: the header states {stated.ToString(CultureInfo.InvariantCulture)} bytes, the file has {actual.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    private static CrsInfo? ReadPrj(string shpPath)
    {
        var prj = Sidecar(shpPath, ".prj");
        if (prj is null)
        {
            return null;
        }

        var wkt = File.ReadAllText(prj, Encoding.UTF8);
        if (string.IsNullOrWhiteSpace(wkt))
        {
            return null;
        }

        try
        {
            return CrsRegistry.FromWkt(wkt, CrsOrigin.Declared, prj);
        }
        catch (UnknownCrsException ex)
        {
            throw new GeoDataFormatException(prj, $"The .prj file does not hold readable WKT: {ex.Message}", innerException: ex);
        }
    }

    /// <summary>Finds a sidecar file with the same stem, any extension case (.dbf, .DBF).</summary>
    internal static string? Sidecar(string shpPath, string extension)
    {
        var exact = Path.ChangeExtension(shpPath, extension);
        if (File.Exists(exact))
        {
            return exact;
        }

        var upper = Path.ChangeExtension(shpPath, extension.ToUpperInvariant());
        if (File.Exists(upper))
        {
            return upper;
        }

        var dir = Path.GetDirectoryName(Path.GetFullPath(shpPath))!;
        var stem = Path.GetFileNameWithoutExtension(shpPath);
        return Directory.EnumerateFiles(dir, stem + ".*")
            .FirstOrDefault(f => string.Equals(Path.GetFileNameWithoutExtension(f), stem, StringComparison.Ordinal)
                && string.Equals(Path.GetExtension(f), extension, StringComparison.OrdinalIgnoreCase));
    }

    private static Encoding ResolveEncoding(string shpPath, string dbfPath, VectorReadOptions options, List<GeoDiagnostic> diagnostics)
    {
        if (options.AttributeEncoding is { } given)
        {
            diagnostics.Add(new GeoDiagnostic(GeoDiagnosticKind.Other, $"Attribute encoding {given.WebName} was given by the caller."));
            return given;
        }

        if (Sidecar(shpPath, ".cpg") is { } cpg)
        {
            var name = File.ReadAllText(cpg, Encoding.ASCII).Trim();
            if (FromCodePageName(name) is { } fromCpg)
            {
                diagnostics.Add(new GeoDiagnostic(GeoDiagnosticKind.Other, $"Attribute encoding {fromCpg.WebName} taken from {Path.GetFileName(cpg)} (\"{name}\")."));
                return fromCpg;
            }

            diagnostics.Add(new GeoDiagnostic(GeoDiagnosticKind.EncodingDetected, $"{Path.GetFileName(cpg)} names an unknown code page \"{name}\"; ignored."));
        }

        var (ldid, headerLength, recordBytes) = ReadDbfForEncoding(dbfPath);
        if (ldid != 0 && FromLanguageDriver(ldid) is { } fromLdid)
        {
            diagnostics.Add(new GeoDiagnostic(GeoDiagnosticKind.Other, string.Create(CultureInfo.InvariantCulture, $"Attribute encoding {fromLdid.WebName} taken from the DBF language driver byte 0x{ldid:X2}.")));
            return fromLdid;
        }

        var (encoding, why) = Detect(recordBytes.AsSpan(Math.Min(headerLength, recordBytes.Length)));
        diagnostics.Add(new GeoDiagnostic(GeoDiagnosticKind.EncodingDetected, $"No .cpg and no DBF language driver: {why}"));
        return encoding;
    }

    private static (byte Ldid, int HeaderLength, byte[] Bytes) ReadDbfForEncoding(string dbfPath)
    {
        var bytes = File.ReadAllBytes(dbfPath);
        if (bytes.Length < 32)
        {
            throw new GeoDataFormatException(dbfPath, "The .dbf file is truncated: shorter than its 32-byte header.");
        }

        return (bytes[29], BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)), bytes);
    }

    /// <summary>Valid UTF-8 with non-ASCII bytes → UTF-8; pure ASCII → UTF-8 (same bytes); anything else → Windows-1252.</summary>
    internal static (Encoding Encoding, string Why) Detect(ReadOnlySpan<byte> data)
    {
        var nonAscii = data.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;
        if (!nonAscii)
        {
            return (new UTF8Encoding(false), "all attribute text is ASCII, read as UTF-8.");
        }

        if (System.Text.Unicode.Utf8.IsValid(data))
        {
            return (new UTF8Encoding(false), "the attribute bytes are valid UTF-8 with non-ASCII characters, read as UTF-8.");
        }

        var c1 = data.IndexOfAnyInRange((byte)0x80, (byte)0x9F) >= 0;
        return (Encoding.GetEncoding(1252), c1
            ? "the attribute bytes are not valid UTF-8 and use bytes 0x80–0x9F, read as Windows-1252."
            : "the attribute bytes are not valid UTF-8, read as Windows-1252 (identical to ISO-8859-1 for the bytes present).");
    }

    /// <summary>Code page of a dBASE language driver id (byte 29 of the header), after the xBase/ESRI table; null when unknown.</summary>
    private static Encoding? FromLanguageDriver(byte ldid)
    {
        int? codePage = ldid switch
        {
            0x01 or 0x09 or 0x0B or 0x0D or 0x0F or 0x11 or 0x15 or 0x18 or 0x19 or 0x1B => 437,
            0x02 or 0x0A or 0x0E or 0x10 or 0x12 or 0x14 or 0x16 or 0x1A or 0x1D or 0x25 or 0x37 => 850,
            0x03 or 0x57 or 0x58 or 0x59 => 1252,
            0x08 or 0x17 => 865,
            0x1F or 0x22 or 0x23 or 0x40 or 0x64 => 852,
            0x26 or 0x65 => 866,
            0xC8 => 1250,
            0xC9 => 1251,
            0xCA => 1254,
            0xCB => 1253,
            _ => null,
        };
        return codePage is { } cp ? Encoding.GetEncoding(cp) : null;
    }

    internal static Encoding? FromCodePageName(string name)
    {
        var n = name.Trim().ToUpperInvariant().Replace("ANSI ", string.Empty, StringComparison.Ordinal);
        int? codePage = n switch
        {
            "UTF-8" or "UTF8" or "65001" => 65001,
            "1252" or "CP1252" or "WINDOWS-1252" or "WINDOWS 1252" => 1252,
            "88591" or "8859_1" or "ISO-8859-1" or "ISO8859-1" or "ISO 88591" or "LATIN1" or "28591" => 28591,
            "885915" or "8859_15" or "ISO-8859-15" or "28605" => 28605,
            "437" or "OEM 437" => 437,
            "850" or "OEM 850" => 850,
            _ => null,
        };
        if (codePage == 65001)
        {
            return new UTF8Encoding(false);
        }

        try
        {
            return codePage is { } cp ? Encoding.GetEncoding(cp) : Encoding.GetEncoding(name.Trim());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static object? Normalize(object? value) => value switch
    {
        null or DBNull => null,
        string s => s,
        int i => (long)i,
        long l => l,
        short s => (long)s,
        decimal m => m == decimal.Truncate(m) && m >= long.MinValue && m <= long.MaxValue ? (long)m : (double)m,
        double d => d,
        float f => (double)f,
        bool b => b,
        DateTime t => t,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
