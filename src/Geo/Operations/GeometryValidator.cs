using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;

namespace GeoPrevention.Geo.Operations;

/// <summary>Options for <see cref="GeometryValidator.Validate(VectorLayer, GeometryValidationOptions)"/>.</summary>
public sealed class GeometryValidationOptions
{
    /// <summary>What to do with invalid geometries. Default: <see cref="InvalidGeometryPolicy.Repair"/>.</summary>
    public InvalidGeometryPolicy Policy { get; init; } = InvalidGeometryPolicy.Repair;

    /// <summary>
    /// The attribute that identifies a feature (e.g. <c>AGS</c>); used only to name features in diagnostics
    /// and error messages. <see langword="null"/> names features by index only.
    /// </summary>
    public string? KeyField { get; init; }
}

/// <summary>One invalid geometry as found by NetTopologySuite's <c>IsValidOp</c>.</summary>
/// <param name="FeatureIndex">0-based index of the feature in the source (<see cref="VectorFeature.Index"/>).</param>
/// <param name="Key">The feature key, if a key field was given and the feature has a value.</param>
/// <param name="Kind">The kind of error, e.g. <see cref="TopologyValidationErrors.SelfIntersection"/> or <see cref="TopologyValidationErrors.RingSelfIntersection"/>.</param>
/// <param name="Location">The coordinate where the error was found (e.g. the self-intersection point).</param>
/// <param name="Message">NTS's description of the error.</param>
public sealed record GeometryIssue(int FeatureIndex, string? Key, TopologyValidationErrors Kind, Coordinate? Location, string Message);

/// <summary>The outcome of <see cref="GeometryValidator.Validate(VectorLayer, GeometryValidationOptions)"/>.</summary>
public sealed class GeometryValidationResult
{
    internal GeometryValidationResult(VectorLayer layer, IReadOnlyList<GeoDiagnostic> diagnostics, IReadOnlyList<GeometryIssue> invalid, int nullCount, int emptyCount, int repairedCount, int skippedCount)
    {
        Layer = layer;
        Diagnostics = diagnostics;
        InvalidGeometries = invalid;
        NullCount = nullCount;
        EmptyCount = emptyCount;
        RepairedCount = repairedCount;
        SkippedCount = skippedCount;
    }

    /// <summary>
    /// The layer after the policy was applied: a new object (the input is not changed) whose
    /// <see cref="VectorLayer.Diagnostics"/> are the input's diagnostics followed by <see cref="Diagnostics"/>.
    /// </summary>
    public VectorLayer Layer { get; }

    /// <summary>The findings of this validation run, in feature order.</summary>
    public IReadOnlyList<GeoDiagnostic> Diagnostics { get; }

    /// <summary>Every invalid non-empty geometry found (before any repair), in feature order.</summary>
    public IReadOnlyList<GeometryIssue> InvalidGeometries { get; }

    /// <summary>Number of features without a geometry.</summary>
    public int NullCount { get; }

    /// <summary>Number of features with an empty geometry.</summary>
    public int EmptyCount { get; }

    /// <summary>Number of geometries repaired (policy <see cref="InvalidGeometryPolicy.Repair"/>).</summary>
    public int RepairedCount { get; }

    /// <summary>Number of features dropped (policy <see cref="InvalidGeometryPolicy.Skip"/>).</summary>
    public int SkippedCount { get; }
}

/// <summary>
/// Checks the geometries of a layer with NetTopologySuite's <c>IsValidOp</c> (OGC Simple Features validity)
/// and applies an <see cref="InvalidGeometryPolicy"/>.
/// </summary>
/// <remarks>
/// Rules, in order, for each feature:
/// <list type="number">
/// <item>A feature without geometry is reported as <see cref="GeoDiagnosticKind.NullGeometry"/> and kept.</item>
/// <item>A feature with an empty geometry is reported as <see cref="GeoDiagnosticKind.EmptyGeometry"/> and kept.</item>
/// <item>Otherwise the geometry is checked; if invalid, one <see cref="GeoDiagnosticKind.InvalidGeometry"/> diagnostic
/// names the feature index, key, the <see cref="TopologyValidationErrors"/> kind and the location of the first error
/// NTS finds (NTS reports one error per geometry).</item>
/// <item>The policy is applied to the invalid geometry: <see cref="InvalidGeometryPolicy.Fail"/> throws,
/// <see cref="InvalidGeometryPolicy.Skip"/> drops the feature (reported as <see cref="GeoDiagnosticKind.SkippedFeature"/>),
/// <see cref="InvalidGeometryPolicy.Repair"/> replaces it by <c>GeometryFixer.Fix(g, isKeepMulti: true)</c>
/// (reported as <see cref="GeoDiagnosticKind.RepairedGeometry"/>), <see cref="InvalidGeometryPolicy.Keep"/> keeps it.</item>
/// </list>
/// Validity follows the OGC rules as implemented by NTS 2.6 (the same algorithm family as GEOS ≥ 3.10):
/// rings that self-touch to form a hole ("inverted" rings, as in ESRI shapefiles) are invalid.
/// </remarks>
public static class GeometryValidator
{
    /// <summary>Returns the first validity error of a geometry, or <see langword="null"/> when it is valid (or empty).</summary>
    /// <param name="geometry">The geometry to check.</param>
    /// <exception cref="ArgumentNullException"><paramref name="geometry"/> is null.</exception>
    public static TopologyValidationError? FindError(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (geometry.IsEmpty)
        {
            return null;
        }

        var op = new IsValidOp(geometry);
        return op.IsValid ? null : op.ValidationError;
    }

