using System.Buffers.Text;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace GeoPrevention.Rendering.Internal;

/// <summary>
/// PDF fast path for the district fills: the page background and the plain class and no-data fills of the first layer of
/// every panel are written by us as one PDF content stream placed before Skia's page content, instead of being drawn
/// through Skia's PDF backend.
/// </summary>
/// <remarks>
/// Why: SkiaSharp 4.155 deflates page content at zlib level 6 with no option to change it, and at 100 000 districts
/// (≈ 600 000 vertices, ≈ 12 MB of path operators) that compression was two thirds of the PDF time.
/// Rules:
/// 1. Coordinates are page pixels snapped to a grid of 1/8 px (written as integers; a <c>cm</c> scales by 1/8 px and maps
///    pixels to points with y down, as Skia's own page transform does): an error of at most 1/16 px (0.017 mm at 96 dpi).
/// 2. Each fill is one path per class and panel (shells and holes as built by the painter) filled with the non-zero rule
///    (<c>f</c>), clipped to the panel frame, in the painter's order: classes, then no data. Colours are opaque RGB
///    (<c>rg</c>, 4 decimals); the path is used only when the background, the palette and the no-data colour are opaque
///    and pattern redundancy is off. Borders of that layer (when drawn) follow as strokes of the same paths (round joins,
///    the layer's width; a hairline in Skia's raster output); a layer with suppressed or unreliable districts and borders is left to Skia,
///    whose order (hatching before borders) the stream could not keep.
/// 3. The stream is compressed with zlib at the fastest level and attached by an incremental update (PDF 1.4 §3.4.5): a new
///    content stream object, the page object again with <c>/Contents [ours skia's]</c>, a cross-reference section and a
///    trailer with <c>/Prev</c>. Skia's bytes are not changed. If Skia's output does not have the expected structure,
///    the caller renders the page through Skia alone.
/// 4. The output is deterministic (no dates, fixed formatting).
/// </remarks>
internal sealed class PdfFills : IDisposable
{
    /// <summary>Grid units per pixel.</summary>
    public const int Grid = 8;

    private readonly MemoryStream _content = new();

    public PdfFills(int widthPx, int heightPx, double ptPerPx, MapColor background)
    {
        var s = ptPerPx / Grid;
        Write(string.Create(CultureInfo.InvariantCulture, $"q\n{s:0.#########} 0 0 {-s:0.#########} 0 {heightPx * ptPerPx:0.#####} cm\n"));
        Color(background);
        Write(string.Create(CultureInfo.InvariantCulture, $"0 0 {widthPx * Grid} {heightPx * Grid} re\nf\n"));
    }

    /// <summary>Whether the fast path can draw this page exactly (opaque colours, no pattern redundancy).</summary>
    public static bool Applicable(PageModel model, Palette palette) =>
        !model.Style.PatternRedundancy && model.Style.Background.A == 255 && model.Style.NoDataColor.A == 255
        && Enumerable.Range(0, palette.Count).All(i => palette[i].A == 255);

    /// <summary>Clips the following fills to a panel frame.</summary>
    public void BeginPanel(SKRect frame)
    {
        var l = (int)MathF.Round(frame.Left * Grid);
        var t = (int)MathF.Round(frame.Top * Grid);
        var r = (int)MathF.Round(frame.Right * Grid);
        var b = (int)MathF.Round(frame.Bottom * Grid);
        Write(string.Create(CultureInfo.InvariantCulture, $"q\n{l} {t} {r - l} {b - t} re\nW n\n"));
    }

    /// <summary>Fills the path in <paramref name="text"/> with an opaque colour.</summary>
    public void Fill(MapColor color, FillText text)
    {
        Color(color);
        text.CopyTo(_content);
        Write("f\n");
    }

    /// <summary>Strokes the given paths (the layer's borders) with round joins, width in page pixels.</summary>
    public void Stroke(MapColor color, float widthPx, IEnumerable<FillText?> paths)
    {
        Write(string.Create(CultureInfo.InvariantCulture, $"{color.R / 255.0:0.####} {color.G / 255.0:0.####} {color.B / 255.0:0.####} RG\n{widthPx * Grid:0.###} w\n1 j\n"));
        foreach (var p in paths)
        {
            if (p is not null)
            {
                p.CopyTo(_content);
                Write("S\n");
            }
        }
    }

    public void EndPanel() => Write("Q\n");

    public void Dispose() => _content.Dispose();

    /// <summary>The zlib-compressed content stream.</summary>
    public byte[] Finish()
    {
        Write("Q\n");
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(_content.GetBuffer(), 0, (int)_content.Length);
        }

