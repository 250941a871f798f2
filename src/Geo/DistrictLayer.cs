using System.Globalization;
using GeoPrevention.Geo.Operations;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace GeoPrevention.Geo;

/// <summary>What <see cref="DistrictLayer"/> does when several features share one key.</summary>
public enum DuplicateKeyPolicy
{
    /// <summary>Throw a <see cref="GeoDataFormatException"/> naming the file, the key and the feature indices.</summary>
    Fail,

    /// <summary>
    /// Keep every feature as its own district and report one <see cref="GeoDiagnosticKind.DuplicateKey"/> per
    /// repeated key. Keys are then not unique: <see cref="DistrictLayer.Find"/> returns the first.
    /// </summary>
    Report,

    /// <summary>
    /// Union the geometries of all features with the same key into one district (the attributes, name and parent
    /// of the first feature are kept) and report one <see cref="GeoDiagnosticKind.DuplicateKey"/> per key. VG250
    /// splits some coastal and lake municipalities into a land and a water part with the same AGS; this
    /// restores one district per municipality. Costs one polygon union per duplicated key.
    /// </summary>
    Dissolve,
}

/// <summary>Options for <see cref="DistrictLayer.FromLayer(VectorLayer, DistrictLayerOptions)"/>.</summary>
public sealed class DistrictLayerOptions
{
    /// <summary>The attribute holding the district key, e.g. <c>AGS</c>. Required. Keys are text and never parsed as numbers.</summary>
    public required string KeyField { get; init; }

    /// <summary>The attribute holding the display name, e.g. <c>GEN</c>. <see langword="null"/> uses the key as name.</summary>
    public string? NameField { get; init; }

    /// <summary>The attribute holding the parent district key (Sozialraum → Gemeinde), or <see langword="null"/>.</summary>
    public string? ParentField { get; init; }

    /// <summary>What to do with invalid geometries. Default: <see cref="InvalidGeometryPolicy.Repair"/>.</summary>
    public InvalidGeometryPolicy InvalidGeometries { get; init; } = InvalidGeometryPolicy.Repair;

    /// <summary>What to do with repeated keys. Default: <see cref="DuplicateKeyPolicy.Dissolve"/>.</summary>
    public DuplicateKeyPolicy DuplicateKeys { get; init; } = DuplicateKeyPolicy.Dissolve;
}

/// <summary>One district: a text key, a display name, an optional parent key, attributes and a geometry.</summary>
/// <param name="Key">The key as text, exactly as in the source (AGS keeps its leading zero: <c>05570004</c>).</param>
/// <param name="Name">The display name (the key when no name field was given or the value is missing).</param>
/// <param name="ParentKey">The key of the parent district, or <see langword="null"/>.</param>
/// <param name="Attributes">All attributes of the (first) source feature.</param>
/// <param name="Geometry">The geometry in the layer CRS; an empty polygon when the source had none (reported).</param>
/// <param name="SourceIndices">The 0-based indices of the source features (more than one after a dissolve).</param>
public sealed record District(string Key, string Name, string? ParentKey, IReadOnlyDictionary<string, object?> Attributes, Geometry Geometry, IReadOnlyList<int> SourceIndices);

/// <summary>
/// A layer of districts (Sozialräume, Gemeinden, Kreise) with text keys, built from a <see cref="VectorLayer"/>.
/// </summary>
/// <remarks>
/// Rules applied by <see cref="FromLayer(VectorLayer, DistrictLayerOptions)"/>, in order:
/// <list type="number">
/// <item>Geometries are validated with <see cref="GeometryValidator"/> under <see cref="DistrictLayerOptions.InvalidGeometries"/>.</item>
/// <item>The key is the text of <see cref="DistrictLayerOptions.KeyField"/> (trimmed). A feature with no or a blank
/// key is reported as <see cref="GeoDiagnosticKind.MissingKey"/> and left out. A numeric key value (e.g. a DBF number
/// column) is converted with the invariant culture and reported once, since leading zeros may already be lost.</item>
/// <item>A null geometry becomes an empty polygon (already reported as <see cref="GeoDiagnosticKind.NullGeometry"/>).</item>
/// <item>Repeated keys are handled by <see cref="DistrictLayerOptions.DuplicateKeys"/>.</item>
/// <item>Districts keep the order of their first source feature.</item>
/// </list>
/// </remarks>
public sealed class DistrictLayer
{
    private readonly Dictionary<string, int> _byKey;
    private readonly string[] _keys;
    private readonly Geometry[] _geometries;

