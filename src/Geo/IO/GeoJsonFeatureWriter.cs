using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using GeoPrevention.Geo.Crs;
using NetTopologySuite.Geometries;

namespace GeoPrevention.Geo.IO;

/// <summary>
/// The GeoJSON body of <see cref="VectorLayerWriter.WriteGeoJson"/>: attributes through <see cref="Utf8JsonWriter"/>,
/// coordinates reprojected a sequence at a time into reused arrays and formatted by <see cref="FormatCoordinate"/> into a
/// reused byte buffer that is written as one raw JSON value per ring (no per-number writer calls, no allocations per ring).
/// One instance formats on one thread; <see cref="Write"/> runs one instance per worker for large layers.
/// </summary>
internal sealed class GeoJsonFeatureWriter(Utf8JsonWriter json, CoordinateTransformer? transform, int decimals)
{
    /// <summary>
    /// Features per chunk in the parallel mode. Fixed, so that the split (and with it everything but the timing) never
    /// depends on the number of cores: 2 048 districts are about 0.75 MB of JSON.
    /// </summary>
    internal const int ChunkSize = 2048;

    /// <summary>Longest text of one coordinate: sign, 16 integer digits, point, 15 decimals, with room to spare.</summary>
    private const int MaxNumberBytes = 40;

    /// <summary>Pending bytes after which the JSON writer passes its buffer on to the file stream.</summary>
    private const int FlushBytes = 1 << 16;

    private static readonly long[] Pow10 = [.. Enumerable.Range(0, 16).Select(i => (long)Math.Pow(10, i))];

    private double[] _xs = new double[256];
    private double[] _ys = new double[256];
    private byte[] _bytes = new byte[256 * ((2 * MaxNumberBytes) + 4)];
    private int _feature;

    /// <summary>
    /// Most threads <see cref="DefaultWorkers"/> gives: beyond about 8 the one-at-a-time copy of the chunks into the file
    /// (≈ 35 ms for 37 MB on the 2-core test machine) outweighs a thread's share of the formatting, and 16 chunk buffers
    /// (1 MB each for the peer districts) are enough memory.
    /// </summary>
    internal const int MaxWorkers = 8;

    /// <summary>
    /// The threads <see cref="VectorLayerWriter.WriteGeoJson"/> uses: one per core (at most <see cref="MaxWorkers"/>) from two
    /// full chunks on, else one (sequential).
    /// </summary>
    internal static int DefaultWorkers(int featureCount) => featureCount >= 2 * ChunkSize ? Math.Min(Environment.ProcessorCount, MaxWorkers) : 1;

    /// <summary>
    /// Writes the layer as one FeatureCollection to <paramref name="stream"/>, byte for byte the same whatever
    /// <paramref name="workers"/> is.
    /// </summary>
    /// <remarks>
    /// <list type="number">
    /// <item><description>Fewer than two workers or a single chunk: one <see cref="GeoJsonFeatureWriter"/> writes straight to the stream.</description></item>
    /// <item><description>Otherwise <see cref="GeoJsonChunkPipeline"/> splits the features into chunks of <paramref name="chunkSize"/> and
    /// formats them on <paramref name="workers"/> threads (the caller's and workers − 1 more), each with its own feature writer,
    /// JSON writer and transformer (ProjNet's transforms are not documented as thread-safe); the chunks reach the stream strictly
    /// in order. See there for the ordering, memory and error rules.</description></item>
    /// </list>
    /// </remarks>
    /// <param name="stream">The target stream.</param>
    /// <param name="layer">The layer.</param>
    /// <param name="transform">The transformer to WGS 84 (null: none) for the first worker.</param>
    /// <param name="createTransform">Creates the transformer for each further worker.</param>
    /// <param name="decimals">Coordinate decimals.</param>
    /// <param name="options">JSON writer options.</param>
    /// <param name="chunkSize">Features per chunk (<see cref="ChunkSize"/>).</param>
    /// <param name="workers">Formatting threads (<see cref="DefaultWorkers"/>).</param>
    public static void Write(
        Stream stream,
        VectorLayer layer,
        CoordinateTransformer? transform,
        Func<CoordinateTransformer?> createTransform,
        int decimals,
        JsonWriterOptions options,
        int chunkSize,
        int workers)
    {
        var count = layer.Features.Count;
        var chunks = (count / chunkSize) + (count % chunkSize == 0 ? 0 : 1);
        workers = Math.Min(workers, chunks);
        if (workers < 2)
        {
            using var json = new Utf8JsonWriter(stream, options);
            new GeoJsonFeatureWriter(json, transform, decimals).WriteCollection(layer);
            return;
        }

        var transforms = new CoordinateTransformer?[workers];
        transforms[0] = transform;
        for (var i = 1; i < workers; i++)
        {
            transforms[i] = createTransform();
        }

        using var pipeline = new GeoJsonChunkPipeline(layer, decimals, options, chunkSize, chunks, 2 * workers);
        pipeline.Run(stream, transforms);
    }

