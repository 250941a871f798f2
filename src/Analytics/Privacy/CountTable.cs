using System.Collections.ObjectModel;
using System.Globalization;

namespace GeoPrevention.Analytics.Privacy;

/// <summary>One input count: a unit key, a year, a category and the value (null when the source did not publish it).</summary>
/// <param name="Key">The unit key (must be in the hierarchy).</param>
/// <param name="Year">The year (or Stichtag year) of the count.</param>
/// <param name="Category">The category, e.g. "total", "female", "male"; <see cref="CountTable.DefaultCategory"/> for a table without categories.</param>
/// <param name="Value">The count (≥ 0), or null when the source suppressed it or it is not available.</param>
public sealed record CountRecord(string Key, int Year, string Category, long? Value);

/// <summary>Options for building a <see cref="CountTable"/>.</summary>
public sealed class CountTableOptions
{
    /// <summary>
    /// The categories in order, e.g. ["total", "female", "male"]. Null: a single category
    /// (<see cref="CountTable.DefaultCategory"/>) for <see cref="CountTable.FromArray(string, Hierarchy, IReadOnlyList{int}, long?[], CountTableOptions)"/>,
    /// or the categories in order of first appearance for <see cref="CountTable.FromRecords(string, Hierarchy, IEnumerable{CountRecord}, CountTableOptions)"/>.
    /// </summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>
    /// The category that is the sum of all other categories (total = female + male), or null when the categories
    /// are not additive. Must be one of <see cref="Categories"/>.
    /// </summary>
    public string? TotalCategory { get; init; }

    /// <summary>
    /// When true (default), a cell without a record is filled with the sum of its parts when all parts are known:
    /// first from the children in the hierarchy, then (for the total category) from the other categories.
    /// Cells that cannot be filled stay unknown and are treated as <see cref="CellStatus.SuppressedAtSource"/>.
    /// </summary>
    public bool FillMissingFromParts { get; init; } = true;
}

/// <summary>
/// Counts of one variable (e.g. children in SGB II households) per unit of a <see cref="Hierarchy"/>, year and category.
/// The raw values are deliberately not public: read them only through <see cref="PublishableView"/>.
/// </summary>
/// <remarks>
/// Cells are stored in one array; the value of unit u, year index y and category index c sits at
/// <c>(u * Years.Count + y) * Categories.Count + c</c>. The additive structure is: for every parent, year and category,
/// parent = Σ children; and when <see cref="TotalCategory"/> is set, for every unit and year, total = Σ other categories.
/// </remarks>
public sealed class CountTable
{
    /// <summary>The name of the only category of a table without categories.</summary>
    public const string DefaultCategory = "total";

    private readonly Dictionary<int, int> _yearIndex;

    private CountTable(string name, Hierarchy hierarchy, int[] years, string[] categories, int totalIndex, long?[] values)
    {
        Name = name;
        Hierarchy = hierarchy;
        Years = new ReadOnlyCollection<int>(years);
        Categories = new ReadOnlyCollection<string>(categories);
        TotalIndex = totalIndex;
        Values = values;
        _yearIndex = new Dictionary<int, int>();
        for (var i = 0; i < years.Length; i++)
        {
            _yearIndex[years[i]] = i;
        }
    }

    /// <summary>The table name (e.g. "sgb2_children_u15"); unique within one release.</summary>
    public string Name { get; }

    /// <summary>The hierarchy the counts refer to.</summary>
    public Hierarchy Hierarchy { get; }

    /// <summary>The years, ascending.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>The categories in storage order.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>The total category, or null when the categories are not additive.</summary>
    public string? TotalCategory => TotalIndex >= 0 ? Categories[TotalIndex] : null;

    internal int TotalIndex { get; }

    /// <summary>Raw values (null = unknown); internal so that only <see cref="PublishableView"/> can publish them.</summary>
    internal long?[] Values { get; }

    internal int CellsPerYear => Hierarchy.Count * Categories.Count;

