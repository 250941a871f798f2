using System.Globalization;
using GeoPrevention.Geo.IO;

namespace GeoPrevention.Geo;

/// <summary>
/// The field names shared by the features of a layer. A row made by <see cref="Row"/> is one value array read through the
/// schema's shared name index, so a layer of 100,000 features costs a fraction of 100,000 dictionaries (the GeoPackage and
/// Shapefile readers build their rows the same way). Use it when building a layer to write, e.g. districts joined with
/// indicator values for a GeoJSON export.
/// </summary>
/// <example>
/// <code>
/// var schema = new AttributeSchema(["key", "name", "rate"]);
/// var feature = new VectorFeature(0, geometry, schema.Row("05570004", "Ahlen", 12.5));
/// var layer = new VectorLayer("joined", "GeoJSON", crs, schema.Fields, [feature]);
/// </code>
/// </example>
public sealed class AttributeSchema
{
    private readonly AttributeRow.Schema _schema;

    /// <summary>Creates a schema.</summary>
    /// <param name="fields">The field names in output order; each non-empty and distinct (ordinal comparison).</param>
    /// <exception cref="ArgumentNullException"><paramref name="fields"/> is null.</exception>
    /// <exception cref="ArgumentException">A name is null or empty, or appears twice (the message names it).</exception>
    public AttributeSchema(IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            if (string.IsNullOrEmpty(fields[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Field {i} has no name."), nameof(fields));
            }

            if (!seen.Add(fields[i]))
            {
                throw new ArgumentException($"The field '{fields[i]}' appears twice.", nameof(fields));
            }
        }

        _schema = new AttributeRow.Schema(fields);
    }

    /// <summary>The field names in order.</summary>
    public IReadOnlyList<string> Fields => _schema.Names;

    /// <summary>
    /// The attributes of one feature: <paramref name="values"/>[i] is the value of <see cref="Fields"/>[i]. The array becomes
    /// the row's storage (it is not copied); do not change it afterwards.
    /// </summary>
    /// <param name="values">One value per field: <see cref="string"/>, <see cref="double"/>, <see cref="long"/>,
    /// <see cref="bool"/>, <see cref="DateTime"/> or <see langword="null"/> (the value types of <see cref="VectorFeature.Attributes"/>).</param>
    /// <returns>A read-only dictionary view of the row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException">The count differs from the field count, or a value has another type (the message names the field).</exception>
    public IReadOnlyDictionary<string, object?> Row(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var names = _schema.Names;
        if (values.Length != names.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{values.Length} values for {names.Length} fields ({string.Join(", ", names)})."), nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is not (null or string or double or long or bool or DateTime))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"The value of field '{names[i]}' is a {values[i]!.GetType().Name}; use string, double, long, bool, DateTime or null."), nameof(values));
            }
        }

        return new AttributeRow(_schema, values);
    }
}