    private DistrictLayer(string source, CrsInfo crs, IReadOnlyList<District> districts, IReadOnlyList<GeoDiagnostic> diagnostics)
    {
        Source = source;
        Crs = crs;
        Districts = districts;
        Diagnostics = diagnostics;
        _byKey = new Dictionary<string, int>(districts.Count, StringComparer.Ordinal);
        _keys = new string[districts.Count];
        _geometries = new Geometry[districts.Count];
        for (var i = 0; i < districts.Count; i++)
        {
            _byKey.TryAdd(districts[i].Key, i);
            _keys[i] = districts[i].Key;
            _geometries[i] = districts[i].Geometry;
        }
    }

    /// <summary>The file (or other source) the districts were read from.</summary>
    public string Source { get; }

    /// <summary>The CRS of all geometries.</summary>
    public CrsInfo Crs { get; }

    /// <summary>The districts in source order.</summary>
    public IReadOnlyList<District> Districts { get; }

    /// <summary>All findings: those of reading the source, of validation, and of building the districts.</summary>
    public IReadOnlyList<GeoDiagnostic> Diagnostics { get; }

    /// <summary>The number of districts.</summary>
    public int Count => Districts.Count;

    /// <summary>The keys in district order.</summary>
    public IReadOnlyList<string> Keys => _keys;

    /// <summary>The geometries in district order.</summary>
    public IReadOnlyList<Geometry> Geometries => _geometries;