    /// <summary>Builds a table from a flat array of values (see the class remarks for the layout).</summary>
    /// <param name="name">The table name.</param>
    /// <param name="hierarchy">The hierarchy.</param>
    /// <param name="years">The years, strictly ascending.</param>
    /// <param name="values">The values; length = units × years × categories; null = unknown/suppressed at source. Copied.</param>
    /// <param name="options">Categories and total category; <see cref="CountTableOptions.FillMissingFromParts"/> fills null cells whose parts are known.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The name is empty, years are not strictly ascending, the length does not match,
    /// a value is negative, or the categories are invalid (the message names the cell).</exception>
    public static CountTable FromArray(string name, Hierarchy hierarchy, IReadOnlyList<int> years, long?[] values, CountTableOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(values);
        var (yearArray, categories, totalIndex) = Validate(name, hierarchy, years, options.Categories ?? [DefaultCategory], options.TotalCategory);
        var expected = (long)hierarchy.Count * yearArray.Length * categories.Length;
        if (values.Length != expected)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Table '{name}' needs {expected} values (units × years × categories), got {values.Length}."),
                nameof(values));
        }

        var copy = (long?[])values.Clone();
        var present = new bool[copy.Length];
        for (var i = 0; i < copy.Length; i++)
        {
            present[i] = copy[i].HasValue;
        }

        var table = new CountTable(name, hierarchy, yearArray, categories, totalIndex, copy);
        table.CheckNonNegative();
        if (options.FillMissingFromParts)
        {
            table.FillMissing(present);
        }

        return table;
    }

    /// <summary>Builds a single-category table from a flat array of values (layout: unit × years + year index).</summary>
    /// <param name="name">The table name.</param>
    /// <param name="hierarchy">The hierarchy.</param>
    /// <param name="years">The years, strictly ascending.</param>
    /// <param name="values">The values (null = unknown); copied; parents missing are filled from their children.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">See <see cref="FromArray(string, Hierarchy, IReadOnlyList{int}, long?[], CountTableOptions)"/>.</exception>
    public static CountTable FromArray(string name, Hierarchy hierarchy, IReadOnlyList<int> years, long?[] values)
        => FromArray(name, hierarchy, years, values, new CountTableOptions());

    /// <summary>Builds a table from records; years are the distinct years of the records.</summary>
    /// <param name="name">The table name.</param>
    /// <param name="hierarchy">The hierarchy.</param>
    /// <param name="records">One record per cell; cells without a record are unknown unless filled from their parts.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">See <see cref="FromRecords(string, Hierarchy, IEnumerable{CountRecord}, CountTableOptions)"/>.</exception>
    public static CountTable FromRecords(string name, Hierarchy hierarchy, IEnumerable<CountRecord> records)
        => FromRecords(name, hierarchy, records, new CountTableOptions());

    /// <summary>Builds a table from records; years are the distinct years of the records.</summary>
    /// <param name="name">The table name.</param>
    /// <param name="hierarchy">The hierarchy.</param>
    /// <param name="records">One record per cell; cells without a record are unknown unless filled from their parts.</param>
    /// <param name="options">Categories (default: in order of first appearance), total category and filling.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">An argument or a record is null.</exception>
    /// <exception cref="ArgumentException">A record names an unknown key or category, a cell is given twice, a value is
    /// negative, or the categories are invalid (the message names key, year and category).</exception>
    public static CountTable FromRecords(string name, Hierarchy hierarchy, IEnumerable<CountRecord> records, CountTableOptions options)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(hierarchy);
        var list = records.ToList();
        var years = new SortedSet<int>();
        var seenCategories = new List<string>();
        foreach (var r in list)
        {
            ArgumentNullException.ThrowIfNull(r, nameof(records));
            years.Add(r.Year);
            if (options.Categories is null && !seenCategories.Contains(r.Category, StringComparer.Ordinal))
            {
                seenCategories.Add(r.Category);
            }
        }

        var categoryList = options.Categories ?? (seenCategories.Count == 0 ? [DefaultCategory] : seenCategories);
        var (yearArray, categories, totalIndex) = Validate(name, hierarchy, years.ToArray(), categoryList, options.TotalCategory);
        var values = new long?[hierarchy.Count * yearArray.Length * categories.Length];
        var present = new bool[values.Length];
        var table = new CountTable(name, hierarchy, yearArray, categories, totalIndex, values);
        var categoryIndex = categories.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i, StringComparer.Ordinal);
        foreach (var r in list)
        {
            var u = hierarchy.IndexOf(r.Key ?? string.Empty);
            if (u < 0)
            {
                throw new ArgumentException($"Table '{name}': record for unknown unit '{r.Key}' ({r.Year.ToString(CultureInfo.InvariantCulture)}, {r.Category}).", nameof(records));
            }

            if (r.Category is null || !categoryIndex.TryGetValue(r.Category, out var c))
            {
                throw new ArgumentException($"Table '{name}': record for '{r.Key}' ({r.Year.ToString(CultureInfo.InvariantCulture)}) has unknown category '{r.Category}'.", nameof(records));
            }

            var cell = table.CellIndex(u, table._yearIndex[r.Year], c);
            if (present[cell])
            {
                throw new ArgumentException($"Table '{name}': cell '{r.Key}' ({r.Year.ToString(CultureInfo.InvariantCulture)}, {r.Category}) is given twice.", nameof(records));
            }

            present[cell] = true;
            values[cell] = r.Value;
        }

        table.CheckNonNegative();
        if (options.FillMissingFromParts)
        {
            table.FillMissing(present);
        }

        return table;
    }

    /// <summary>The position of a year in <see cref="Years"/>, or -1.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The zero-based year index, or -1 when the table has no such year.</returns>
    public int YearIndexOf(int year) => _yearIndex.TryGetValue(year, out var y) ? y : -1;

    /// <summary>The position of a category in <see cref="Categories"/>, or -1.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The zero-based category index, or -1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="category"/> is null.</exception>
    public int CategoryIndexOf(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        for (var i = 0; i < Categories.Count; i++)
        {
            if (string.Equals(Categories[i], category, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    internal int CellIndex(int unit, int yearIndex, int category) => ((unit * Years.Count) + yearIndex) * Categories.Count + category;

    internal string DescribeCell(int cell)
    {
        var c = cell % Categories.Count;
        var rest = cell / Categories.Count;
        var y = rest % Years.Count;
        var u = rest / Years.Count;
        return string.Create(CultureInfo.InvariantCulture, $"{Name}['{Hierarchy.Units[u].Key}', {Years[y]}, {Categories[c]}]");
    }

    private static (int[] Years, string[] Categories, int TotalIndex) Validate(
        string name, Hierarchy hierarchy, IReadOnlyList<int> years, IReadOnlyList<string> categories, string? totalCategory)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var yearArray = years.ToArray();
        if (yearArray.Length == 0)
        {
            throw new ArgumentException($"Table '{name}' has no years.", nameof(years));
        }

        for (var i = 1; i < yearArray.Length; i++)
        {
            if (yearArray[i] <= yearArray[i - 1])
            {
                throw new ArgumentException($"Table '{name}': years must be strictly ascending, found {yearArray[i - 1].ToString(CultureInfo.InvariantCulture)} before {yearArray[i].ToString(CultureInfo.InvariantCulture)}.", nameof(years));
            }
        }

        var categoryArray = categories.ToArray();
        if (categoryArray.Length == 0)
        {
            throw new ArgumentException($"Table '{name}' has no categories.", nameof(categories));
        }

        if (categoryArray.Any(string.IsNullOrEmpty) || categoryArray.Distinct(StringComparer.Ordinal).Count() != categoryArray.Length)
        {
            throw new ArgumentException($"Table '{name}': categories must be non-empty and distinct.", nameof(categories));
        }

        var totalIndex = -1;
        if (totalCategory is not null)
        {
            totalIndex = Array.IndexOf(categoryArray, totalCategory);
            if (totalIndex < 0)
            {
                throw new ArgumentException($"Table '{name}': total category '{totalCategory}' is not one of the categories.", nameof(totalCategory));
            }

            if (categoryArray.Length < 2)
            {
                throw new ArgumentException($"Table '{name}': a total category needs at least one other category.", nameof(totalCategory));
            }
        }

        return (yearArray, categoryArray, totalIndex);
    }

    private void CheckNonNegative()
    {
        for (var i = 0; i < Values.Length; i++)
        {
            if (Values[i] < 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Count {DescribeCell(i)} is negative ({Values[i]}); counts must be ≥ 0."),
                    "values");
            }
        }
    }

    private void FillMissing(bool[] present)
    {
        var h = Hierarchy;
        var cats = Categories.Count;
        for (var y = 0; y < Years.Count; y++)
        {
            foreach (var u in h.BottomUpOrder)
            {
                var from = h.ChildStart[u];
                var to = h.ChildStart[u + 1];
                if (to > from)
                {
                    for (var c = 0; c < cats; c++)
                    {
                        var cell = CellIndex(u, y, c);
                        if (present[cell])
                        {
                            continue;
                        }

                        long sum = 0;
                        var known = true;
                        for (var k = from; k < to && known; k++)
                        {
                            var v = Values[CellIndex(h.Children[k], y, c)];
                            known = v.HasValue;
                            sum += v.GetValueOrDefault();
                        }

                        Values[cell] = known ? sum : null;
                    }
                }

                if (TotalIndex >= 0)
                {
                    var totalCell = CellIndex(u, y, TotalIndex);
                    if (!present[totalCell] && !Values[totalCell].HasValue)
                    {
                        long sum = 0;
                        var known = true;
                        for (var c = 0; c < cats && known; c++)
                        {
                            if (c != TotalIndex)
                            {
                                var v = Values[CellIndex(u, y, c)];
                                known = v.HasValue;
                                sum += v.GetValueOrDefault();
                            }
                        }

                        Values[totalCell] = known ? sum : null;
                    }
                }
            }
        }
    }
}
