using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Geo;
using GeoPrevention.Geo.Crs;

namespace GeoPrevention.MapHost.Cli;

/// <summary>
/// Builds a vector layer of publishable values for export: the districts of one layer (EPSG:25832) with the fields
/// <c>key</c>, <c>name</c>, <c>parent</c>, <c>year</c> and one number per indicator. Values come only from
/// <see cref="AtlasData.GetValues"/>: a withheld or undefined value is null; no count column is ever written.
/// </summary>
internal static class PublishedLayer
{
    /// <summary>Builds the layer.</summary>
    /// <param name="atlas">The atlas.</param>
    /// <param name="layerId">Layer id (must carry values).</param>
    /// <param name="year">Year.</param>
    /// <returns>The layer in EPSG:25832.</returns>
    /// <exception cref="KeyNotFoundException">Unknown layer or year, or the layer carries no values.</exception>
    public static VectorLayer Build(AtlasData atlas, string layerId, int year)
    {
        var layer = atlas.GetLayer(layerId);
        var indicators = atlas.Manifest.Indicators.Select(i => i.Id).ToList();
        var snapshots = indicators.Select(i => atlas.GetValues(layerId, i, year)).ToList();
        var fields = new List<string> { "key", "name", "parent", "year" };
        fields.AddRange(indicators);
        var features = new List<VectorFeature>(layer.Count);
        for (var d = 0; d < layer.Count; d++)
        {
            var district = layer.Districts[d];
            var attributes = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["key"] = district.Key,
                ["name"] = district.Name,
                ["parent"] = district.ParentKey,
                ["year"] = year,
            };
            for (var i = 0; i < indicators.Count; i++)
            {
                var value = snapshots[i].Values[d].Value;
                attributes[indicators[i]] = value.IsPublished ? value.Value : null;
            }

            features.Add(new VectorFeature(d, district.Geometry, attributes));
        }

        return new VectorLayer(atlas.Manifest.Title, "atlas", CrsRegistry.Get(25832), fields, features);
    }
}
