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
/// 3. The stream is compressed with zlib at the fastest level and added to Skia's file as a new object listed first in
///    the page's <c>/Contents</c> array (the cross-reference table is rewritten; one revision, one page object). If Skia's
///    output does not have the expected structure, the caller renders the page through Skia alone.
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
    /// Writes Skia's PDF with <paramref name="fills"/> (compressed) added as a new content object placed before the page's
    /// own content: the page dictionary's <c>/Contents n 0 R</c> becomes <c>/Contents [m 0 R n 0 R]</c>, the objects after
    /// it move by the length difference, the new object goes before the cross-reference table, which is rewritten with
    /// one more entry (and <c>/Size</c> in the trailer). Returns false (writing nothing) when Skia's PDF does not have
    /// exactly one page with <c>/Contents n 0 R</c> and one classic cross-reference section starting at object 0.
    /// </summary>
    public static bool TryWrite(ReadOnlySpan<byte> skiaPdf, byte[] fills, Stream destination)
    {
        var all = Encoding.Latin1.GetString(skiaPdf);
        var startxref = all.LastIndexOf("startxref", StringComparison.Ordinal);
        if (startxref < 0
            || !int.TryParse(all[(startxref + 9)..].Trim().Split('\n')[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var xref)
            || xref <= 0 || xref >= startxref || !all.AsSpan(xref).StartsWith("xref\n0 ", StringComparison.Ordinal))
        {
            return false;
        }

        var headerEnd = all.IndexOf('\n', xref + 5);
        if (!int.TryParse(all[(xref + 7)..headerEnd], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            return false;
        }

        var entriesStart = headerEnd + 1;
        var trailer = entriesStart + (20 * size);
        if (trailer > startxref || !all.AsSpan(trailer).StartsWith("trailer", StringComparison.Ordinal))
        {
            return false;
        }

        // The one page object's /Contents reference.
        var marker = all.IndexOf("<</Type /Page\n", StringComparison.Ordinal);
        if (marker < 0 || marker > xref || all.IndexOf("<</Type /Page\n", marker + 1, StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        var end = all.IndexOf("endobj", marker, StringComparison.Ordinal);
        var contents = all.IndexOf("/Contents ", marker, StringComparison.Ordinal);
        if (end < 0 || contents < 0 || contents > end)
        {
            return false;
        }

        var refEnd = all.IndexOf(" 0 R", contents, StringComparison.Ordinal);
        if (refEnd < 0 || refEnd > end || !int.TryParse(all[(contents + 10)..refEnd], NumberStyles.None, CultureInfo.InvariantCulture, out var skiaContents))
        {
            return false;
        }

        var offsets = new long[size];
        for (var k = 0; k < size; k++)
        {
            if (!long.TryParse(all.AsSpan(entriesStart + (20 * k), 10), NumberStyles.None, CultureInfo.InvariantCulture, out offsets[k]))
            {
                return false;
            }
        }

        var fillObj = size;
        var replacement = string.Create(CultureInfo.InvariantCulture, $"/Contents [{fillObj} 0 R {skiaContents} 0 R]");
        var oldLength = refEnd + 4 - contents;
        var delta = replacement.Length - oldLength;

        using var output = new MemoryStream(skiaPdf.Length + fills.Length + 256);
        void Put(string text) => output.Write(Encoding.Latin1.GetBytes(text));
        output.Write(skiaPdf[..contents]);
        Put(replacement);
        output.Write(skiaPdf[(refEnd + 4)..xref]);
        var fillOffset = output.Length;
        Put(string.Create(CultureInfo.InvariantCulture, $"{fillObj} 0 obj\n<</Filter /FlateDecode\n/Length {fills.Length}>> stream\n"));
        output.Write(fills);
        Put("\nendstream\nendobj\n");
        var newXref = output.Length;
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"xref\n0 {size + 1}\n");
        for (var k = 0; k < size; k++)
        {
            var entry = all.AsSpan(entriesStart + (20 * k), 20);
            var moved = offsets[k] > contents ? offsets[k] + delta : offsets[k];
            table.Append(CultureInfo.InvariantCulture, $"{moved:D10}").Append(entry[10..]);
        }

        table.Append(CultureInfo.InvariantCulture, $"{fillOffset:D10} 00000 n \n");
        var trailerText = all[trailer..startxref];
        var sizeAt = trailerText.IndexOf("/Size ", StringComparison.Ordinal);
        if (sizeAt < 0)
        {
            return false;
        }

        var sizeEnd = sizeAt + 6;
        while (sizeEnd < trailerText.Length && char.IsAsciiDigit(trailerText[sizeEnd]))
        {
            sizeEnd++;
        }

        table.Append(trailerText.AsSpan(0, sizeAt)).Append(CultureInfo.InvariantCulture, $"/Size {size + 1}").Append(trailerText.AsSpan(sizeEnd));
        table.Append(CultureInfo.InvariantCulture, $"startxref\n{newXref}\n%%EOF\n");
        Put(table.ToString());
        output.Position = 0;
        output.CopyTo(destination);
        return true;
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
