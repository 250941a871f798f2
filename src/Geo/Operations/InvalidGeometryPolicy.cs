namespace GeoPrevention.Geo.Operations;

/// <summary>
/// What happens to a feature whose geometry is not valid in the OGC sense (as decided by
/// NetTopologySuite's <c>IsValidOp</c>). Every invalid geometry is reported as a
/// <see cref="GeoDiagnosticKind.InvalidGeometry"/> diagnostic (kind and location) whatever the policy.
/// Null and empty geometries are not invalid: they are reported as <see cref="GeoDiagnosticKind.NullGeometry"/>
/// or <see cref="GeoDiagnosticKind.EmptyGeometry"/> and kept.
/// </summary>
public enum InvalidGeometryPolicy
{
    /// <summary>
    /// Stop at the first invalid geometry: a <see cref="GeoDataFormatException"/> names the file, the
    /// feature index, its key (if known), the kind of error and its location. Nothing is returned.
    /// Costs one validity check per feature (O(n log n) in the vertex count).
    /// </summary>
    Fail,

    /// <summary>
    /// Drop features with an invalid geometry from the result and report each as
    /// <see cref="GeoDiagnosticKind.SkippedFeature"/>. The data shrinks; keys of skipped features will be
    /// missing from joins and maps. Costs one validity check per feature.
    /// </summary>
    Skip,

    /// <summary>
    /// Replace each invalid geometry with the output of NetTopologySuite's <c>GeometryFixer</c>
    /// (self-intersections are resolved by noding, so a bow-tie becomes two triangles; collapsed parts are
    /// removed; multi-geometries stay multi) and report a <see cref="GeoDiagnosticKind.RepairedGeometry"/>
    /// with the area before and after. The shape may change slightly. This is the slowest option: the fix
    /// is an overlay operation, but it runs only for the invalid features.
    /// </summary>
    Repair,

    /// <summary>
    /// Keep invalid geometries as they are (only report them). Cheapest after the check, but area,
    /// union, overlay and point-in-polygon results on those features may be wrong or throw later.
    /// </summary>
    Keep,
}