    /// <summary>Writes the whole layer as one FeatureCollection (the sequential mode).</summary>
    public void WriteCollection(VectorLayer layer)
    {
        WriteStart();
        WriteFeatures(layer, 0, layer.Features.Count);
        WriteEnd();
    }

    /// <summary>Opens the collection: <c>{"type":"FeatureCollection","features":[</c>.</summary>
    public void WriteStart()
    {
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
    }

    /// <summary>Closes the features array and the collection.</summary>
    public void WriteEnd()
    {
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// Writes the features <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive) of the layer as elements of
    /// the open features array. Error messages name the feature by its position in the layer.
    /// </summary>
    public void WriteFeatures(VectorLayer layer, int from, int to)
    {
        for (_feature = from; _feature < to; _feature++)
        {
            var f = layer.Features[_feature];
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteStartObject("properties");
            foreach (var field in layer.Fields)
            {
                json.WritePropertyName(field);
                WriteValue(f.Attributes.GetValueOrDefault(field));
            }

            json.WriteEndObject();
            json.WritePropertyName("geometry");
            if (f.Geometry is null)
            {
                json.WriteNullValue();
            }
            else
            {
                WriteGeometry(f.Geometry);
            }

            json.WriteEndObject();

            // Utf8JsonWriter keeps everything in its own growing buffer until Flush; without this the whole file (37 MB at
            // 100 000 districts) was held and re-copied in memory (137 MB allocated per write).
            if (json.BytesPending > FlushBytes)
            {
                json.Flush();
            }
        }
    }

    /// <summary>
    /// Writes v rounded to <paramref name="decimals"/> places as k · 10⁻ᵈ, k = round(v · 10ᵈ) half away from zero, trailing
    /// zeros dropped; returns the bytes written. Values too large for that (|v · 10ᵈ| ≥ 9·10¹⁵) fall back to the shortest
    /// round-trip text of <see cref="Math.Round(double, int, MidpointRounding)"/>.
    /// </summary>
    internal static int FormatCoordinate(double v, int decimals, Span<byte> destination)
    {
        var scaled = v * Pow10[decimals];
        if (!(Math.Abs(scaled) < 9e15))
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"GeoJSON cannot hold the coordinate {v}."));
            }

            Utf8Formatter.TryFormat(Math.Round(v, decimals, MidpointRounding.AwayFromZero), destination, out var written);
            return written;
        }

        var k = (long)Math.Round(scaled, MidpointRounding.AwayFromZero);
        var n = 0;
        if (k < 0)
        {
            destination[n++] = (byte)'-';
            k = -k;
        }

        var p = Pow10[decimals];
        var whole = k / p;
        var fraction = k - (whole * p);
        Utf8Formatter.TryFormat(whole, destination[n..], out var w);
        n += w;
        if (fraction == 0)
        {
            return n;
        }

        // Drop trailing zeros, then write the remaining decimals right to left, zero-padded on the left.
        var digits = decimals;
        while (fraction % 10 == 0)
        {
            fraction /= 10;
            digits--;
        }

        destination[n] = (byte)'.';
        for (var i = digits; i >= 1; i--)
        {
            destination[n + i] = (byte)('0' + (int)(fraction % 10));
            fraction /= 10;
        }

        return n + 1 + digits;
    }

    private void WriteValue(object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case double d when double.IsFinite(d):
                json.WriteNumberValue(d);
                break;
            case double:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case DateTime t:
                json.WriteStringValue(t.ToString("o", CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteStringValue(VectorLayerWriter.FormatText(value));
                break;
        }
    }

    private void WriteGeometry(Geometry g)
    {
        json.WriteStartObject();
        json.WriteString("type", g.GeometryType);
        if (g is GeometryCollection and not (MultiPoint or MultiLineString or MultiPolygon))
        {
            json.WriteStartArray("geometries");
            foreach (var part in ((GeometryCollection)g).Geometries)
            {
                WriteGeometry(part);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            return;
        }

        json.WritePropertyName("coordinates");
        switch (g)
        {
            case Point p:
                if (p.IsEmpty)
                {
                    json.WriteStartArray();
                    json.WriteEndArray();
                }
                else
                {
                    WriteSequence(p.CoordinateSequence, null, asPosition: true);
                }

                break;
            case LineString l:
                WriteSequence(l.CoordinateSequence, null);
                break;
            case Polygon p:
                WritePolygon(p);
                break;
            case MultiPoint mp:
                json.WriteStartArray();
                foreach (var part in mp.Geometries)
                {
                    WriteSequence(((Point)part).CoordinateSequence, null, asPosition: true);
                }

                json.WriteEndArray();
                break;
            case MultiLineString ml:
                json.WriteStartArray();
                foreach (var part in ml.Geometries)
                {
                    WriteSequence(((LineString)part).CoordinateSequence, null);
                }

                json.WriteEndArray();
                break;
            case MultiPolygon mpoly:
                json.WriteStartArray();
                foreach (var part in mpoly.Geometries)
                {
                    WritePolygon((Polygon)part);
                }

                json.WriteEndArray();
                break;
        }

        json.WriteEndObject();
    }

    private void WritePolygon(Polygon p)
    {
        json.WriteStartArray();
        if (!p.IsEmpty)
        {
            // RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise.
            WriteSequence(p.ExteriorRing.CoordinateSequence, ccw: true);
            foreach (var hole in p.InteriorRings)
            {
                WriteSequence(hole.CoordinateSequence, ccw: false);
            }
        }

        json.WriteEndArray();
    }

    /// <summary>Reprojects the sequence into the reused arrays, orients a ring as wanted and writes it as one raw JSON array.</summary>
    private void WriteSequence(CoordinateSequence seq, bool? ccw, bool asPosition = false)
    {
        var n = seq.Count;
        if (_xs.Length < n)
        {
            var size = Math.Max(n, _xs.Length * 2);
            _xs = new double[size];
            _ys = new double[size];
        }

        var xs = _xs.AsSpan(0, n);
        var ys = _ys.AsSpan(0, n);
        for (var i = 0; i < n; i++)
        {
            xs[i] = seq.GetX(i);
            ys[i] = seq.GetY(i);
        }

        transform?.Transform(xs, ys);
        var reverse = ccw is { } want && n >= 4 && IsCounterClockwise(xs, ys) != want;

        var needed = (n * ((2 * MaxNumberBytes) + 4)) + 2;
        if (_bytes.Length < needed)
        {
            _bytes = new byte[Math.Max(needed, _bytes.Length * 2)];
        }

        var buffer = _bytes.AsSpan();
        var at = 0;
        if (!asPosition)
        {
            buffer[at++] = (byte)'[';
        }

        try
        {
            for (var k = 0; k < n; k++)
            {
                var i = reverse ? n - 1 - k : k;
                if (k > 0)
                {
                    buffer[at++] = (byte)',';
                }

                buffer[at++] = (byte)'[';
                at += FormatCoordinate(xs[i], decimals, buffer[at..]);
                buffer[at++] = (byte)',';
                at += FormatCoordinate(ys[i], decimals, buffer[at..]);
                buffer[at++] = (byte)']';
            }
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Feature {_feature}: {ex.Message}"), ex);
        }

        if (!asPosition)
        {
            buffer[at++] = (byte)']';
        }

        json.WriteRawValue(buffer[..at], skipInputValidation: true);
    }

    /// <summary>Shoelace sign in a y-up system (longitude, latitude): positive area = counter-clockwise.</summary>
    private static bool IsCounterClockwise(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        double area2 = 0;
        var x0 = xs[0];
        var y0 = ys[0];
        for (var i = 1; i < xs.Length - 1; i++)
        {
            area2 += ((xs[i] - x0) * (ys[i + 1] - y0)) - ((xs[i + 1] - x0) * (ys[i] - y0));
        }

        return area2 > 0;
    }

}
