using System.Globalization;
using System.Text;

namespace GeoPrevention.DemoAtlasGenerator;

/// <summary>
/// Synthetic yearly counts per Sozialraum, 2015–2025, made with a fixed seed. The numbers are plausible in
/// size and spatially structured (a burden level per locality plus municipality trends), but they are
/// NOT official statistics. Small villages (e.g. Tönnishäuschen, Ostbevern-Brock) have fewer than 300
/// inhabitants and single-digit counts, so the confidentiality rules bite.
/// </summary>
internal static class DemoTables
{
    public const int FirstYear = 2015;
    public const int LastYear = 2025;
    public const int Seed = 20251128;

    /// <summary>Column names of the generated CSV, in order.</summary>
    public static readonly string[] Columns =
    [
        "sozialraum", "jahr", "einwohner", "einwohner_u21", "kinder_u3", "kinder_u6", "kinder_u15",
        "kinder_u15_sgb2", "haushalte", "haushalte_alleinerziehend", "seu_untersucht", "seu_sprache",
        "seu_motorik", "seu_uebergewicht", "hze_faelle", "kita_u3",
    ];

    /// <summary>
    /// Change of the SGB II child share per year from 2018 on, per municipality, so that the demo goals
    /// end up on track (Ahlen), at risk (Beckum) and off track (Oelde).
    /// </summary>
    private static double PovertyTrend(string ags) => ags switch
    {
        "05570004" => -0.0085,
        "05570008" => -0.0015,
        "05570028" => 0.0030,
        _ => -0.0030,
    };

    public static string BuildCsv(IReadOnlyList<DemoDistrict> districts)
    {
        var random = new Random(Seed);
        var de = CultureInfo.GetCultureInfo("de-DE");
        var sb = new StringBuilder();
        sb.AppendJoin(';', Columns).Append('\n');
        foreach (var d in districts)
        {
            var l = d.Locality;
            var growth = 0.002 + (0.004 * (1 - l.Burden));
            for (var year = FirstYear; year <= LastYear; year++)
            {
                var t = year - 2020;
                var pop = (int)Math.Round(l.Population * (1 + (growth * t)) * (1 + (0.004 * Normal(random))));
                var b = l.Burden;
                var u21 = Binomial(random, pop, 0.200 + (0.02 * b));
                var u15 = Binomial(random, u21, 0.68 + (0.03 * b));
                var u6 = Binomial(random, u15, 0.40 + (0.02 * b));
                var u3 = Binomial(random, u6, 0.50);
                var refugeeBump = year is 2016 or 2017 ? 0.012 : year is 2023 or 2024 ? 0.008 : 0.0;
                var poverty = Math.Clamp(0.025 + (0.27 * b) + refugeeBump + (PovertyTrend(l.Ags) * Math.Max(0, year - 2018)) + (0.01 * Normal(random)), 0.004, 0.6);
                var sgb2 = Binomial(random, u15, poverty);
                var households = (int)Math.Round(pop / (2.35 - (0.25 * b)));
                var singleParents = Binomial(random, households, 0.045 + (0.05 * b));
                var examined = Binomial(random, u6, 0.155);
                var language = Binomial(random, examined, Math.Clamp(0.14 + (0.26 * b) + (0.004 * (year - FirstYear)), 0, 1));
                var motor = Binomial(random, examined, 0.07 + (0.09 * b));
                var overweight = Binomial(random, examined, 0.06 + (0.08 * b));
                var hze = Binomial(random, u21, 0.010 + (0.028 * b));
                var kita = Binomial(random, u3, Math.Clamp(0.27 - (0.10 * b) + (0.016 * (year - FirstYear)), 0, 1));
                int[] values = [pop, u21, u3, u6, u15, sgb2, households, singleParents, examined, language, motor, overweight, hze, kita];
                sb.Append(d.Key).Append(';').Append(year.ToString(CultureInfo.InvariantCulture));
                foreach (var v in values)
                {
                    sb.Append(';').Append(v.ToString(de));
                }

                sb.Append('\n');
            }
        }

        return sb.ToString();
    }

    private static int Binomial(Random random, int n, double p)
    {
        var k = 0;
        for (var i = 0; i < n; i++)
        {
            if (random.NextDouble() < p)
            {
                k++;
            }
        }

        return k;
    }

    private static double Normal(Random random)
    {
        // Box-Muller; deterministic for a given System.Random seed.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
