using System.Globalization;

namespace GeoPrevention.Bench;

/// <summary>The peers' command line: --polygons --csv --year --out --png --geojson-out --repeat --read-formats --nsim --seed.</summary>
internal sealed record BenchArguments
{
    public required string Polygons { get; init; }

    public required string Csv { get; init; }

    public int Year { get; init; } = 2023;

    public required string Out { get; init; }

    public string? Png { get; init; }

    public string? GeoJsonOut { get; init; }

    public int Repeat { get; init; } = 1;

    public bool ReadFormats { get; init; }

    public int NSim { get; init; } = 999;

    public int Seed { get; init; } = 42;

    public static BenchArguments Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{a}'.");
            }

            if (a == "--read-formats")
            {
                flags.Add(a);
            }
            else if (i + 1 < args.Count)
            {
                values[a] = args[++i];
            }
            else
            {
                throw new ArgumentException($"Option {a} needs a value.");
            }
        }

        string Required(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"Missing required option {name}.");
        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var known = new[] { "--polygons", "--csv", "--year", "--out", "--png", "--geojson-out", "--repeat", "--nsim", "--seed" };
        foreach (var key in values.Keys)
        {
            if (!known.Contains(key))
            {
                throw new ArgumentException($"Unknown option {key}.");
            }
        }

        return new BenchArguments
        {
            Polygons = Required("--polygons"),
            Csv = Required("--csv"),
            Out = Required("--out"),
            Year = Int("--year", 2023),
            Png = values.GetValueOrDefault("--png"),
            GeoJsonOut = values.GetValueOrDefault("--geojson-out"),
            Repeat = Math.Max(1, Int("--repeat", 1)),
            ReadFormats = flags.Contains("--read-formats"),
            NSim = Int("--nsim", 999),
            Seed = Int("--seed", 42),
        };
    }
}
