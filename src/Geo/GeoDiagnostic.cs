using NetTopologySuite.Geometries;

namespace GeoPrevention.Geo;

/// <summary>The kind of a data-quality finding on a layer.</summary>
public enum GeoDiagnosticKind
{
    /// <summary>A feature has no geometry.</summary>
    NullGeometry,

    /// <summary>A feature has an empty geometry.</summary>
    EmptyGeometry,

    /// <summary>A geometry is not valid in the OGC sense (self-intersection, ring problems, ...).</summary>
    InvalidGeometry,

    /// <summary>An invalid geometry was repaired.</summary>
    RepairedGeometry,

    /// <summary>A feature was skipped by the chosen policy.</summary>
    SkippedFeature,

    /// <summary>Two or more features share a key.</summary>
    DuplicateKey,

    /// <summary>A feature has no key value.</summary>
    MissingKey,

    /// <summary>The CRS was detected or assumed rather than declared.</summary>
    CrsDetected,

    /// <summary>The attribute encoding was detected or assumed.</summary>
    EncodingDetected,

    /// <summary>Anything else worth telling the user.</summary>
    Other,
}

/// <summary>
/// A data-quality finding on a layer: returned with the data, never thrown and never silently dropped.
/// </summary>
/// <param name="Kind">What kind of finding it is.</param>
/// <param name="Message">A readable explanation.</param>
/// <param name="FeatureIndex">0-based position of the feature in the source file, if the finding is about one feature.</param>
/// <param name="Key">The feature key, if known.</param>
/// <param name="Location">Where in the geometry the problem was found, if known.</param>
public sealed record GeoDiagnostic(GeoDiagnosticKind Kind, string Message, int? FeatureIndex = null, string? Key = null, Coordinate? Location = null);