    /// <summary>Returns the district with a key (ordinal comparison), or <see langword="null"/>.</summary>
    /// <param name="key">The key, e.g. <c>05570004</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public District? Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _byKey.TryGetValue(key, out var i) ? Districts[i] : null;
    }

    /// <summary>Builds a district layer keyed by one field, with default options (repair invalid geometries, dissolve duplicate keys).</summary>
    /// <param name="layer">The source layer.</param>
    /// <param name="keyField">The key attribute.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="keyField"/> is not a field of the layer.</exception>
    public static DistrictLayer FromLayer(VectorLayer layer, string keyField) => FromLayer(layer, new DistrictLayerOptions { KeyField = keyField });

    /// <summary>Builds a district layer (see the rules in the type remarks).</summary>
    /// <param name="layer">The source layer.</param>
    /// <param name="options">Fields and policies.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A named field is not a field of the layer.</exception>
    /// <exception cref="GeoDataFormatException">A policy is <c>Fail</c> and an invalid geometry or repeated key was found.</exception>
    public static DistrictLayer FromLayer(VectorLayer layer, DistrictLayerOptions options)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(options);
        RequireField(layer, options.KeyField, nameof(options.KeyField));
        if (options.NameField is not null)
        {
            RequireField(layer, options.NameField, nameof(options.NameField));
        }

        if (options.ParentField is not null)
        {
            RequireField(layer, options.ParentField, nameof(options.ParentField));
        }

        var validation = GeometryValidator.Validate(layer, new GeometryValidationOptions { Policy = options.InvalidGeometries, KeyField = options.KeyField });
        var diagnostics = new List<GeoDiagnostic>(validation.Layer.Diagnostics);
        var factory = layer.Features.FirstOrDefault(f => f.Geometry is not null)?.Geometry!.Factory ?? NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();

        // Group features by key, keeping first-occurrence order.
        var groups = new Dictionary<string, List<VectorFeature>>(StringComparer.Ordinal);
        var order = new List<string>();
        var numericKeyReported = false;
        foreach (var feature in validation.Layer.Features)
        {
            feature.Attributes.TryGetValue(options.KeyField, out var raw);
            var key = feature.GetText(options.KeyField)?.Trim();
            if (string.IsNullOrEmpty(key))
            {
                diagnostics.Add(new GeoDiagnostic(GeoDiagnosticKind.MissingKey, $"Feature {feature.Index.ToString(CultureInfo.InvariantCulture)} has no value in key field '{options.KeyField}' and was left out.", feature.Index));
                continue;
            }

            if (!numericKeyReported && raw is not string)
            {
                numericKeyReported = true;
                diagnostics.Add(new GeoDiagnostic(GeoDiagnosticKind.Other, $"Key field '{options.KeyField}' holds numbers ({raw!.GetType().Name}), not text; leading zeros (AGS '05570004') may have been lost in the source.", feature.Index, key));
            }

            if (!groups.TryGetValue(key, out var list))
            {
                list = [];
                groups.Add(key, list);
                order.Add(key);
            }

            list.Add(feature);
        }

        var districts = new List<District>(order.Count);
        foreach (var key in order)
        {
            var members = groups[key];
            var first = members[0];
            var name = options.NameField is null ? key : first.GetText(options.NameField) ?? key;
            var parent = options.ParentField is null ? null : NullIfBlank(first.GetText(options.ParentField));
            if (members.Count == 1)
            {
                districts.Add(new District(key, name, parent, first.Attributes, first.Geometry ?? factory.CreatePolygon(), [first.Index]));
                continue;
            }

            var indices = members.Select(m => m.Index).ToArray();
            var indexText = string.Join(", ", indices.Select(i => i.ToString(CultureInfo.InvariantCulture)));
            switch (options.DuplicateKeys)
            {
                case DuplicateKeyPolicy.Fail:
                    throw new GeoDataFormatException(layer.Source, $"Key '{key}' in field '{options.KeyField}' occurs {members.Count.ToString(CultureInfo.InvariantCulture)} times (features {indexText}). Use DuplicateKeyPolicy.Dissolve or Report to load it anyway.");
                case DuplicateKeyPolicy.Report:
                    diagnostics.Add(new GeoDiagnostic(GeoDiagnosticKind.DuplicateKey, $"Key '{key}' occurs {members.Count.ToString(CultureInfo.InvariantCulture)} times (features {indexText}); all are kept as separate districts.", first.Index, key));
                    foreach (var m in members)
                    {
                        var n = options.NameField is null ? key : m.GetText(options.NameField) ?? key;
                        var p = options.ParentField is null ? null : NullIfBlank(m.GetText(options.ParentField));
                        districts.Add(new District(key, n, p, m.Attributes, m.Geometry ?? factory.CreatePolygon(), [m.Index]));
                    }

                    break;
                default:
                    var parts = members.Where(m => m.Geometry is { IsEmpty: false }).Select(m => m.Geometry!).ToList();
                    var union = parts.Count == 0 ? factory.CreatePolygon() : UnaryUnionOp.Union(parts);
                    diagnostics.Add(new GeoDiagnostic(GeoDiagnosticKind.DuplicateKey, $"Key '{key}' occurs {members.Count.ToString(CultureInfo.InvariantCulture)} times (features {indexText}); the parts were dissolved into one district.", first.Index, key));
                    if (options.ParentField is not null && members.Select(m => NullIfBlank(m.GetText(options.ParentField))).Distinct(StringComparer.Ordinal).Count() > 1)
                    {
                        diagnostics.Add(new GeoDiagnostic(GeoDiagnosticKind.Other, $"The parts of key '{key}' name different parents; the first ('{parent}') was kept.", first.Index, key));
                    }

                    districts.Add(new District(key, name, parent, first.Attributes, union, indices));
                    break;
            }
        }

        return new DistrictLayer(layer.Source, layer.Crs, districts, diagnostics);
    }

    private static void RequireField(VectorLayer layer, string field, string option)
    {
        ArgumentNullException.ThrowIfNull(field, option);
        if (!layer.Fields.Contains(field, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Field '{field}' ({option}) is not in {layer.Source}; fields are: {string.Join(", ", layer.Fields)}.", option);
        }
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
