using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace GeoPrevention.Geo.IO;

/// <summary>
/// The attributes of one record of a table-shaped source (GeoPackage, Shapefile): a value array over a field index
/// shared by all rows, which allocates a fraction of a dictionary per feature. Every field is present (null when empty).
/// </summary>
internal sealed class AttributeRow(AttributeRow.Schema schema, object?[] values) : IReadOnlyDictionary<string, object?>
{
    public int Count => schema.Names.Length;

    public IEnumerable<string> Keys => schema.Names;

    public IEnumerable<object?> Values => values;

    public object? this[string key] => schema.Index.TryGetValue(key, out var i) ? values[i] : throw new KeyNotFoundException($"No field '{key}'.");

    public bool ContainsKey(string key) => schema.Index.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        if (schema.Index.TryGetValue(key, out var i))
        {
            value = values[i];
            return true;
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < values.Length; i++)
        {
            yield return new KeyValuePair<string, object?>(schema.Names[i], values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Field names and their positions, shared by all rows of a layer.</summary>
    internal sealed class Schema
    {
        public Schema(IReadOnlyList<string> names)
        {
            Names = [.. names];
            Index = new Dictionary<string, int>(Names.Length, StringComparer.Ordinal);
            for (var i = 0; i < Names.Length; i++)
            {
                Index.TryAdd(Names[i], i);
            }
        }

        public string[] Names { get; }

        public Dictionary<string, int> Index { get; }
    }
}
