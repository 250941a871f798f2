using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GeoPrevention.Geo.Crs;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Writers;

namespace GeoPrevention.Geo.IO;

/// <summary>
/// Writes a <see cref="VectorLayer"/> as GeoJSON (RFC 7946), GeoPackage (GPKG 1.2) or Shapefile.
/// </summary>
/// <remarks>
/// Rules common to all formats:
/// <list type="number">
/// <item><description>Writes are atomic: the data go to a temporary file (a temporary file set for shapefiles) in the target folder,
/// which is renamed over the target only when complete. On failure the temporary files are deleted and an existing target is left
/// as it was.</description></item>
/// <item><description>Features, their order and their attributes are kept; attribute types map as listed per format.</description></item>
/// <item><description>The layer is not modified.</description></item>
/// </list>
/// </remarks>
public static class VectorLayerWriter
{
    static VectorLayerWriter()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Writes the layer in the format given by the extension of <paramref name="path"/> (.geojson/.json, .gpkg, .shp).</summary>
    /// <param name="layer">The layer.</param>
    /// <param name="path">The target file; an existing file is replaced.</param>
    /// <param name="options">Format options; null for defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="layer"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or has an unsupported extension, or the layer cannot be
    /// represented in the format (see the format methods).</exception>
    /// <exception cref="UnknownCrsException">GeoJSON output needs a reprojection the layer's CRS does not allow.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(VectorLayer layer, string path, VectorWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentException.ThrowIfNullOrEmpty(path);
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".geojson" or ".json":
                WriteGeoJson(layer, path, options);
                break;
            case ".gpkg":
                WriteGeoPackage(layer, path, options);
                break;
            case ".shp":
                WriteShapefile(layer, path, options);
                break;
            default:
                throw new ArgumentException($"Unsupported output extension '{Path.GetExtension(path)}'; use .geojson, .gpkg or .shp.", nameof(path));
        }
    }

    /// <summary>
    /// Writes RFC 7946 GeoJSON: a FeatureCollection in WGS 84 longitude/latitude (the layer is reprojected when needed),
    /// coordinates rounded to <see cref="VectorWriteOptions.CoordinateDecimals"/>, exterior rings counter-clockwise and holes
    /// clockwise, UTF-8 without BOM with non-ASCII letters (umlauts) written as they are.
    /// </summary>
    /// <remarks>
    /// <para>Attributes: text → string, numbers → number, bool → true/false, DateTime → ISO 8601 string, null → null.
    /// Null geometries are written as <c>"geometry": null</c>.</para>
    /// <para>Coordinates (d = <see cref="VectorWriteOptions.CoordinateDecimals"/>): each longitude/latitude v is written as the
    /// decimal k · 10⁻ᵈ with k = round(v · 10ᵈ), halves away from zero (the value <see cref="Math.Round(double, int, MidpointRounding)"/>
    /// gives), without trailing zeros ("7.98", "52", "-0.5"). Parsing the text back gives exactly that rounded double, so the
    /// error is at most half a unit of the last decimal: 7 decimals ≈ 1.1 cm of latitude (the default, as QGIS and mapshaper in the
    /// benchmark); RFC 7946 §11.2 suggests 6 (≈ 0.11 m) for smaller files. The same layer gives byte-identical output on every run.</para>
    /// <para>Reprojection happens while writing, one coordinate sequence at a time (see <see cref="Reprojector"/>); ring orientation is
    /// decided on the written (WGS 84) coordinates.</para>
    /// <para>Layers of 4 096 features or more are formatted in parallel, one thread per core (at most 8), in fixed chunks of 2 048 features
    /// that are written in order; the file is byte-identical to the one-thread output, and an error names the same feature as it
    /// would there. Memory stays at a few chunk buffers (1 MB each for 2 048 districts), not the whole file.</para>
    /// </remarks>
    /// <param name="layer">The layer.</param>
    /// <param name="path">The target file.</param>
    /// <param name="options">Options; null for defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="layer"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or a coordinate is not finite (GeoJSON has no NaN or infinity).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="VectorWriteOptions.CoordinateDecimals"/> is outside 0…15.</exception>
    /// <exception cref="UnknownCrsException">The layer's CRS cannot be transformed to WGS 84.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void WriteGeoJson(VectorLayer layer, string path, VectorWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(layer);
        WriteGeoJsonInChunks(layer, path, options, GeoJsonFeatureWriter.ChunkSize, GeoJsonFeatureWriter.DefaultWorkers(layer.Features.Count));
    }

    /// <summary><see cref="WriteGeoJson(VectorLayer, string, VectorWriteOptions?)"/> with the chunk size and worker count given (for tests and benchmarks).</summary>
    internal static void WriteGeoJsonInChunks(VectorLayer layer, string path, VectorWriteOptions? options, int chunkSize, int workers)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkSize);
        options ??= new VectorWriteOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.CoordinateDecimals, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.CoordinateDecimals, 15, nameof(options));

        // Reprojected while writing, one coordinate sequence at a time: no copy of the layer's geometries.
        CoordinateTransformer? CreateTransform() => layer.Crs.Epsg == 4326 ? null : Reprojector.CreateTransformer(layer.Crs, CrsRegistry.Get(4326));
        var transform = CreateTransform();
        var json = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = options.Indented };
        AtomicFile.Write(path, temp =>
        {
            using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            GeoJsonFeatureWriter.Write(stream, layer, transform, CreateTransform, options.CoordinateDecimals, json, chunkSize, workers);
        });
    }

    /// <summary>
    /// Writes a GeoPackage 1.2 file with one feature table (readable by GDAL/QGIS): <c>application_id</c> 1196444487 ("GPKG"),
    /// <c>user_version</c> 10200, <c>gpkg_spatial_ref_sys</c> with the rows −1, 0, 4326 and the layer's CRS (with its WKT),
    /// <c>gpkg_contents</c> with the bounding box, <c>gpkg_geometry_columns</c>, and a table
    /// <c>(fid INTEGER PRIMARY KEY AUTOINCREMENT, geom &lt;TYPE&gt;, attributes…)</c>. Coordinates are written in the layer's CRS.
    /// </summary>
    /// <remarks>
    /// Attribute columns: all values text → TEXT; all integers → INTEGER; numbers (mixed integers and reals) → REAL;
    /// bool → BOOLEAN (0/1); DateTime → DATETIME (ISO 8601 text); mixed kinds → TEXT (invariant culture); only nulls → TEXT.
    /// The geometry type is the common type of all geometries, or GEOMETRY when they differ. A CRS without EPSG code is stored
    /// under srs_id 100000 with organization "NONE" and its WKT. No spatial index is written.
    /// </remarks>
    /// <param name="layer">The layer.</param>
    /// <param name="path">The target file.</param>
    /// <param name="options">Options (<see cref="VectorWriteOptions.LayerName"/>); null for defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="layer"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or the layer name is blank.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void WriteGeoPackage(VectorLayer layer, string path, VectorWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var table = options?.LayerName ?? Path.GetFileNameWithoutExtension(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(table, nameof(options));
        var lastChange = options?.LastChange ?? DateTimeOffset.UtcNow;
        AtomicFile.Write(path, temp => GeoPackageWriter.Write(layer, temp, table, lastChange));
    }

    /// <summary>
    /// Writes an ESRI shapefile set (.shp, .shx, .dbf, .cpg, .prj) with NetTopologySuite.IO.Esri.Shapefile.
    /// </summary>
    /// <remarks>
    /// <list type="number">
    /// <item><description>All geometries must be of one family: polygons (Polygon/MultiPolygon), lines, points or multipoints.</description></item>
    /// <item><description>Null and empty geometries are written as null shapes (the format has no empty geometry).</description></item>
    /// <item><description>Field names longer than 10 characters are cut to 10 (made unique with a numeric suffix), as dBASE requires.</description></item>
    /// <item><description>Text → character field sized to the longest value (max 254 bytes); integers → numeric(18,0); other numbers →
    /// numeric double; bool → logical; DateTime → date.</description></item>
    /// <item><description>The encoding is <see cref="VectorWriteOptions.AttributeEncoding"/> (default UTF-8) and is written to the .cpg;
    /// the .prj holds the layer CRS's WKT (omitted when the CRS has none).</description></item>
    /// </list>
    /// </remarks>
    /// <param name="layer">The layer.</param>
    /// <param name="path">The target .shp file; its sidecar files are replaced too.</param>
    /// <param name="options">Options (<see cref="VectorWriteOptions.AttributeEncoding"/>); null for defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="layer"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or does not end in .shp, or the geometries mix families.</exception>
    /// <exception cref="IOException">The files cannot be written.</exception>
    public static void WriteShapefile(VectorLayer layer, string path, VectorWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!string.Equals(Path.GetExtension(path), ".shp", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("A shapefile path must end in .shp.", nameof(path));
        }

        var encoding = options?.AttributeEncoding ?? new UTF8Encoding(false);
        var shapeType = ShapeTypeOf(layer);
        var wkt = layer.Crs.Wkt ?? (layer.Crs.Epsg is { } e && CrsRegistry.IsKnown(e) ? CrsRegistry.GetWkt(e) : null);
        var names = DbfNames(layer.Fields);
        AtomicFile.WriteSet(path, [".shp", ".shx", ".dbf", ".cpg", ".prj"], temp =>
        {
            var writerOptions = new ShapefileWriterOptions(shapeType) { Encoding = encoding, Projection = wkt };
            var kinds = new FieldKind[layer.Fields.Count];
            for (var i = 0; i < layer.Fields.Count; i++)
            {
                kinds[i] = KindOf(layer, layer.Fields[i]);
                var name = names[i];
                switch (kinds[i])
                {
                    case FieldKind.Integer:
                        writerOptions.AddNumericInt64Field(name);
                        break;
                    case FieldKind.Real:
                        writerOptions.AddNumericDoubleField(name);
                        break;
                    case FieldKind.Boolean:
                        writerOptions.AddLogicalField(name);
                        break;
                    case FieldKind.Date:
                        writerOptions.AddDateField(name);
                        break;
                    default:
                        writerOptions.AddCharacterField(name, TextLength(layer, layer.Fields[i], encoding));
                        break;
                }
            }

            using var writer = Shapefile.OpenWrite(temp, writerOptions);
            foreach (var f in layer.Features)
            {
                // The format has no empty geometry; NetTopologySuite writes an empty geometry as a null shape.
                writer.Geometry = f.Geometry is { IsEmpty: false } g ? g : EmptyOf(shapeType);
                for (var i = 0; i < layer.Fields.Count; i++)
                {
                    var value = f.Attributes.GetValueOrDefault(layer.Fields[i]);
                    writer.Fields[names[i]].Value = kinds[i] switch
                    {
                        _ when value is null => null,
                        FieldKind.Integer => Convert.ToInt64(value, CultureInfo.InvariantCulture),
                        FieldKind.Real => Convert.ToDouble(value, CultureInfo.InvariantCulture),
                        FieldKind.Text => FormatText(value),
                        _ => value,
                    };
                }

                writer.Write();
            }
        });
    }

    private static Geometry EmptyOf(ShapeType type) => type switch
    {
        ShapeType.Point => GeometryFactory.Default.CreatePoint(),
        ShapeType.MultiPoint => GeometryFactory.Default.CreateMultiPoint(),
        ShapeType.PolyLine => GeometryFactory.Default.CreateMultiLineString(),
        _ => GeometryFactory.Default.CreateMultiPolygon(),
    };

    private static ShapeType ShapeTypeOf(VectorLayer layer)
    {
        ShapeType? type = null;
        foreach (var f in layer.Features)
        {
            if (f.Geometry is not { IsEmpty: false } g)
            {
                continue;
            }

            var t = g switch
            {
                Polygon or MultiPolygon => ShapeType.Polygon,
                LineString or MultiLineString => ShapeType.PolyLine,
                Point => ShapeType.Point,
                MultiPoint => ShapeType.MultiPoint,
                _ => throw new ArgumentException($"Feature {f.Index.ToString(CultureInfo.InvariantCulture)} is a {g.GeometryType}, which a shapefile cannot hold.", nameof(layer)),
            };
            if (type is { } known && known != t)
            {
                throw new ArgumentException($"A shapefile holds one geometry family, but the layer mixes {known} and {t} (feature {f.Index.ToString(CultureInfo.InvariantCulture)}).", nameof(layer));
            }

            type = t;
        }

        return type ?? ShapeType.Polygon;
    }

    private static string[] DbfNames(IReadOnlyList<string> fields)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new string[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            var name = fields[i].Length <= 10 ? fields[i] : fields[i][..10];
            for (var k = 1; !used.Add(name); k++)
            {
                var suffix = k.ToString(CultureInfo.InvariantCulture);
                name = (fields[i].Length > 10 - suffix.Length ? fields[i][..(10 - suffix.Length)] : fields[i]) + suffix;
            }

            result[i] = name;
        }

        return result;
    }

    private static int TextLength(VectorLayer layer, string field, Encoding encoding)
    {
        var max = 1;
        foreach (var f in layer.Features)
        {
            if (f.Attributes.GetValueOrDefault(field) is { } v)
            {
                max = Math.Max(max, encoding.GetByteCount(FormatText(v)));
            }
        }

        return Math.Min(max, 254);
    }

    internal static string FormatText(object value) => value switch
    {
        string s => s,
        DateTime t => t.ToString("o", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    internal enum FieldKind
    {
        Text,
        Integer,
        Real,
        Boolean,
        Date,
    }

    /// <summary>The common kind of a field's non-null values: see the GeoPackage remarks for the rules.</summary>
    internal static FieldKind KindOf(VectorLayer layer, string field)
    {
        FieldKind? kind = null;
        foreach (var f in layer.Features)
        {
            var k = f.Attributes.GetValueOrDefault(field) switch
            {
                null => (FieldKind?)null,
                string => FieldKind.Text,
                long or int or short or byte or sbyte or ushort or uint => FieldKind.Integer,
                double or float or decimal => FieldKind.Real,
                bool => FieldKind.Boolean,
                DateTime => FieldKind.Date,
                _ => FieldKind.Text,
            };
            if (k is null)
            {
                continue;
            }

            kind = (kind, k) switch
            {
                (null, _) => k,
                _ when kind == k => k,
                (FieldKind.Integer, FieldKind.Real) or (FieldKind.Real, FieldKind.Integer) => FieldKind.Real,
                _ => FieldKind.Text,
            };
        }

        return kind ?? FieldKind.Text;
    }

    private static class GeoPackageWriter
    {
        private const int CustomSrsId = 100000;

        public static void Write(VectorLayer layer, string path, string table, DateTimeOffset lastChange)
        {
            var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
            using var connection = new SqliteConnection(builder.ToString());
            connection.Open();
            Execute(connection, "PRAGMA application_id = 1196444487; PRAGMA user_version = 10200; PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF;");

            var (srsId, organization, code, name, definition) = SrsOf(layer.Crs);
            var kinds = layer.Fields.Select(f => KindOf(layer, f)).ToArray();
            var geometryType = GeometryTypeName(layer);
            var box = new Envelope();
            foreach (var f in layer.Features)
            {
                if (f.Geometry is { IsEmpty: false } g)
                {
                    box.ExpandToInclude(g.EnvelopeInternal);
                }
            }

            using var transaction = connection.BeginTransaction();
            Execute(connection, """
                CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
                  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
                CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
                  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
                  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
                  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
                CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
                  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
                  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
                  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
                  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
                  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
                INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
                INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
                """);
            InsertSrs(connection, "WGS 84 geodetic", 4326, "EPSG", 4326, CrsRegistry.GetWkt(4326), "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid");
            if (srsId is not (4326 or 0 or -1))
            {
                InsertSrs(connection, name, srsId, organization, code, definition, null);
            }

            using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id) VALUES ($t, 'features', $t, '', $lc, $x0, $y0, $x1, $y1, $srs)";
                cmd.Parameters.AddWithValue("$t", table);
                cmd.Parameters.AddWithValue("$lc", lastChange.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                cmd.Parameters.AddWithValue("$x0", box.IsNull ? DBNull.Value : box.MinX);
                cmd.Parameters.AddWithValue("$y0", box.IsNull ? DBNull.Value : box.MinY);
                cmd.Parameters.AddWithValue("$x1", box.IsNull ? DBNull.Value : box.MaxX);
                cmd.Parameters.AddWithValue("$y1", box.IsNull ? DBNull.Value : box.MaxY);
                cmd.Parameters.AddWithValue("$srs", srsId);
                cmd.ExecuteNonQuery();
            }

            using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = "INSERT INTO gpkg_geometry_columns VALUES ($t, 'geom', $type, $srs, 0, 0)";
                cmd.Parameters.AddWithValue("$t", table);
                cmd.Parameters.AddWithValue("$type", geometryType);
                cmd.Parameters.AddWithValue("$srs", srsId);
                cmd.ExecuteNonQuery();
            }

            var q = GeoPackageLayerReader.Quote;
            var columns = string.Concat(layer.Fields.Select((f, i) => $", {q(f)} {SqlType(kinds[i])}"));
            Execute(connection, $"CREATE TABLE {q(table)} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom {geometryType}{columns})");

            using (var insert = connection.CreateCommand())
            {
                var names = string.Concat(layer.Fields.Select(f => ", " + q(f)));
                var values = string.Concat(layer.Fields.Select((_, i) => ", $p" + i.ToString(CultureInfo.InvariantCulture)));
                insert.CommandText = $"INSERT INTO {q(table)} (geom{names}) VALUES ($g{values})";
                var geometryParameter = insert.Parameters.Add("$g", SqliteType.Blob);
                var parameters = layer.Fields.Select((_, i) => insert.Parameters.AddWithValue("$p" + i.ToString(CultureInfo.InvariantCulture), DBNull.Value)).ToArray();
                insert.Prepare();
                foreach (var f in layer.Features)
                {
                    geometryParameter.Value = f.Geometry is null ? DBNull.Value : GeoPackageBinary.Write(f.Geometry, srsId);
                    for (var i = 0; i < parameters.Length; i++)
                    {
                        parameters[i].Value = ToSql(f.Attributes.GetValueOrDefault(layer.Fields[i]), kinds[i]);
                    }

                    insert.ExecuteNonQuery();
                }
            }

            transaction.Commit();
        }

        private static (int SrsId, string Organization, int Code, string Name, string Definition) SrsOf(CrsInfo crs)
        {
            if (crs.Epsg is { } epsg)
            {
                var wkt = CrsRegistry.IsKnown(epsg) ? CrsRegistry.GetWkt(epsg) : crs.Wkt ?? "undefined";
                return (epsg, "EPSG", epsg, crs.Name, wkt);
            }

            return crs.Wkt is { } custom ? (CustomSrsId, "NONE", CustomSrsId, crs.Name, custom) : (-1, "NONE", -1, crs.Name, "undefined");
        }

        private static void InsertSrs(SqliteConnection connection, string name, int srsId, string organization, int code, string definition, string? description)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "INSERT INTO gpkg_spatial_ref_sys VALUES ($n, $id, $o, $c, $d, $desc)";
            cmd.Parameters.AddWithValue("$n", name);
            cmd.Parameters.AddWithValue("$id", srsId);
            cmd.Parameters.AddWithValue("$o", organization);
            cmd.Parameters.AddWithValue("$c", code);
            cmd.Parameters.AddWithValue("$d", definition);
            cmd.Parameters.AddWithValue("$desc", (object?)description ?? DBNull.Value);
            cmd.ExecuteNonQuery();
        }

        private static string GeometryTypeName(VectorLayer layer)
        {
            string? type = null;
            foreach (var f in layer.Features)
            {
                if (f.Geometry is not { } g)
                {
                    continue;
                }

                var t = g.GeometryType.ToUpperInvariant();
                if (type is not null && type != t)
                {
                    return "GEOMETRY";
                }

                type = t;
            }

            return type ?? "GEOMETRY";
        }

        private static string SqlType(FieldKind kind) => kind switch
        {
            FieldKind.Integer => "INTEGER",
            FieldKind.Real => "REAL",
            FieldKind.Boolean => "BOOLEAN",
            FieldKind.Date => "DATETIME",
            _ => "TEXT",
        };

        private static object ToSql(object? value, FieldKind kind) => value switch
        {
            null => DBNull.Value,
            _ when kind == FieldKind.Integer => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            _ when kind == FieldKind.Real => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            bool b when kind == FieldKind.Boolean => b ? 1L : 0L,
            DateTime t when kind == FieldKind.Date => (t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            _ => FormatText(value),
        };

        private static void Execute(SqliteConnection connection, string sql)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }
    }
}