        return compressed.ToArray();
    }

    /// <summary>
    /// Writes Skia's PDF followed by an incremental update that puts <paramref name="fills"/> (compressed) before the
    /// page's own content. Returns false (writing nothing) when Skia's PDF does not have one page with a single
    /// <c>/Contents n 0 R</c> and a classic trailer.
    /// </summary>
    public static bool TryWrite(ReadOnlySpan<byte> skiaPdf, byte[] fills, Stream destination)
    {
        var text = Encoding.Latin1.GetString(skiaPdf[Math.Max(0, skiaPdf.Length - 4096)..]);
        var startxref = text.LastIndexOf("startxref", StringComparison.Ordinal);
        var trailer = text.LastIndexOf("trailer", StringComparison.Ordinal);
        if (startxref < 0 || trailer < 0 || trailer > startxref
            || !long.TryParse(text[(startxref + 9)..].Trim().Split('\n')[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var prevXref))
        {
            return false;
        }

        var trailerDict = text[trailer..startxref];
        var size = Reference(trailerDict, "/Size ", false);
        var root = Reference(trailerDict, "/Root ", true);
        var info = Reference(trailerDict, "/Info ", true);
        if (size is null || root is null)
        {
            return false;
        }

        // The page object: "<n> 0 obj\n<</Type /Page\n" … "endobj" (Skia writes exactly one for a one-page document).
        var all = Encoding.Latin1.GetString(skiaPdf);
        var marker = all.IndexOf("<</Type /Page\n", StringComparison.Ordinal);
        if (marker < 0 || all.IndexOf("<</Type /Page\n", marker + 1, StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        var objStart = all.LastIndexOf('\n', marker - 1 - 1) + 1;
        var header = all[objStart..marker].Trim();
        var end = all.IndexOf("endobj", marker, StringComparison.Ordinal);
        if (!header.EndsWith(" 0 obj", StringComparison.Ordinal) || end < 0
            || !int.TryParse(header[..header.IndexOf(' ', StringComparison.Ordinal)], NumberStyles.None, CultureInfo.InvariantCulture, out var pageObj))
        {
            return false;
        }

        var pageDict = all[marker..end].TrimEnd();
        var contents = pageDict.IndexOf("/Contents ", StringComparison.Ordinal);
        if (contents < 0)
        {
            return false;
        }

        var refEnd = pageDict.IndexOf(" 0 R", contents, StringComparison.Ordinal);
        if (refEnd < 0 || !int.TryParse(pageDict[(contents + 10)..refEnd], NumberStyles.None, CultureInfo.InvariantCulture, out var skiaContents))
        {
            return false;
        }

        var fillObj = int.Parse(size, CultureInfo.InvariantCulture);
        var newPage = string.Concat(pageDict.AsSpan(0, contents), string.Create(CultureInfo.InvariantCulture, $"/Contents [{fillObj} 0 R {skiaContents} 0 R]"), pageDict.AsSpan(refEnd + 4));

        destination.Write(skiaPdf);
        long offset = skiaPdf.Length;
        using var update = new MemoryStream();
        void Put(string s)
        {
            var bytes = Encoding.Latin1.GetBytes(s);
            update.Write(bytes);
        }

        Put("\n");
        var fillOffset = offset + update.Length;
        Put(string.Create(CultureInfo.InvariantCulture, $"{fillObj} 0 obj\n<</Filter /FlateDecode\n/Length {fills.Length}>> stream\n"));
        update.Write(fills);
        Put("\nendstream\nendobj\n");
        var pageOffset = offset + update.Length;
        Put(string.Create(CultureInfo.InvariantCulture, $"{pageObj} 0 obj\n{newPage}\nendobj\n"));
        var xrefOffset = offset + update.Length;
        Put(string.Create(CultureInfo.InvariantCulture, $"xref\n{pageObj} 1\n{pageOffset:D10} 00000 n \n{fillObj} 1\n{fillOffset:D10} 00000 n \n"));
        Put(string.Create(CultureInfo.InvariantCulture, $"trailer\n<</Size {fillObj + 1}\n/Root {root}{(info is null ? "" : "\n/Info " + info)}\n/Prev {prevXref}>>\nstartxref\n{xrefOffset}\n%%EOF\n"));
        update.Position = 0;
        update.CopyTo(destination);
        return true;
    }

    /// <summary>"/Size 23" → "23"; "/Root 14 0 R" → "14 0 R" (with <paramref name="indirect"/>).</summary>
    private static string? Reference(string dict, string key, bool indirect)
    {
        var at = dict.IndexOf(key, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var rest = dict[(at + key.Length)..];
        var parts = rest.Split([' ', '\n', '\r', '/', '>'], StringSplitOptions.RemoveEmptyEntries);
        return indirect ? (parts.Length >= 3 && parts[2] == "R" ? $"{parts[0]} {parts[1]} R" : null) : (parts.Length >= 1 ? parts[0] : null);
    }

    private void Color(MapColor c) =>
        Write(string.Create(CultureInfo.InvariantCulture, $"{c.R / 255.0:0.####} {c.G / 255.0:0.####} {c.B / 255.0:0.####} rg\n"));

    private void Write(string s) => _content.Write(Encoding.ASCII.GetBytes(s));
}

/// <summary>PDF path operators (<c>m</c>, <c>l</c>, <c>h</c>) for closed rings, in grid units (see <see cref="PdfFills"/>).</summary>
internal sealed class FillText
{
    private byte[] _bytes = new byte[1 << 16];
    private int _length;

    public void AddPoly(ReadOnlySpan<SKPoint> points)
    {
        Ensure((points.Length * 26) + 4);
        var span = _bytes.AsSpan();
        for (var i = 0; i < points.Length; i++)
        {
            Utf8Formatter.TryFormat((int)MathF.Round(points[i].X * PdfFills.Grid), span[_length..], out var w);
            _length += w;
            span[_length++] = (byte)' ';
            Utf8Formatter.TryFormat((int)MathF.Round(points[i].Y * PdfFills.Grid), span[_length..], out w);
            _length += w;
            span[_length++] = (byte)' ';
            span[_length++] = i == 0 ? (byte)'m' : (byte)'l';
            span[_length++] = (byte)'\n';
        }

        span[_length++] = (byte)'h';
        span[_length++] = (byte)'\n';
    }

    public void AddRect(SKRect r) => AddPoly([new SKPoint(r.Left, r.Top), new SKPoint(r.Right, r.Top), new SKPoint(r.Right, r.Bottom), new SKPoint(r.Left, r.Bottom)]);

    public void CopyTo(Stream stream) => stream.Write(_bytes, 0, _length);

    private void Ensure(int more)
    {
        if (_length + more > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_length + more, _bytes.Length * 2));
        }
    }
}
