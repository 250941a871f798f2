using System.Text.Json;
using Json.Schema;

namespace GeoPrevention.Analytics.Atlas;

/// <summary>One problem found in an atlas manifest, located by a JSON path such as <c>$.layers[0].file</c>.</summary>
/// <param name="JsonPath">Where in the manifest (JSONPath notation, <c>$</c> is the root).</param>
/// <param name="Message">What is wrong.</param>
public sealed record AtlasIssue(string JsonPath, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{JsonPath}: {Message}";
}

/// <summary>Thrown when an atlas manifest is not valid; lists every problem with its JSON path.</summary>
public sealed class AtlasValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="filePath">The atlas file.</param>
    /// <param name="issues">The problems found.</param>
    public AtlasValidationException(string filePath, IReadOnlyList<AtlasIssue> issues)
        : base($"{filePath}: the atlas is not valid:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", issues))
    {
        FilePath = filePath;
        Issues = issues;
    }

    /// <summary>The atlas file.</summary>
    public string FilePath { get; }

    /// <summary>The problems found.</summary>
    public IReadOnlyList<AtlasIssue> Issues { get; }
}

/// <summary>
/// Loads and validates <c>atlas.json</c> files. Rules, in order:
/// 1. the file must be JSON (syntax errors name line and column);
/// 2. it must satisfy <c>docs/atlas.schema.json</c> (each violation names its JSON path);
/// 3. ids are unique per kind, and every reference (parent layer, table layer, indicator table, goal
///    indicator and scope layer, map area layer, emphasis layer) names an existing id;
/// 4. every file path is relative, stays inside the atlas folder after resolution (no <c>..</c> escape,
///    no symbolic trickery through absolute paths) and exists;
/// 5. an indicator without denominator must say <c>allowCount: true</c>;
/// 6. suppliers: ids are unique, the table exists, <c>due</c> is a day of every year (<c>MM-dd</c>, not 02-29), no
///    column is the table's key or year column, and no column of a table is delivered twice (by the same or another
///    supplier).
/// Problems of rules 2–6 are collected and thrown together in one <see cref="AtlasValidationException"/>.
/// Column names and keys are checked later, against the data, by the atlas data loader (<see cref="AtlasData.Load(AtlasManifest)"/>
/// also reports a supplier column that is not in its table).
/// </summary>
public static class AtlasLoader
{
    private static readonly Lazy<JsonSchema> Schema = new(LoadSchema);

    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>Loads and validates an atlas manifest.</summary>
    /// <param name="path">Path of the <c>atlas.json</c> file.</param>
    /// <returns>The manifest with <see cref="AtlasManifest.BaseDirectory"/> set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="GeoPrevention.Geo.GeoDataFormatException">The file is not valid JSON.</exception>
    /// <exception cref="AtlasValidationException">The manifest violates the schema or the rules above.</exception>
    public static AtlasManifest Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"Atlas file '{path}' not found.", path);
        }

        var text = File.ReadAllText(fullPath);
        return Parse(text, fullPath);
    }

    /// <summary>Parses and validates manifest text as if it were read from <paramref name="fullPath"/>.</summary>
    /// <param name="json">The manifest JSON.</param>
    /// <param name="fullPath">The path the manifest claims to be at; relative paths resolve against its folder.</param>
    /// <returns>The validated manifest.</returns>
    /// <exception cref="GeoPrevention.Geo.GeoDataFormatException">The text is not valid JSON.</exception>
    /// <exception cref="AtlasValidationException">The manifest violates the schema or the rules.</exception>
    public static AtlasManifest Parse(string json, string fullPath)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(fullPath);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false });
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new GeoPrevention.Geo.GeoDataFormatException(fullPath, "The atlas is not valid JSON: " + FirstSentence(ex.Message), (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1, ex);
        }

        var issues = new List<AtlasIssue>();
        var results = Schema.Value.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!results.IsValid)
        {
            foreach (var detail in results.Details ?? [])
            {
                if (detail.Errors is null)
                {
                    continue;
                }

                foreach (var error in detail.Errors)
                {
                    issues.Add(new AtlasIssue(ToJsonPath(detail.InstanceLocation.ToString()), error.Value));
                }
            }

            if (issues.Count == 0)
            {
                issues.Add(new AtlasIssue("$", "The atlas does not match docs/atlas.schema.json."));
            }

            throw new AtlasValidationException(fullPath, issues.Distinct().ToList());
        }

        var manifest = root.Deserialize<AtlasManifest>(SerializerOptions)
            ?? throw new AtlasValidationException(fullPath, [new AtlasIssue("$", "The atlas is empty.")]);
        manifest = manifest with { BaseDirectory = Path.GetDirectoryName(fullPath)! };
        CheckReferences(manifest, issues);
        CheckFiles(manifest, issues);
        if (issues.Count > 0)
        {
            throw new AtlasValidationException(fullPath, issues);
        }

        return manifest;
    }

    /// <summary>Converts a JSON Pointer (<c>/layers/0/file</c>) to a JSON path (<c>$.layers[0].file</c>).</summary>
    /// <param name="jsonPointer">The pointer.</param>
    /// <returns>The path.</returns>
    internal static string ToJsonPath(string jsonPointer)
    {
        var path = "$";
        foreach (var raw in jsonPointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            path += segment.All(char.IsAsciiDigit) ? $"[{segment}]" : $".{segment}";
        }

        return path;
    }

    private static void CheckReferences(AtlasManifest m, List<AtlasIssue> issues)
    {
        Unique(m.Layers.Select(l => l.Id).ToList(), "layers", issues);
        Unique(m.Tables.Select(t => t.Id).ToList(), "tables", issues);
        Unique(m.Indicators.Select(i => i.Id).ToList(), "indicators", issues);
        Unique(m.Goals.Select(g => g.Id).ToList(), "goals", issues);
        Unique(m.Map.Areas.Select(a => a.Id).ToList(), "map.areas", issues);

        for (var i = 0; i < m.Layers.Count; i++)
        {
            var l = m.Layers[i];
            if (l.ParentLayer is { } p)
            {
                RequireLayer(m, p, $"$.layers[{i}].parentLayer", issues);
                if (l.Parent is null)
                {
                    issues.Add(new AtlasIssue($"$.layers[{i}]", $"Layer '{l.Id}' names a parentLayer but no 'parent' field."));
                }
            }
        }

        for (var i = 0; i < m.Tables.Count; i++)
        {
            RequireLayer(m, m.Tables[i].Layer, $"$.tables[{i}].layer", issues);
        }

        for (var i = 0; i < m.Indicators.Count; i++)
        {
            var ind = m.Indicators[i];
            if (m.FindTable(ind.Table) is null)
            {
                issues.Add(new AtlasIssue($"$.indicators[{i}].table", $"Unknown table '{ind.Table}'."));
            }

            if (ind.Denominator is null && !ind.AllowCount)
            {
                issues.Add(new AtlasIssue($"$.indicators[{i}]", $"Indicator '{ind.Id}' has no denominator; a count is only mapped with \"allowCount\": true."));
            }
        }

        for (var i = 0; i < m.Goals.Count; i++)
        {
            var g = m.Goals[i];
            if (m.FindIndicator(g.Indicator) is null)
            {
                issues.Add(new AtlasIssue($"$.goals[{i}].indicator", $"Unknown indicator '{g.Indicator}'."));
            }

            RequireLayer(m, g.Scope.Layer, $"$.goals[{i}].scope.layer", issues);
            if (g.Deadline <= g.BaselineYear)
            {
                issues.Add(new AtlasIssue($"$.goals[{i}].deadline", $"The deadline {g.Deadline} is not after the baseline year {g.BaselineYear}."));
            }
        }

        for (var i = 0; i < m.Map.Areas.Count; i++)
        {
            RequireLayer(m, m.Map.Areas[i].Layer, $"$.map.areas[{i}].layer", issues);
        }

        if (m.Map.EmphasisLayer is { } e)
        {
            RequireLayer(m, e, "$.map.emphasisLayer", issues);
        }

        CheckSuppliers(m, issues);
    }

    private static void CheckSuppliers(AtlasManifest m, List<AtlasIssue> issues)
    {
        Unique(m.Suppliers.Select(s => s.Id).ToList(), "suppliers", issues);
        var claimed = new Dictionary<(string Table, string Column), (string Supplier, string Path)>();
        for (var i = 0; i < m.Suppliers.Count; i++)
        {
            var s = m.Suppliers[i];
            var table = m.FindTable(s.Table);
            if (table is null)
            {
                issues.Add(new AtlasIssue($"$.suppliers[{i}].table", $"Supplier '{s.Id}' names unknown table '{s.Table}'."));
            }

            if (AtlasSupplier.ParseDue(s.Due, 2001) is null)
            {
                issues.Add(new AtlasIssue($"$.suppliers[{i}].due", $"Supplier '{s.Id}': due date '{s.Due}' is not a day of every year in the form MM-dd (e.g. 04-30)."));
            }

            for (var j = 0; j < s.Columns.Count; j++)
            {
                var column = s.Columns[j].Column;
                var path = $"$.suppliers[{i}].columns[{j}].column";
                if (table is not null && (column == table.Key || column == table.Year))
                {
                    issues.Add(new AtlasIssue(path, $"Column '{column}' is the {(column == table.Key ? "key" : "year")} column of table '{table.Id}'; it is prefilled in the template, not delivered."));
                    continue;
                }

                if (claimed.TryGetValue((s.Table, column), out var owner))
                {
                    issues.Add(new AtlasIssue(path, $"Column '{column}' of table '{s.Table}' is already delivered by supplier '{owner.Supplier}' ({owner.Path}); every column has one supplier."));
                    continue;
                }

                claimed[(s.Table, column)] = (s.Id, path);
            }
        }
    }

    private static void CheckFiles(AtlasManifest m, List<AtlasIssue> issues)
    {
        for (var i = 0; i < m.Layers.Count; i++)
        {
            CheckFile(m, m.Layers[i].File, $"$.layers[{i}].file", issues);
        }

        for (var i = 0; i < m.Tables.Count; i++)
        {
            CheckFile(m, m.Tables[i].File, $"$.tables[{i}].file", issues);
        }
    }

    private static void CheckFile(AtlasManifest m, string relative, string jsonPath, List<AtlasIssue> issues)
    {
        if (Path.IsPathRooted(relative))
        {
            issues.Add(new AtlasIssue(jsonPath, $"'{relative}' is an absolute path; paths must be relative to the atlas folder."));
            return;
        }

        var root = Path.TrimEndingDirectorySeparator(m.BaseDirectory) + Path.DirectorySeparatorChar;
        var full = m.ResolvePath(relative);
        if (!full.StartsWith(root, StringComparison.Ordinal))
        {
            issues.Add(new AtlasIssue(jsonPath, $"'{relative}' leaves the atlas folder."));
            return;
        }

        if (!File.Exists(full))
        {
            issues.Add(new AtlasIssue(jsonPath, $"File '{relative}' does not exist."));
        }
    }

    private static void RequireLayer(AtlasManifest m, string id, string jsonPath, List<AtlasIssue> issues)
    {
        if (m.FindLayer(id) is null)
        {
            issues.Add(new AtlasIssue(jsonPath, $"Unknown layer '{id}'."));
        }
    }

    private static void Unique(List<string> ids, string collection, List<AtlasIssue> issues)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            if (!seen.Add(ids[i]))
            {
                issues.Add(new AtlasIssue($"$.{collection}[{i}].id", $"Duplicate id '{ids[i]}'."));
            }
        }
    }

    private static JsonSchema LoadSchema()
    {
        using var stream = typeof(AtlasLoader).Assembly.GetManifestResourceStream("GeoPrevention.Analytics.Atlas.atlas.schema.json")
            ?? throw new InvalidOperationException("The embedded atlas schema is missing.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd());
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