    /// <summary>Validates a layer with the default options (policy <see cref="InvalidGeometryPolicy.Repair"/>).</summary>
    /// <param name="layer">The layer to check.</param>
    /// <returns>The repaired layer and the findings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="layer"/> is null.</exception>
    public static GeometryValidationResult Validate(VectorLayer layer) => Validate(layer, new GeometryValidationOptions());

    /// <summary>Validates a layer and applies the policy in <paramref name="options"/>.</summary>
    /// <param name="layer">The layer to check.</param>
    /// <param name="options">Policy and key field.</param>
    /// <returns>A new layer with the policy applied, and the findings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="layer"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="GeoDataFormatException">The policy is <see cref="InvalidGeometryPolicy.Fail"/> and a geometry is invalid;
    /// the message names the file, the feature index, the key and the error with its location.</exception>
    public static GeometryValidationResult Validate(VectorLayer layer, GeometryValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(options);

        var diagnostics = new List<GeoDiagnostic>();
        var invalid = new List<GeometryIssue>();
        var features = new List<VectorFeature>(layer.Features.Count);
        int nulls = 0, empties = 0, repaired = 0, skipped = 0;

        foreach (var feature in layer.Features)
        {
            var key = options.KeyField is null ? null : feature.GetText(options.KeyField);
            var geometry = feature.Geometry;
            if (geometry is null)
            {
                nulls++;
                diagnostics.Add(new GeoDiagnostic(GeoDiagnosticKind.NullGeometry, $"{Name(feature.Index, key)} has no geometry.", feature.Index, key));
                features.Add(feature);
                continue;
            }

            if (geometry.IsEmpty)
            {
                empties++;
                diagnostics.Add(new GeoDiagnostic(GeoDiagnosticKind.EmptyGeometry, $"{Name(feature.Index, key)} has an empty {geometry.GeometryType}.", feature.Index, key));
                features.Add(feature);
                continue;
            }

            var error = FindError(geometry);
            if (error is null)
            {
                features.Add(feature);
                continue;
            }

            var issue = new GeometryIssue(feature.Index, key, error.ErrorType, error.Coordinate?.Copy(), error.Message);
            invalid.Add(issue);
            var description = Describe(issue);
            diagnostics.Add(new GeoDiagnostic(GeoDiagnosticKind.InvalidGeometry, $"{Name(feature.Index, key)} has an invalid geometry: {description}.", feature.Index, key, issue.Location));

            switch (options.Policy)
            {
                case InvalidGeometryPolicy.Fail:
                    throw new GeoDataFormatException(layer.Source, $"{Name(feature.Index, key)} has an invalid geometry: {description}. Load it with InvalidGeometryPolicy.Repair, Skip or Keep to continue.");
                case InvalidGeometryPolicy.Skip:
                    skipped++;
                    diagnostics.Add(new GeoDiagnostic(GeoDiagnosticKind.SkippedFeature, $"{Name(feature.Index, key)} was skipped because its geometry is invalid.", feature.Index, key, issue.Location));
                    break;
                case InvalidGeometryPolicy.Repair:
                    var fixedGeometry = GeometryFixer.Fix(geometry, isKeepMulti: true);
                    repaired++;
                    diagnostics.Add(new GeoDiagnostic(
                        GeoDiagnosticKind.RepairedGeometry,
                        string.Create(CultureInfo.InvariantCulture, $"{Name(feature.Index, key)} was repaired ({fixedGeometry.GeometryType}{(fixedGeometry.IsEmpty ? ", empty" : string.Empty)}); area {geometry.Area:G6} → {fixedGeometry.Area:G6} (CRS units²)."),
                        feature.Index,
                        key,
                        issue.Location));
                    features.Add(feature with { Geometry = fixedGeometry });
                    break;
                default:
                    features.Add(feature);
                    break;
            }
        }

        var all = new List<GeoDiagnostic>(layer.Diagnostics.Count + diagnostics.Count);
        all.AddRange(layer.Diagnostics);
        all.AddRange(diagnostics);
        var result = new VectorLayer(layer.Source, layer.Format, layer.Crs, layer.Fields, features, all);
        return new GeometryValidationResult(result, diagnostics, invalid, nulls, empties, repaired, skipped);
    }

    internal static string Name(int index, string? key) => key is null
        ? string.Create(CultureInfo.InvariantCulture, $"Feature {index}")
        : string.Create(CultureInfo.InvariantCulture, $"Feature {index} (key '{key}')");

    private static string Describe(GeometryIssue issue) => issue.Location is { } c
        ? string.Create(CultureInfo.InvariantCulture, $"{issue.Kind} ({issue.Message}) at ({c.X:R}, {c.Y:R})")
        : $"{issue.Kind} ({issue.Message})";
}
