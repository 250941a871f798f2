namespace GeoPrevention.DemoAtlasGenerator;

/// <summary>
/// One locality that seeds a schematic Sozialraum: the municipality (AGS), a name after a real place,
/// an approximate public location (WGS84, rounded to 0.001°, checked only to lie inside the right
/// municipality), a synthetic population around 2020 and a synthetic social-burden level in [0, 1].
/// None of these numbers are official statistics.
/// </summary>
internal sealed record Locality(string Ags, string Name, double Lon, double Lat, int Population, double Burden);

/// <summary>The municipalities of Kreis Warendorf and their youth-welfare office (Jugendamt) areas.</summary>
internal static class KreisWarendorf
{
    public const string KreisKey = "05570";

    public static readonly IReadOnlyDictionary<string, string> Municipalities = new Dictionary<string, string>
    {
        ["05570004"] = "Ahlen",
        ["05570008"] = "Beckum",
        ["05570012"] = "Beelen",
        ["05570016"] = "Drensteinfurt",
        ["05570020"] = "Ennigerloh",
        ["05570024"] = "Everswinkel",
        ["05570028"] = "Oelde",
        ["05570032"] = "Ostbevern",
        ["05570036"] = "Sassenberg",
        ["05570040"] = "Sendenhorst",
        ["05570044"] = "Telgte",
        ["05570048"] = "Wadersloh",
        ["05570052"] = "Warendorf",
    };

    /// <summary>Ahlen, Beckum and Oelde run their own Jugendamt; the Kreis Jugendamt covers the other ten.</summary>
    public static string YouthWelfareArea(string ags) => ags switch
    {
        "05570004" => "JA-AHLEN",
        "05570008" => "JA-BECKUM",
        "05570028" => "JA-OELDE",
        _ => "JA-KREIS",
    };

    public static readonly IReadOnlyDictionary<string, string> YouthWelfareAreaNames = new Dictionary<string, string>
    {
        ["JA-AHLEN"] = "Jugendamt Ahlen",
        ["JA-BECKUM"] = "Jugendamt Beckum",
        ["JA-OELDE"] = "Jugendamt Oelde",
        ["JA-KREIS"] = "Jugendamt Kreis Warendorf",
    };

    public static readonly Locality[] Localities =
    [
        new("05570004", "Ahlen Innenstadt", 7.891, 51.763, 9000, 0.75),
        new("05570004", "Ahlen Nord", 7.893, 51.779, 8500, 0.5),
        new("05570004", "Ahlen Ost", 7.913, 51.762, 7000, 0.85),
        new("05570004", "Ahlen Süd", 7.893, 51.747, 8000, 0.95),
        new("05570004", "Ahlen Südost", 7.918, 51.747, 6000, 0.6),
        new("05570004", "Ahlen West", 7.868, 51.763, 7500, 0.45),
        new("05570004", "Dolberg", 7.955, 51.735, 3000, 0.15),
        new("05570004", "Vorhelm", 7.911, 51.806, 3300, 0.15),
        new("05570004", "Tönnishäuschen", 7.930, 51.815, 260, 0.15),
        new("05570008", "Beckum Innenstadt", 8.041, 51.755, 7000, 0.6),
        new("05570008", "Beckum Nord", 8.040, 51.768, 6000, 0.35),
        new("05570008", "Beckum Süd", 8.045, 51.742, 5500, 0.5),
        new("05570008", "Beckum West", 8.024, 51.757, 5000, 0.3),
        new("05570008", "Neubeckum", 8.020, 51.800, 10000, 0.65),
        new("05570008", "Roland", 8.005, 51.735, 1200, 0.15),
        new("05570008", "Vellern", 8.110, 51.782, 1800, 0.15),
        new("05570012", "Beelen", 8.118, 51.929, 6300, 0.3),
        new("05570016", "Drensteinfurt", 7.739, 51.795, 9000, 0.3),
        new("05570016", "Rinkerode", 7.680, 51.850, 3600, 0.15),
        new("05570016", "Walstedde", 7.780, 51.758, 3000, 0.15),
        new("05570020", "Ennigerloh", 8.031, 51.837, 12000, 0.45),
        new("05570020", "Enniger", 7.958, 51.838, 2800, 0.15),
        new("05570020", "Ostenfelde", 8.110, 51.880, 2700, 0.15),
        new("05570020", "Westkirchen", 8.060, 51.868, 2500, 0.15),
        new("05570024", "Everswinkel", 7.848, 51.925, 7200, 0.25),
        new("05570024", "Alverskirchen", 7.795, 51.905, 2600, 0.15),
        new("05570028", "Oelde Innenstadt", 8.144, 51.826, 6500, 0.55),
        new("05570028", "Oelde Nord", 8.150, 51.839, 5500, 0.35),
        new("05570028", "Oelde Süd", 8.140, 51.813, 5000, 0.5),
        new("05570028", "Oelde West", 8.124, 51.828, 4300, 0.3),
        new("05570028", "Stromberg", 8.226, 51.797, 4300, 0.3),
        new("05570028", "Lette", 8.170, 51.872, 2300, 0.15),
        new("05570028", "Sünninghausen", 8.085, 51.820, 1400, 0.15),
        new("05570032", "Ostbevern", 7.842, 52.041, 10920, 0.25),
        new("05570032", "Ostbevern-Brock", 7.900, 52.030, 280, 0.15),
        new("05570036", "Sassenberg", 8.041, 51.990, 10800, 0.35),
        new("05570036", "Füchtorf", 8.010, 52.052, 3500, 0.15),
        new("05570040", "Sendenhorst", 7.828, 51.843, 9500, 0.3),
        new("05570040", "Albersloh", 7.737, 51.880, 3800, 0.15),
        new("05570044", "Telgte Innenstadt", 7.786, 51.983, 9000, 0.3),
        new("05570044", "Telgte Süd", 7.780, 51.965, 4800, 0.15),
        new("05570044", "Westbevern", 7.785, 52.003, 6200, 0.15),
        new("05570048", "Wadersloh", 8.251, 51.738, 6500, 0.3),
        new("05570048", "Diestedde", 8.185, 51.748, 3000, 0.15),
        new("05570048", "Liesborn", 8.262, 51.712, 2800, 0.15),
        new("05570052", "Warendorf Innenstadt", 7.988, 51.953, 8000, 0.5),
        new("05570052", "Warendorf Nord", 7.990, 51.966, 6000, 0.3),
        new("05570052", "Warendorf Süd", 7.985, 51.941, 5500, 0.4),
        new("05570052", "Warendorf Ost", 8.008, 51.953, 4500, 0.55),
        new("05570052", "Freckenhorst", 7.962, 51.918, 7200, 0.3),
        new("05570052", "Hoetmar", 7.990, 51.890, 2400, 0.15),
        new("05570052", "Milte", 7.935, 52.000, 2300, 0.15),
        new("05570052", "Einen", 7.925, 51.965, 1100, 0.15),
        new("05570052", "Müssingen", 7.935, 51.945, 500, 0.15),
    ];
}
