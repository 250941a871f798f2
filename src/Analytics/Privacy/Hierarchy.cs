using System.Collections.ObjectModel;
using System.Globalization;

namespace GeoPrevention.Analytics.Privacy;

/// <summary>The administrative levels of the Sozialraum hierarchy, from the smallest to the largest.</summary>
public enum HierarchyLevel
{
    /// <summary>A Sozialraum (social district), the smallest unit.</summary>
    Sozialraum = 0,

    /// <summary>A Gemeinde (municipality, town).</summary>
    Gemeinde = 1,

    /// <summary>A Jugendamtsbezirk (area of one youth-welfare office).</summary>
    Jugendamtsbezirk = 2,

    /// <summary>The Kreis (county).</summary>
    Kreis = 3,
}

/// <summary>One unit of a <see cref="Hierarchy"/>: a key, the key of its parent (or null for a root) and its level.</summary>
/// <param name="Key">The unit key (text, e.g. an AGS or a Sozialraum id).</param>
/// <param name="ParentKey">The key of the unit this one is part of, or null for a root (e.g. the Kreis).</param>
/// <param name="Level">The level; a parent's level is always higher than its children's.</param>
public sealed record HierarchyUnit(string Key, string? ParentKey, HierarchyLevel Level);

/// <summary>
/// An immutable tree (or forest) of units in which the counts of the children add up to the count of the parent,
/// e.g. Sozialraum → Gemeinde → Jugendamtsbezirk → Kreis.
/// </summary>
/// <remarks>
/// Rules checked by <see cref="Create"/>:
/// <list type="number">
/// <item>Every key is non-empty and unique (ordinal comparison).</item>
/// <item>Every parent key names a unit of the hierarchy.</item>
/// <item>A parent's level is strictly higher than its child's; levels may be skipped (a Gemeinde directly under a Kreis),
/// which also rules out cycles.</item>
/// </list>
/// Units keep the order in which they were given; <see cref="IndexOf"/> maps a key to that position.
/// </remarks>
public sealed class Hierarchy
{
    private readonly Dictionary<string, int> _index;

    private Hierarchy(HierarchyUnit[] units, Dictionary<string, int> index, int[] parent, int[] childStart, int[] children)
    {
        Units = new ReadOnlyCollection<HierarchyUnit>(units);
        _index = index;
        ParentIndex = parent;
        ChildStart = childStart;
        Children = children;
        BottomUpOrder = Enumerable.Range(0, units.Length).OrderBy(i => units[i].Level).ThenBy(i => i).ToArray();
    }

    /// <summary>The units in input order.</summary>
    public IReadOnlyList<HierarchyUnit> Units { get; }

    /// <summary>The number of units.</summary>
    public int Count => Units.Count;

    /// <summary>Parent position per unit (-1 for roots).</summary>
    internal int[] ParentIndex { get; }

    /// <summary>CSR offsets into <see cref="Children"/>: the children of unit u are Children[ChildStart[u]..ChildStart[u + 1]].</summary>
    internal int[] ChildStart { get; }

    /// <summary>Child positions grouped by parent (see <see cref="ChildStart"/>).</summary>
    internal int[] Children { get; }

    /// <summary>Unit positions ordered by level, smallest level first (children before parents).</summary>
    internal int[] BottomUpOrder { get; }

    /// <summary>Builds a hierarchy from its units.</summary>
    /// <param name="units">The units; order is kept.</param>
    /// <returns>The validated hierarchy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="units"/> or a unit in it is null.</exception>
    /// <exception cref="ArgumentException">A key is empty or duplicated, a parent key is unknown, or a parent's level is
    /// not higher than its child's (the message names the key).</exception>
    public static Hierarchy Create(IEnumerable<HierarchyUnit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var array = units.ToArray();
        var index = new Dictionary<string, int>(array.Length, StringComparer.Ordinal);
        for (var i = 0; i < array.Length; i++)
        {
            var unit = array[i] ?? throw new ArgumentNullException(nameof(units), $"Unit at position {i} is null.");
            if (string.IsNullOrWhiteSpace(unit.Key))
            {
                throw new ArgumentException($"Unit at position {i} has an empty key.", nameof(units));
            }

            if (!Enum.IsDefined(unit.Level))
            {
                throw new ArgumentException($"Unit '{unit.Key}' has an undefined level {((int)unit.Level).ToString(CultureInfo.InvariantCulture)}.", nameof(units));
            }

            if (!index.TryAdd(unit.Key, i))
            {
                throw new ArgumentException($"Duplicate unit key '{unit.Key}'.", nameof(units));
            }
        }

        var parent = new int[array.Length];
        var childCount = new int[array.Length + 1];
        for (var i = 0; i < array.Length; i++)
        {
            var unit = array[i];
            if (unit.ParentKey is null)
            {
                parent[i] = -1;
                continue;
            }

            if (!index.TryGetValue(unit.ParentKey, out var p))
            {
                throw new ArgumentException($"Unit '{unit.Key}' names parent '{unit.ParentKey}', which is not in the hierarchy.", nameof(units));
            }

            if (array[p].Level <= unit.Level)
            {
                throw new ArgumentException(
                    $"Unit '{unit.Key}' ({unit.Level}) has parent '{unit.ParentKey}' ({array[p].Level}); a parent must be on a higher level.",
                    nameof(units));
            }

            parent[i] = p;
            childCount[p + 1]++;
        }

        for (var i = 0; i < array.Length; i++)
        {
            childCount[i + 1] += childCount[i];
        }

        var children = new int[childCount[array.Length]];
        var fill = (int[])childCount.Clone();
        for (var i = 0; i < array.Length; i++)
        {
            if (parent[i] >= 0)
            {
                children[fill[parent[i]]++] = i;
            }
        }

        return new Hierarchy(array, index, parent, childCount, children);
    }

    /// <summary>The position of a unit key, or -1 when the key is not in the hierarchy.</summary>
    /// <param name="key">The unit key.</param>
    /// <returns>The zero-based position in <see cref="Units"/>, or -1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _index.TryGetValue(key, out var i) ? i : -1;
    }

    /// <summary>The keys of the direct children of a unit, in input order.</summary>
    /// <param name="key">The unit key.</param>
    /// <returns>The child keys (empty for a Sozialraum).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">The key is not in the hierarchy.</exception>
    public IReadOnlyList<string> ChildrenOf(string key)
    {
        var u = RequireIndex(key);
        var result = new string[ChildStart[u + 1] - ChildStart[u]];
        for (var k = 0; k < result.Length; k++)
        {
            result[k] = Units[Children[ChildStart[u] + k]].Key;
        }

        return result;
    }

    internal int RequireIndex(string key)
    {
        var i = IndexOf(key);
        return i >= 0 ? i : throw new KeyNotFoundException($"Unit '{key}' is not in the hierarchy.");
    }
}
