using System.Globalization;
using System.Text.Json;
using GeoPrevention.Geo.Crs;
using NetTopologySuite.Geometries;

namespace GeoPrevention.Geo.IO;

/// <summary>Reads GeoJSON (RFC 7946 and the legacy 2008 <c>crs</c> member) and TopoJSON.</summary>
internal static class JsonLayerReader
{
    internal static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 0);

    // Diagnostics of the read in progress on this thread (a read is synchronous and single-threaded).
    [ThreadStatic]
    private static List<GeoDiagnostic>? t_diagnostics;

    public static RawLayer Read(string path, VectorReadOptions options)
    {
        var bytes = ReadAll(path);
        using var doc = Parse(path, bytes);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new GeoDataFormatException(path, "The JSON top level is not an object, so it is neither GeoJSON nor TopoJSON.");
        }

        var type = GetString(root, "type");
        var diagnostics = new List<GeoDiagnostic>();
        t_diagnostics = diagnostics;
        try
        {
            var layer = string.Equals(type, "Topology", StringComparison.Ordinal)
                ? ReadTopoJson(path, root, options)
                : ReadGeoJson(path, root, type);
            return layer with { Diagnostics = diagnostics };
        }
        catch (InvalidOperationException ex)
        {
            // JsonElement accessors throw InvalidOperationException when a member has the wrong JSON kind.
            throw new GeoDataFormatException(path, $"Unexpected JSON structure: {ex.Message}", innerException: ex);
        }
        catch (ArgumentException ex)
        {
            // NTS rejects rings that are not closed or have fewer than 4 positions.
            throw new GeoDataFormatException(path, $"Invalid coordinates: {ex.Message}", innerException: ex);
        }
        finally
        {
            t_diagnostics = null;
        }
    }

    private static byte[] ReadAll(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException ex)
        {
            throw new GeoDataFormatException(path, $"The file cannot be read: {ex.Message}", innerException: ex);
        }

        if (bytes.Length == 0 || bytes.AsSpan().Trim(" \t\r\n"u8).Length == 0 || (bytes.AsSpan().StartsWith(Utf8Bom) && bytes.AsSpan(3).Trim(" \t\r\n"u8).Length == 0))
        {
            throw new GeoDataFormatException(path, "The file is empty.");
        }

        return bytes;
    }

    private static JsonDocument Parse(string path, byte[] bytes)
    {
        var memory = bytes.AsMemory();
        if (memory.Span.StartsWith(Utf8Bom))
        {
            memory = memory[3..];
        }

        try
        {
            return JsonDocument.Parse(memory, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            // System.Text.Json counts lines and byte positions from 0; people count from 1.
            long? line = ex.LineNumber is { } l ? l + 1 : null;
            long? column = ex.BytePositionInLine is { } c ? c + 1 : null;
            var reason = ex.Message;
            var cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
            if (cut > 0)
            {
                reason = reason[..cut];
            }

            throw new GeoDataFormatException(path, $"JSON syntax error: {reason}", line, column, ex);
        }
    }

    // ---------------------------------------------------------------- GeoJSON

    private static RawLayer ReadGeoJson(string path, JsonElement root, string? type)
    {
        var crs = ReadCrsMember(path, root);
        var fields = new FieldCollector();
        var features = new List<VectorFeature>();
        switch (type)
        {
            case "FeatureCollection":
                if (!root.TryGetProperty("features", out var list) || list.ValueKind != JsonValueKind.Array)
                {
                    throw new GeoDataFormatException(path, "A FeatureCollection needs a \"features\" array.");
                }

                features.Capacity = list.GetArrayLength();
                foreach (var f in list.EnumerateArray())
                {
                    features.Add(ReadGeoJsonFeature(path, f, features.Count, fields));
                }

                break;
            case "Feature":
                features.Add(ReadGeoJsonFeature(path, root, 0, fields));
                break;
            case "Point" or "MultiPoint" or "LineString" or "MultiLineString" or "Polygon" or "MultiPolygon" or "GeometryCollection":
                features.Add(new VectorFeature(0, ReadGeoJsonGeometry(path, root, 0), new Dictionary<string, object?>(StringComparer.Ordinal)));
                break;
            default:
                throw new GeoDataFormatException(path, type is null
                    ? "The JSON object has no \"type\" member, so it is not GeoJSON."
                    : $"Unknown GeoJSON type \"{type}\" (expected FeatureCollection, Feature or a geometry).");
        }

        return new RawLayer("GeoJSON", crs, true, fields.Names, features, []);
    }

    private static VectorFeature ReadGeoJsonFeature(string path, JsonElement f, int index, FieldCollector fields)
    {
        if (f.ValueKind != JsonValueKind.Object || !string.Equals(GetString(f, "type"), "Feature", StringComparison.Ordinal))
        {
            throw new GeoDataFormatException(path, $"Feature {index.ToString(CultureInfo.InvariantCulture)} is not a GeoJSON Feature object.");
        }

        var attributes = ReadProperties(f, fields);
        var geometry = f.TryGetProperty("geometry", out var g) ? ReadGeoJsonGeometry(path, g, index) : null;
        return new VectorFeature(index, geometry, attributes);
    }

    private static Dictionary<string, object?> ReadProperties(JsonElement owner, FieldCollector fields)
    {
        var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (owner.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in props.EnumerateObject())
            {
                attributes[p.Name] = ToValue(p.Value);
                fields.Add(p.Name);
            }
        }

        // A feature id that is not also a property is kept as the attribute "id" (TopoJSON carries the AGS there).
        if (owner.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number && !attributes.ContainsKey("id"))
        {
            attributes["id"] = ToValue(id);
            fields.Add("id");
        }

        return attributes;
    }

    private static object? ToValue(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.TryGetInt64(out var l) ? l : v.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => v.GetRawText(),
    };

    private static Geometry? ReadGeoJsonGeometry(string path, JsonElement g, int index)
    {
        if (g.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var type = g.ValueKind == JsonValueKind.Object ? GetString(g, "type") : null;
        if (type == "GeometryCollection")
        {
            if (!g.TryGetProperty("geometries", out var parts) || parts.ValueKind != JsonValueKind.Array)
            {
                throw Bad(path, index, "a GeometryCollection needs a \"geometries\" array");
            }

            var geometries = new List<Geometry>();
            foreach (var part in parts.EnumerateArray())
            {
                if (ReadGeoJsonGeometry(path, part, index) is { } p)
                {
                    geometries.Add(p);
                }
            }

            return Factory.CreateGeometryCollection([.. geometries]);
        }

        if (type is null || !g.TryGetProperty("coordinates", out var c) || c.ValueKind != JsonValueKind.Array)
        {
            throw Bad(path, index, type is null ? "the geometry has no \"type\"" : $"the {type} has no \"coordinates\" array");
        }

        return type switch
        {
            "Point" => c.GetArrayLength() == 0 ? Factory.CreatePoint() : Factory.CreatePoint(Position(path, index, c)),
            "MultiPoint" => Factory.CreateMultiPoint([.. c.EnumerateArray().Select(p => Factory.CreatePoint(Position(path, index, p)))]),
            "LineString" => Factory.CreateLineString(Positions(path, index, c)),
            "MultiLineString" => Factory.CreateMultiLineString([.. c.EnumerateArray().Select(l => Factory.CreateLineString(Positions(path, index, l)))]),
            "Polygon" => GeoJsonPolygon(path, index, c),
            "MultiPolygon" => Factory.CreateMultiPolygon([.. c.EnumerateArray().Select(p => GeoJsonPolygon(path, index, p))]),
            _ => throw Bad(path, index, $"unknown geometry type \"{type}\""),
        };
    }

    private static Polygon GeoJsonPolygon(string path, int index, JsonElement rings)
    {
        var count = rings.GetArrayLength();
        if (count == 0)
        {
            return Factory.CreatePolygon();
        }

        LinearRing? shell = null;
        var holes = new LinearRing[count - 1];
        var i = 0;
        foreach (var r in rings.EnumerateArray())
        {
            var ring = Ring(path, index, Positions(path, index, r));
            if (i == 0)
            {
                shell = ring;
            }
            else
            {
                holes[i - 1] = ring;
            }

            i++;
        }

        return Factory.CreatePolygon(shell, holes);
    }

    private static LinearRing Ring(string path, int index, CoordinateSequence seq) =>
        RingBuilder.Create(Factory, seq, index, t_diagnostics is { } list ? list.Add : null, path);

    private static CoordinateSequence Positions(string path, int index, JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw Bad(path, index, "expected an array of positions");
        }

        var n = array.GetArrayLength();
        var seq = Factory.CoordinateSequenceFactory.Create(n, 2, 0);
        var i = 0;
        foreach (var p in array.EnumerateArray())
        {
            var (x, y) = XY(path, index, p);
            seq.SetX(i, x);
            seq.SetY(i, y);
            i++;
        }

        return seq;
    }

    private static Coordinate Position(string path, int index, JsonElement p)
    {
        var (x, y) = XY(path, index, p);
        return new Coordinate(x, y);
    }

    private static (double X, double Y) XY(string path, int index, JsonElement p)
    {
        if (p.ValueKind != JsonValueKind.Array || p.GetArrayLength() < 2)
        {
            throw Bad(path, index, "a position must be an array of at least two numbers");
        }

        var e = p.EnumerateArray();
        e.MoveNext();
        var x = Number(path, index, e.Current);
        e.MoveNext();
        var y = Number(path, index, e.Current);
        return (x, y);
    }

    private static double Number(string path, int index, JsonElement v) =>
        v.ValueKind == JsonValueKind.Number ? v.GetDouble() : throw Bad(path, index, $"a coordinate is {v.ValueKind.ToString().ToLowerInvariant()}, not a number");

    private static CrsInfo? ReadCrsMember(string path, JsonElement root)
    {
        if (!root.TryGetProperty("crs", out var crs) || crs.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        // Legacy GeoJSON 2008: {"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25832"}} or {"type":"EPSG","properties":{"code":25832}}.
        string? text = null;
        if (crs.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
        {
            if (props.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            {
                text = name.GetString();
            }
            else if (props.TryGetProperty("code", out var code) && code.ValueKind is JsonValueKind.Number or JsonValueKind.String)
            {
                text = "EPSG:" + (code.ValueKind == JsonValueKind.Number ? code.GetRawText() : code.GetString());
            }
        }

        var epsg = CrsRegistry.ParseEpsgName(text);
        if (epsg is null)
        {
            throw new UnknownCrsException($"{path} (crs member \"{text}\")", "the crs member does not name an EPSG code or CRS84.");
        }

        return CrsRegistry.IsKnown(epsg.Value)
            ? CrsRegistry.Get(epsg.Value, CrsOrigin.Declared, $"From the crs member \"{text}\".")
            : new CrsInfo(epsg, $"EPSG:{epsg.Value.ToString(CultureInfo.InvariantCulture)}", CrsOrigin.Declared, null, $"From the crs member \"{text}\"; not a built-in CRS, so the layer cannot be reprojected.");
    }

    // ---------------------------------------------------------------- TopoJSON

    private static RawLayer ReadTopoJson(string path, JsonElement root, VectorReadOptions options)
    {
        if (!root.TryGetProperty("objects", out var objects) || objects.ValueKind != JsonValueKind.Object)
        {
            throw new GeoDataFormatException(path, "A TopoJSON Topology needs an \"objects\" member.");
        }

        JsonElement? chosen = null;
        var names = new List<string>();
        foreach (var o in objects.EnumerateObject())
        {
            names.Add(o.Name);
            if (chosen is null && (options.LayerName is null || string.Equals(o.Name, options.LayerName, StringComparison.Ordinal)))
            {
                chosen = o.Value;
            }
        }

        if (chosen is not { } obj)
        {
            throw new GeoDataFormatException(path, options.LayerName is null
                ? "The TopoJSON has no objects."
                : $"The TopoJSON has no object \"{options.LayerName}\" (it has: {string.Join(", ", names)}).");
        }

        var transform = ReadTransform(path, root);
        var arcs = DecodeArcs(path, root, transform);
        var topo = new Topo(path, arcs, transform);
        var fields = new FieldCollector();
        var features = new List<VectorFeature>();
        if (string.Equals(GetString(obj, "type"), "GeometryCollection", StringComparison.Ordinal) && obj.TryGetProperty("geometries", out var geometries))
        {
            features.Capacity = geometries.GetArrayLength();
            foreach (var g in geometries.EnumerateArray())
            {
                var index = features.Count;
                features.Add(new VectorFeature(index, topo.Geometry(g, index), ReadProperties(g, fields)));
            }
        }
        else
        {
            features.Add(new VectorFeature(0, topo.Geometry(obj, 0), ReadProperties(obj, fields)));
        }

        return new RawLayer("TopoJSON", ReadCrsMember(path, root), true, fields.Names, features, []);
    }

    private static (double Sx, double Sy, double Tx, double Ty)? ReadTransform(string path, JsonElement root)
    {
        if (!root.TryGetProperty("transform", out var t) || t.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (!t.TryGetProperty("scale", out var s) || !t.TryGetProperty("translate", out var tr) || s.GetArrayLength() < 2 || tr.GetArrayLength() < 2)
        {
            throw new GeoDataFormatException(path, "The TopoJSON transform needs \"scale\" and \"translate\" arrays of two numbers.");
        }

        return (s[0].GetDouble(), s[1].GetDouble(), tr[0].GetDouble(), tr[1].GetDouble());
    }

    private static double[][] DecodeArcs(string path, JsonElement root, (double Sx, double Sy, double Tx, double Ty)? transform)
    {
        if (!root.TryGetProperty("arcs", out var arcs) || arcs.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        // Each arc is stored as interleaved x,y doubles in the layer's coordinates. Quantized arcs are delta-encoded:
        // position k = sum of the first k+1 integer pairs, then scaled and translated.
        var result = new double[arcs.GetArrayLength()][];
        var a = 0;
        foreach (var arc in arcs.EnumerateArray())
        {
            var xy = new double[arc.GetArrayLength() * 2];
            var i = 0;
            double qx = 0, qy = 0;
            foreach (var p in arc.EnumerateArray())
            {
                if (p.ValueKind != JsonValueKind.Array || p.GetArrayLength() < 2)
                {
                    throw new GeoDataFormatException(path, $"Arc {a.ToString(CultureInfo.InvariantCulture)} holds a position that is not an array of two numbers.");
                }

                var x = p[0].GetDouble();
                var y = p[1].GetDouble();
                if (transform is { } t)
                {
                    qx += x;
                    qy += y;
                    x = (qx * t.Sx) + t.Tx;
                    y = (qy * t.Sy) + t.Ty;
                }

                xy[i++] = x;
                xy[i++] = y;
            }

            result[a++] = xy;
        }

        return result;
    }

    private sealed class Topo(string path, double[][] arcs, (double Sx, double Sy, double Tx, double Ty)? transform)
    {
        public Geometry? Geometry(JsonElement g, int index)
        {
            if (g.ValueKind != JsonValueKind.Object)
            {
                throw Bad(path, index, "a TopoJSON geometry must be an object");
            }

            var type = g.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            switch (type)
            {
                case null:
                    return null;
                case "GeometryCollection":
                    var parts = g.TryGetProperty("geometries", out var gs) ? gs.EnumerateArray().Select(p => Geometry(p, index)).OfType<Geometry>().ToArray() : [];
                    return Factory.CreateGeometryCollection(parts);
                case "Point":
                    return Factory.CreatePoint(Point(Member(g, "coordinates", index), index));
                case "MultiPoint":
                    return Factory.CreateMultiPoint([.. Member(g, "coordinates", index).EnumerateArray().Select(p => Factory.CreatePoint(Point(p, index)))]);
            }

            var a = Member(g, "arcs", index);
            return type switch
            {
                "LineString" => Factory.CreateLineString(Line(a, index)),
                "MultiLineString" => Factory.CreateMultiLineString([.. a.EnumerateArray().Select(l => Factory.CreateLineString(Line(l, index)))]),
                "Polygon" => Polygon(a, index),
                "MultiPolygon" => Factory.CreateMultiPolygon([.. a.EnumerateArray().Select(p => Polygon(p, index))]),
                _ => throw Bad(path, index, $"unknown TopoJSON geometry type \"{type}\""),
            };
        }

        private JsonElement Member(JsonElement g, string name, int index) =>
            g.TryGetProperty(name, out var m) && m.ValueKind == JsonValueKind.Array ? m : throw Bad(path, index, $"the geometry has no \"{name}\" array");

        private Coordinate Point(JsonElement p, int index)
        {
            var (x, y) = XY(path, index, p);
            return transform is { } t ? new Coordinate((x * t.Sx) + t.Tx, (y * t.Sy) + t.Ty) : new Coordinate(x, y);
        }

        private Polygon Polygon(JsonElement rings, int index)
        {
            var n = rings.GetArrayLength();
            if (n == 0)
            {
                return Factory.CreatePolygon();
            }

            var all = rings.EnumerateArray().Select(r => Ring(path, index, Line(r, index))).ToArray();
            return Factory.CreatePolygon(all[0], all[1..]);
        }

        /// <summary>Concatenates arcs (negative index ~i = arc i reversed), dropping the shared first position of each following arc.</summary>
        private CoordinateSequence Line(JsonElement arcRefs, int index)
        {
            var count = 0;
            var refs = new int[arcRefs.GetArrayLength()];
            var k = 0;
            foreach (var r in arcRefs.EnumerateArray())
            {
                if (r.ValueKind != JsonValueKind.Number || !r.TryGetInt32(out var ai))
                {
                    throw Bad(path, index, "an arc reference is not an integer");
                }

                var arc = ai >= 0 ? ai : ~ai;
                if (arc >= arcs.Length)
                {
                    throw Bad(path, index, $"arc {arc.ToString(CultureInfo.InvariantCulture)} does not exist (the topology has {arcs.Length.ToString(CultureInfo.InvariantCulture)})");
                }

                refs[k++] = ai;
                count += (arcs[arc].Length / 2) - (k > 1 ? 1 : 0);
            }

            var seq = Factory.CoordinateSequenceFactory.Create(Math.Max(count, 0), 2, 0);
            var o = 0;
            for (var j = 0; j < refs.Length; j++)
            {
                var reversed = refs[j] < 0;
                var xy = arcs[reversed ? ~refs[j] : refs[j]];
                var m = xy.Length / 2;
                for (var p = j == 0 ? 0 : 1; p < m; p++)
                {
                    var q = reversed ? m - 1 - p : p;
                    seq.SetX(o, xy[2 * q]);
                    seq.SetY(o, xy[(2 * q) + 1]);
                    o++;
                }
            }

            return seq;
        }
    }

    // ---------------------------------------------------------------- helpers

    private static string? GetString(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static GeoDataFormatException Bad(string path, int index, string what) =>
        new(path, $"Feature {index.ToString(CultureInfo.InvariantCulture)}: {what}.");

    private sealed class FieldCollector
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private readonly List<string> _names = [];

        public IReadOnlyList<string> Names => _names;

        public void Add(string name)
        {
            if (_seen.Add(name))
            {
                _names.Add(name);
            }
        }
    }
}
