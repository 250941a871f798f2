using System.Globalization;
using System.Text;
using GeoPrevention.Analytics.Classification;
using GeoPrevention.Analytics.Collection;
using GeoPrevention.Analytics.Indicators;
using GeoPrevention.Analytics.Joins;
using GeoPrevention.Analytics.Privacy;
using GeoPrevention.Analytics.Statistics;
using GeoPrevention.Analytics.Tables;
using GeoPrevention.Geo;
using GeoPrevention.Geo.Crs;
using GeoPrevention.Geo.IO;
using GeoPrevention.Geo.Operations;
using TableCellStatus = GeoPrevention.Analytics.Tables.CellStatus;

namespace GeoPrevention.Analytics.Atlas;

/// <summary>
/// A loaded atlas: the district layers (in EPSG:25832), the hierarchy they form, and the indicator counts behind a
/// <see cref="PublishableView"/>. This is the single path from an atlas to anything shown or exported (maps, CLI
/// exports, web API): every value it returns has been through primary and secondary suppression and the
/// minimum-population rule; raw counts are not reachable from it.
/// </summary>
/// <remarks>
/// Loading:
/// 1. every layer is read, reprojected to EPSG:25832 if needed, and turned into a <see cref="DistrictLayer"/>
///    (key, name, parent; invalid geometries repaired and reported; duplicate keys dissolved and reported);
/// 2. the layers linked by <c>parentLayer</c> form the hierarchy (finest layer at the bottom); every parent key
///    must exist in the parent layer;
/// 3. every table is read with its dialect overrides and joined to its layer; unmatched keys on either side are
///    reported as findings, never dropped silently; then the deliveries registered in <c>deliveries/log.json</c> are
///    laid over it (the latest accepted delivery wins per column, key and year; see
///    <see cref="Collection.DeliveryStore"/> and <see cref="GetProvenance(string, int)"/>);
/// 4. every count column used by an indicator (and the population column) becomes a count table whose higher
///    levels are the sums of their parts; the tables go through <see cref="StatisticalDisclosureControl"/> once.
/// </remarks>
public sealed class AtlasData
{
    private readonly Dictionary<string, DistrictLayer> _layers;
    private readonly Dictionary<string, int> _levelOfLayer;
    private readonly Dictionary<string, IndicatorDefinition> _definitions;
    private readonly Dictionary<string, NeighbourList> _neighbours = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Layer, string Indicator, int Year), IndicatorSnapshot> _snapshots = [];
    private readonly Lock _cacheLock = new();
    private readonly Dictionary<string, AtlasTableData> _tables;

    private AtlasData(AtlasManifest manifest, Dictionary<string, DistrictLayer> layers, Dictionary<string, int> levels, IReadOnlyList<int> years, PublishableView view, Dictionary<string, IndicatorDefinition> definitions, IReadOnlyList<AtlasIssue> findings, Dictionary<string, AtlasTableData> tables)
    {
        _tables = tables;
        Manifest = manifest;
        _layers = layers;
        _levelOfLayer = levels;
        Years = years;
        View = view;
        _definitions = definitions;
        Findings = findings;
    }

    /// <summary>The manifest.</summary>
    public AtlasManifest Manifest { get; }

    /// <summary>The years present in the data, ascending.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>The publishable view: the only access to counts and rates.</summary>
    public PublishableView View { get; }

    /// <summary>Data-quality findings (join mismatches, geometry repairs, duplicate keys), with their JSON path.</summary>
    public IReadOnlyList<AtlasIssue> Findings { get; }

    /// <summary>The id of the finest layer (the bottom of the hierarchy).</summary>
    public string FinestLayerId => _levelOfLayer.MinBy(kv => kv.Value).Key;

    /// <summary>Loads and validates an atlas file, then its data.</summary>
    /// <param name="atlasPath">Path of <c>atlas.json</c>.</param>
    /// <returns>The loaded atlas.</returns>
    /// <exception cref="AtlasValidationException">The manifest, or its data (unknown column, parent key missing), is invalid.</exception>
    /// <exception cref="GeoDataFormatException">A layer or table file cannot be read.</exception>
    public static AtlasData Load(string atlasPath) => Load(AtlasLoader.Load(atlasPath));

    /// <summary>Loads the data of a validated manifest.</summary>
    /// <param name="manifest">The manifest (from <see cref="AtlasLoader"/>).</param>
    /// <returns>The loaded atlas.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="manifest"/> is null.</exception>
    /// <exception cref="AtlasValidationException">The data does not fit the manifest (unknown column, missing parent key, ...).</exception>
    /// <exception cref="GeoDataFormatException">A layer or table file cannot be read.</exception>
    public static AtlasData Load(AtlasManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var errors = new List<AtlasIssue>();
        var findings = new List<AtlasIssue>();
        var atlasFile = Path.Combine(manifest.BaseDirectory, "atlas.json");

        var layers = new Dictionary<string, DistrictLayer>(StringComparer.Ordinal);
        for (var i = 0; i < manifest.Layers.Count; i++)
        {
            var l = manifest.Layers[i];
            var path = $"$.layers[{i}]";
            var read = VectorLayerReader.Read(manifest.ResolvePath(l.File), new VectorReadOptions
            {
                CrsEpsg = l.Crs is null ? null : int.Parse(l.Crs["EPSG:".Length..], CultureInfo.InvariantCulture),
                LayerName = l.Table,
                RequiredGeometry = RequiredGeometry.Polygonal,
            });
            if (read.Crs.Epsg != 25832)
            {
                read = Reprojector.Reproject(read, 25832);
            }

            foreach (var (field, name) in new[] { (l.Key, "key"), (l.Name, "name"), (l.Parent, "parent") })
            {
                if (field is not null && !read.Fields.Contains(field, StringComparer.Ordinal))
                {
                    errors.Add(new AtlasIssue($"{path}.{name}", $"Field '{field}' is not in {l.File} (fields: {string.Join(", ", read.Fields)})."));
                }
            }

            if (errors.Count > 0)
            {
                continue;
            }

            var district = DistrictLayer.FromLayer(read, new DistrictLayerOptions { KeyField = l.Key, NameField = l.Name, ParentField = l.Parent });
            foreach (var d in district.Diagnostics)
            {
                findings.Add(new AtlasIssue(path, d.Message));
            }

            layers[l.Id] = district;
        }

        if (errors.Count > 0)
        {
            throw new AtlasValidationException(atlasFile, errors);
        }

        // Hierarchy: layers linked by parentLayer, finest at the bottom.
        var levels = new Dictionary<string, int>(StringComparer.Ordinal);
        var finest = manifest.Tables.Count > 0 ? manifest.Tables[0].Layer : manifest.Layers[0].Id;
        var units = new List<HierarchyUnit>();
        var chain = new List<AtlasLayer>();
        for (var layer = manifest.FindLayer(finest); layer is not null; layer = layer.ParentLayer is null ? null : manifest.FindLayer(layer.ParentLayer))
        {
            if (chain.Contains(layer) || chain.Count > 3)
            {
                errors.Add(new AtlasIssue("$.layers", $"The parentLayer chain from '{finest}' is a cycle or has more than four levels."));
                break;
            }

            chain.Add(layer);
        }

        for (var level = 0; level < chain.Count; level++)
        {
            var l = chain[level];
            levels[l.Id] = level;
            var parentLayer = level + 1 < chain.Count ? layers[chain[level + 1].Id] : null;
            foreach (var d in layers[l.Id].Districts)
            {
                string? parent = null;
                if (parentLayer is not null)
                {
                    if (d.ParentKey is null || parentLayer.Find(d.ParentKey) is null)
                    {
                        errors.Add(new AtlasIssue($"$.layers[{manifest.Layers.ToList().IndexOf(l)}].parent", $"District '{d.Key}' has parent '{d.ParentKey}', which is not in layer '{chain[level + 1].Id}'."));
                        continue;
                    }

                    parent = UnitKey(chain[level + 1].Id, d.ParentKey);
                }

                units.Add(new HierarchyUnit(UnitKey(l.Id, d.Key), parent, (HierarchyLevel)level));
            }
        }

        if (errors.Count > 0)
        {
            throw new AtlasValidationException(atlasFile, errors);
        }

        var hierarchy = Hierarchy.Create(units);

        // Tables → count tables (leaf values; parents are the sums of their parts).
        var countTables = new List<CountTable>();
        var years = new SortedSet<int>();
        var definitions = new Dictionary<string, IndicatorDefinition>(StringComparer.Ordinal);
        var tableData = new Dictionary<string, AtlasTableData>(StringComparer.Ordinal);
        var log = DeliveryLog.Read(manifest.BaseDirectory);
        for (var t = 0; t < manifest.Tables.Count; t++)
        {
            var spec = manifest.Tables[t];
            var path = $"$.tables[{t}]";
            if (levels.GetValueOrDefault(spec.Layer, -1) != 0)
            {
                errors.Add(new AtlasIssue($"{path}.layer", $"Tables must use the finest layer of the hierarchy ('{finest}')."));
                continue;
            }

            var columns = manifest.Indicators.Where(i => i.Table == spec.Id)
                .SelectMany(i => new[] { i.Numerator, i.Denominator }).OfType<string>()
                .Append(manifest.Privacy.PopulationColumn).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

            // Supplier count columns are protected like indicator columns, so that templates can show last year's
            // publishable values through the same view as maps and exports.
            var supplied = manifest.Suppliers.Select((s, i) => (Supplier: s, Index: i)).Where(p => p.Supplier.Table == spec.Id)
                .SelectMany(p => p.Supplier.Columns.Select((c, j) => (Column: c, Path: $"$.suppliers[{p.Index}].columns[{j}].column"))).ToList();
            var suppliedCounts = supplied.Where(c => c.Column.Type == AtlasValueType.Count).Select(c => c.Column.Column)
                .Where(c => !columns.Contains(c, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
            var known = layers[spec.Layer].Districts.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
            var data = AtlasTableData.Load(manifest, spec, known, columns, log, errors);
            var table = data.BaseTable;
            foreach (var (column, name) in columns.Select(c => (c, "column")).Prepend((spec.Year, "year")).Prepend((spec.Key, "key")))
            {
                if (!table.HasColumn(column))
                {
                    errors.Add(new AtlasIssue($"{path}.{name}", $"Column '{column}' is not in {spec.File}."));
                }
            }

            foreach (var (column, columnPath) in supplied)
            {
                if (!table.HasColumn(column.Column))
                {
                    errors.Add(new AtlasIssue(columnPath, $"Supplier column '{column.Column}' is not in table '{spec.Id}' ({spec.File})."));
                }
                else if (table.GetColumn(column.Column).Kind != ColumnKind.Numeric)
                {
                    errors.Add(new AtlasIssue(columnPath, $"Supplier column '{column.Column}' of table '{spec.Id}' ({spec.File}) does not hold numbers."));
                }
            }

            columns.AddRange(suppliedCounts);

            if (errors.Count > 0)
            {
                continue;
            }

            var join = TableJoin.Join(layers[spec.Layer].Districts.Select(d => (string?)d.Key).ToList(), table, new JoinOptions { TableKeyColumn = spec.Key });
            foreach (var u in join.UnmatchedTableKeys)
            {
                findings.Add(new AtlasIssue(path, $"Table key '{u.Key}' has no district in layer '{spec.Layer}'; its rows are not used."));
            }

            foreach (var u in join.UnmatchedLayerKeys)
            {
                findings.Add(new AtlasIssue(path, $"District '{u.Key}' has no rows in {spec.File}."));
            }

            tableData[spec.Id] = data;
            years.UnionWith(data.Years);
            foreach (var column in columns)
            {
                // Every district gets a record in every year of the table (null where no vintage has a value), so a
                // year that only some deliveries cover still has all count tables.
                var records = new List<CountRecord>(known.Count * data.Years.Count);
                foreach (var key in known)
                {
                    foreach (var year in data.Years)
                    {
                        long? value = data.TryGet(column, key, year, out var cell) && cell.Status == TableCellStatus.Value ? (long)Math.Round(cell.Value) : null;
                        records.Add(new CountRecord(UnitKey(spec.Layer, key), year, CountTable.DefaultCategory, value));
                    }
                }

                countTables.Add(CountTable.FromRecords(CountTableName(spec.Id, column), hierarchy, records));
            }
        }

        if (errors.Count > 0)
        {
            throw new AtlasValidationException(atlasFile, errors);
        }

        foreach (var ind in manifest.Indicators)
        {
            definitions[ind.Id] = new IndicatorDefinition
            {
                Id = ind.Id,
                Label = ind.Label,
                NumeratorColumn = ind.Numerator,
                DenominatorColumn = ind.Denominator ?? ind.Numerator,
                Scale = ind.Scale,
                Unit = ind.Unit ?? "",
                Kind = ind.Kind == AtlasRateKind.Rate ? RateKind.Rate : RateKind.Share,
                Polarity = ind.Polarity == AtlasPolarity.HigherIsBetter ? Indicators.Polarity.HigherIsBetter : Indicators.Polarity.HigherIsWorse,
                Source = ind.Source ?? manifest.FindTable(ind.Table)?.Source,
                MinimumDenominator = ind.MinDenominator,
            };
        }

        var rules = new PrivacyRules
        {
            Threshold = manifest.Privacy.Threshold,
            ZeroIsConfidential = manifest.Privacy.ZeroIsConfidential,
            MinimumPopulation = manifest.Privacy.PopulationColumn is null ? 0 : manifest.Privacy.MinPopulation,
            PopulationTable = manifest.Privacy.PopulationColumn is { } pc ? CountTableName(manifest.Tables[0].Id, pc) : "population",
            RoundingBase = manifest.Privacy.RoundTo > 1 ? manifest.Privacy.RoundTo : null,
        };
        var view = PublishableView.Create(countTables, rules);
        return new AtlasData(manifest, layers, levels, [.. years], view, definitions, findings, tableData);
    }

    /// <summary>
    /// The data date (Stichtag) and the vintages behind an indicator in one year: which base table or accepted
    /// deliveries supplied the cells of its numerator and denominator columns (see docs/collection.md).
    /// </summary>
    /// <param name="indicatorId">Indicator id.</param>
    /// <param name="year">Year.</param>
    /// <returns>The provenance; its <see cref="IndicatorProvenance.Text"/> is the German line shown on maps and pages.</returns>
    /// <exception cref="KeyNotFoundException">Unknown indicator.</exception>
    public IndicatorProvenance GetProvenance(string indicatorId, int year)
    {
        var ind = Manifest.FindIndicator(indicatorId) ?? throw new KeyNotFoundException($"Unknown indicator '{indicatorId}'.");
        var table = Manifest.FindTable(ind.Table)!;
        var data = _tables[ind.Table];
        var vintages = new[] { ind.Numerator, ind.Denominator }.OfType<string>().Distinct(StringComparer.Ordinal)
            .SelectMany(c => data.VintagesOf(c, year)).Distinct().Order().Select(i => data.Vintages[i]).ToList();
        return new IndicatorProvenance(indicatorId, year, AtlasTableData.DataDateOf(ind.DataDate ?? table.DataDate, year), vintages);
    }

    /// <summary>The vintages of a table: the base file first, then every applied delivery in acceptance order.</summary>
    /// <param name="tableId">Table id.</param>
    /// <returns>The vintages.</returns>
    /// <exception cref="KeyNotFoundException">Unknown table.</exception>
    public IReadOnlyList<DataVintage> GetVintages(string tableId) =>
        _tables.TryGetValue(tableId, out var t) ? t.Vintages : throw new KeyNotFoundException($"Unknown table '{tableId}'.");

    /// <summary>The merged cells of a table (raw counts: internal, for the intake check only).</summary>
    internal AtlasTableData GetTableData(string tableId) => _tables[tableId];

    /// <summary>The district layer with the given id (EPSG:25832).</summary>
    /// <param name="layerId">Layer id.</param>
    /// <returns>The layer.</returns>
    /// <exception cref="KeyNotFoundException">Unknown layer.</exception>
    public DistrictLayer GetLayer(string layerId) => _layers.TryGetValue(layerId, out var l) ? l : throw new KeyNotFoundException($"Unknown layer '{layerId}'.");

    /// <summary>Whether the layer is part of the hierarchy (values can be shown on it).</summary>
    /// <param name="layerId">Layer id.</param>
    public bool HasValues(string layerId) => _levelOfLayer.ContainsKey(layerId);

    /// <summary>The indicator definition (as used for rates and confidence intervals).</summary>
    /// <param name="indicatorId">Indicator id.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="KeyNotFoundException">Unknown indicator.</exception>
    public IndicatorDefinition GetDefinition(string indicatorId) => _definitions.TryGetValue(indicatorId, out var d) ? d : throw new KeyNotFoundException($"Unknown indicator '{indicatorId}'.");

    /// <summary>
    /// The publishable values of an indicator for every district of a layer in one year: the rate (or why it is
    /// withheld), its 95 % confidence interval and reliability. Cached; thread-safe.
    /// </summary>
    /// <param name="layerId">Layer id (must be part of the hierarchy).</param>
    /// <param name="indicatorId">Indicator id.</param>
    /// <param name="year">Year.</param>
    /// <returns>One value per district, in layer order.</returns>
    /// <exception cref="KeyNotFoundException">Unknown layer, indicator or year.</exception>
    public IndicatorSnapshot GetValues(string layerId, string indicatorId, int year)
    {
        lock (_cacheLock)
        {
            if (_snapshots.TryGetValue((layerId, indicatorId, year), out var cached))
            {
                return cached;
            }
        }

        if (!_levelOfLayer.ContainsKey(layerId))
        {
            throw new KeyNotFoundException($"Layer '{layerId}' has no values (it is not part of the hierarchy) or is unknown.");
        }

        if (!Years.Contains(year))
        {
            throw new KeyNotFoundException($"Year {year.ToString(CultureInfo.InvariantCulture)} is not in the data ({Years[0].ToString(CultureInfo.InvariantCulture)}–{Years[^1].ToString(CultureInfo.InvariantCulture)}).");
        }

        var def = GetDefinition(indicatorId);
        var ind = Manifest.FindIndicator(indicatorId)!;
        var numTable = CountTableName(ind.Table, def.NumeratorColumn);
        var denTable = CountTableName(ind.Table, def.DenominatorColumn);
        var layer = GetLayer(layerId);
        var values = new List<DistrictValue>(layer.Districts.Count);
        foreach (var d in layer.Districts)
        {
            var unit = UnitKey(layerId, d.Key);
            var num = new CountCell(numTable, unit, year);
            var den = new CountCell(denTable, unit, year);
            var rate = ind.Denominator is null ? View.Count(num) : View.Rate(num, den, def.Scale);
            double? lo = null, hi = null;
            var reliable = true;
            if (rate.IsPublished && ind.Denominator is not null)
            {
                // A published rate implies published counts (PublishableView rule 2); the interval is computed from
                // those published (possibly rounded) counts, so it discloses nothing that is not published anyway.
                var est = RateCalculator.Compute(View.Count(num).Value!.Value, View.Count(den).Value!.Value, def);
                lo = est.Lower;
                hi = est.Upper;
                reliable = est.IsReliable;
            }

            values.Add(new DistrictValue(d.Key, d.Name, d.ParentKey, rate, lo, hi, reliable));
        }

        var snapshot = new IndicatorSnapshot(layerId, indicatorId, year, values);
        lock (_cacheLock)
        {
            _snapshots[(layerId, indicatorId, year)] = snapshot;
        }

        return snapshot;
    }

    /// <summary>
    /// Classifies the published values of an indicator on a layer. With <see cref="AtlasMapDefaults.PoolYears"/> the
    /// breaks are computed over all years together, so maps of different years share one legend.
    /// </summary>
    /// <param name="layerId">Layer id.</param>
    /// <param name="indicatorId">Indicator id.</param>
    /// <param name="year">Year whose classes and counts are returned.</param>
    /// <param name="options">Classification options.</param>
    /// <returns>The classes of the year's districts (−1 where unpublished), the breaks and the year's counts.</returns>
    public ClassifiedSnapshot Classify(string layerId, string indicatorId, int year, ClassificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var snapshot = GetValues(layerId, indicatorId, year);
        var pool = Manifest.Map.PoolYears ? Years : [year];
        var series = pool.Select(y => GetValues(layerId, indicatorId, y).Values.Select(v => v.Value.Value ?? double.NaN).ToArray()).ToList();
        var pooled = Classifier.ClassifyPooled(series, options);
        var index = pool.ToList().IndexOf(year);
        var classes = pooled.SeriesClasses[index];
        var counts = pooled.SeriesCounts[index];
        return new ClassifiedSnapshot(snapshot, pooled.Pooled, classes, counts, pool.Count > 1);
    }

    /// <summary>Queen contiguity of a layer (cached).</summary>
    /// <param name="layerId">Layer id.</param>
    /// <returns>The neighbour list, in layer order.</returns>
    public NeighbourList GetNeighbours(string layerId)
    {
        lock (_cacheLock)
        {
            if (!_neighbours.TryGetValue(layerId, out var n))
            {
                n = Contiguity.Compute(GetLayer(layerId), ContiguityKind.Queen);
                _neighbours[layerId] = n;
            }

            return n;
        }
    }

    /// <summary>
    /// Local Moran's I (LISA) of the published values on a layer: districts without a published value are left out
    /// and their links dropped (documented in docs/statistics.md); quadrants and significance per district.
    /// </summary>
    /// <param name="layerId">Layer id.</param>
    /// <param name="indicatorId">Indicator id.</param>
    /// <param name="year">Year.</param>
    /// <param name="permutations">Conditional permutations (0 = analytical p-values).</param>
    /// <param name="seed">Seed of the permutations.</param>
    /// <returns>Per district: quadrant and p, or null where the value is not published or the district has no neighbour.</returns>
    public IReadOnlyList<LisaValue?> Lisa(string layerId, string indicatorId, int year, int permutations = 0, long seed = 42)
    {
        var snapshot = GetValues(layerId, indicatorId, year);
        var neighbours = GetNeighbours(layerId);
        var included = Enumerable.Range(0, snapshot.Values.Count).Where(i => snapshot.Values[i].Value.IsPublished).ToArray();
        var position = new int[snapshot.Values.Count];
        Array.Fill(position, -1);
        for (var k = 0; k < included.Length; k++)
        {
            position[included[k]] = k;
        }

        var lists = included.Select(i => neighbours[i].ToArray().Select(j => position[j]).Where(j => j >= 0).ToArray()).ToArray();
        var result = new LisaValue?[snapshot.Values.Count];
        if (included.Length < 3)
        {
            return result;
        }

        var weights = SpatialWeights.FromNeighbours(lists, WeightsStyle.RowStandardised);
        var x = included.Select(i => snapshot.Values[i].Value.Value!.Value).ToArray();
        var local = Moran.Local(x, weights, new LocalMoranOptions { Permutations = permutations, Seed = seed });
        for (var k = 0; k < included.Length; k++)
        {
            result[included[k]] = lists[k].Length == 0 ? null : new LisaValue(local.Quadrant[k], local.Ii[k], local.P[k], local.IsSignificant(k));
        }

        return result;
    }

    /// <summary>The release manifest of this atlas (thresholds, what was suppressed, data date, version).</summary>
    /// <param name="dataDate">The data date (Stichtag) to record.</param>
    /// <returns>The manifest.</returns>
    public ReleaseManifest CreateReleaseManifest(DateOnly dataDate) => ReleaseManifest.Create(View.Suppression, dataDate);

    /// <summary>The hierarchy-unit key used inside the count tables for a district of a layer.</summary>
    /// <param name="layerId">Layer id.</param>
    /// <param name="key">District key.</param>
    /// <returns>The unit key.</returns>
    public static string UnitKey(string layerId, string key) => layerId + "/" + key;

    /// <summary>The name of the count table of a column of an indicator table (also used by the goal roll-ups).</summary>
    internal static string CountTableName(string tableId, string column) => tableId + "." + column;
}

/// <summary>The published value of one district.</summary>
/// <param name="Key">District key.</param>
/// <param name="Name">District name.</param>
/// <param name="ParentKey">Parent key, if any.</param>
/// <param name="Value">The published rate (or count, for count indicators), or why it is withheld.</param>
/// <param name="CiLow">Lower 95 % bound, only when the value is published.</param>
/// <param name="CiHigh">Upper 95 % bound, only when the value is published.</param>
/// <param name="Reliable">False when the denominator is small or the relative error large (shown as "unsicher").</param>
public sealed record DistrictValue(string Key, string Name, string? ParentKey, PublishedValue Value, double? CiLow, double? CiHigh, bool Reliable);

/// <summary>The published values of one indicator on one layer in one year.</summary>
/// <param name="LayerId">Layer id.</param>
/// <param name="IndicatorId">Indicator id.</param>
/// <param name="Year">Year.</param>
/// <param name="Values">One value per district, in layer order.</param>
public sealed record IndicatorSnapshot(string LayerId, string IndicatorId, int Year, IReadOnlyList<DistrictValue> Values);

/// <summary>A classified snapshot.</summary>
/// <param name="Snapshot">The values.</param>
/// <param name="Classification">The (pooled) classification: breaks, method, closure.</param>
/// <param name="Classes">Class index per district of the snapshot (−1 where not published).</param>
/// <param name="Counts">Districts per class in this year.</param>
/// <param name="Pooled">True when the breaks were computed over several years.</param>
public sealed record ClassifiedSnapshot(IndicatorSnapshot Snapshot, Classification.Classification Classification, IReadOnlyList<int> Classes, IReadOnlyList<int> Counts, bool Pooled);

/// <summary>The LISA result of one district.</summary>
/// <param name="Quadrant">High-High, Low-Low, High-Low or Low-High.</param>
/// <param name="Ii">Local Moran's Iᵢ.</param>
/// <param name="P">p-value.</param>
/// <param name="Significant">p below the significance level (0.05).</param>
public sealed record LisaValue(LisaQuadrant Quadrant, double Ii, double P, bool Significant);
