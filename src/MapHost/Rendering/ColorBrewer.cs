namespace GeoPrevention.Rendering;

/// <summary>
/// The ColorBrewer 2.0 colour schemes used by <see cref="Palette"/>, as data: for every scheme and class count k the
/// published hex colours, lightest/first first.
/// </summary>
/// <remarks>
/// Colours by Cynthia A. Brewer, Mark Harrower and The Pennsylvania State University, ColorBrewer 2.0,
/// https://colorbrewer2.org (Apache-2.0 style licence: "Apache-Style Software License for ColorBrewer software and
/// ColorBrewer Color Schemes"). The values are the published scheme definitions (colours are facts); they were checked
/// against the published tables when written. Sequential schemes have k = 3…9 colours, diverging schemes k = 3…11.
/// </remarks>
internal static class ColorBrewer
{
    /// <summary>Sequential schemes: name → (k → colours).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Sequential = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["YlOrRd"] =
        [
            "ffeda0 feb24c f03b20",
            "ffffb2 fecc5c fd8d3c e31a1c",
            "ffffb2 fecc5c fd8d3c f03b20 bd0026",
            "ffffb2 fed976 feb24c fd8d3c f03b20 bd0026",
            "ffffb2 fed976 feb24c fd8d3c fc4e2a e31a1c b10026",
            "ffffcc ffeda0 fed976 feb24c fd8d3c fc4e2a e31a1c b10026",
            "ffffcc ffeda0 fed976 feb24c fd8d3c fc4e2a e31a1c bd0026 800026",
        ],
        ["OrRd"] =
        [
            "fee8c8 fdbb84 e34a33",
            "fef0d9 fdcc8a fc8d59 d7301f",
            "fef0d9 fdcc8a fc8d59 e34a33 b30000",
            "fef0d9 fdd49e fdbb84 fc8d59 e34a33 b30000",
            "fef0d9 fdd49e fdbb84 fc8d59 ef6548 d7301f 990000",
            "fff7ec fee8c8 fdd49e fdbb84 fc8d59 ef6548 d7301f 990000",
            "fff7ec fee8c8 fdd49e fdbb84 fc8d59 ef6548 d7301f b30000 7f0000",
        ],
        ["Reds"] =
        [
            "fee0d2 fc9272 de2d26",
            "fee5d9 fcae91 fb6a4a cb181d",
            "fee5d9 fcae91 fb6a4a de2d26 a50f15",
            "fee5d9 fcbba1 fc9272 fb6a4a de2d26 a50f15",
            "fee5d9 fcbba1 fc9272 fb6a4a ef3b2c cb181d 99000d",
            "fff5f0 fee0d2 fcbba1 fc9272 fb6a4a ef3b2c cb181d 99000d",
            "fff5f0 fee0d2 fcbba1 fc9272 fb6a4a ef3b2c cb181d a50f15 67000d",
        ],
        ["Blues"] =
        [
            "deebf7 9ecae1 3182bd",
            "eff3ff bdd7e7 6baed6 2171b5",
            "eff3ff bdd7e7 6baed6 3182bd 08519c",
            "eff3ff c6dbef 9ecae1 6baed6 3182bd 08519c",
            "eff3ff c6dbef 9ecae1 6baed6 4292c6 2171b5 084594",
            "f7fbff deebf7 c6dbef 9ecae1 6baed6 4292c6 2171b5 084594",
            "f7fbff deebf7 c6dbef 9ecae1 6baed6 4292c6 2171b5 08519c 08306b",
        ],
        ["Greens"] =
        [
            "e5f5e0 a1d99b 31a354",
            "edf8e9 bae4b3 74c476 238b45",
            "edf8e9 bae4b3 74c476 31a354 006d2c",
            "edf8e9 c7e9c0 a1d99b 74c476 31a354 006d2c",
            "edf8e9 c7e9c0 a1d99b 74c476 41ab5d 238b45 005a32",
            "f7fcf5 e5f5e0 c7e9c0 a1d99b 74c476 41ab5d 238b45 005a32",
            "f7fcf5 e5f5e0 c7e9c0 a1d99b 74c476 41ab5d 238b45 006d2c 00441b",
        ],
        ["Purples"] =
        [
            "efedf5 bcbddc 756bb1",
            "f2f0f7 cbc9e2 9e9ac8 6a51a3",
            "f2f0f7 cbc9e2 9e9ac8 756bb1 54278f",
            "f2f0f7 dadaeb bcbddc 9e9ac8 756bb1 54278f",
            "f2f0f7 dadaeb bcbddc 9e9ac8 807dba 6a51a3 4a1486",
            "fcfbfd efedf5 dadaeb bcbddc 9e9ac8 807dba 6a51a3 4a1486",
            "fcfbfd efedf5 dadaeb bcbddc 9e9ac8 807dba 6a51a3 54278f 3f007d",
        ],
        ["Greys"] =
        [
            "f0f0f0 bdbdbd 636363",
            "f7f7f7 cccccc 969696 525252",
            "f7f7f7 cccccc 969696 636363 252525",
            "f7f7f7 d9d9d9 bdbdbd 969696 636363 252525",
            "f7f7f7 d9d9d9 bdbdbd 969696 737373 525252 252525",
            "ffffff f0f0f0 d9d9d9 bdbdbd 969696 737373 525252 252525",
            "ffffff f0f0f0 d9d9d9 bdbdbd 969696 737373 525252 252525 000000",
        ],
        ["YlGnBu"] =
        [
            "edf8b1 7fcdbb 2c7fb8",
            "ffffcc a1dab4 41b6c4 225ea8",
            "ffffcc a1dab4 41b6c4 2c7fb8 253494",
            "ffffcc c7e9b4 7fcdbb 41b6c4 2c7fb8 253494",
            "ffffcc c7e9b4 7fcdbb 41b6c4 1d91c0 225ea8 0c2c84",
            "ffffd9 edf8b1 c7e9b4 7fcdbb 41b6c4 1d91c0 225ea8 0c2c84",
            "ffffd9 edf8b1 c7e9b4 7fcdbb 41b6c4 1d91c0 225ea8 253494 081d58",
        ],
        ["PuBu"] =
        [
            "ece7f2 a6bddb 2b8cbe",
            "f1eef6 bdc9e1 74a9cf 0570b0",
            "f1eef6 bdc9e1 74a9cf 2b8cbe 045a8d",
            "f1eef6 d0d1e6 a6bddb 74a9cf 2b8cbe 045a8d",
            "f1eef6 d0d1e6 a6bddb 74a9cf 3690c0 0570b0 034e7b",
            "fff7fb ece7f2 d0d1e6 a6bddb 74a9cf 3690c0 0570b0 034e7b",
            "fff7fb ece7f2 d0d1e6 a6bddb 74a9cf 3690c0 0570b0 045a8d 023858",
        ],
    };

    /// <summary>Diverging schemes: name → (k → colours), first colour = one extreme, last = the other.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Diverging = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["RdBu"] =
        [
            "ef8a62 f7f7f7 67a9cf",
            "ca0020 f4a582 92c5de 0571b0",
            "ca0020 f4a582 f7f7f7 92c5de 0571b0",
            "b2182b ef8a62 fddbc7 d1e5f0 67a9cf 2166ac",
            "b2182b ef8a62 fddbc7 f7f7f7 d1e5f0 67a9cf 2166ac",
            "b2182b d6604d f4a582 fddbc7 d1e5f0 92c5de 4393c3 2166ac",
            "b2182b d6604d f4a582 fddbc7 f7f7f7 d1e5f0 92c5de 4393c3 2166ac",
            "67001f b2182b d6604d f4a582 fddbc7 d1e5f0 92c5de 4393c3 2166ac 053061",
            "67001f b2182b d6604d f4a582 fddbc7 f7f7f7 d1e5f0 92c5de 4393c3 2166ac 053061",
        ],
        ["PuOr"] =
        [
            "998ec3 f7f7f7 f1a340",
            "5e3c99 b2abd2 fdb863 e66101",
            "5e3c99 b2abd2 f7f7f7 fdb863 e66101",
            "542788 998ec3 d8daeb fee0b6 f1a340 b35806",
            "542788 998ec3 d8daeb f7f7f7 fee0b6 f1a340 b35806",
            "542788 8073ac b2abd2 d8daeb fee0b6 fdb863 e08214 b35806",
            "542788 8073ac b2abd2 d8daeb f7f7f7 fee0b6 fdb863 e08214 b35806",
            "2d004b 542788 8073ac b2abd2 d8daeb fee0b6 fdb863 e08214 b35806 7f3b08",
            "2d004b 542788 8073ac b2abd2 d8daeb f7f7f7 fee0b6 fdb863 e08214 b35806 7f3b08",
        ],
        ["BrBG"] =
        [
            "d8b365 f5f5f5 5ab4ac",
            "a6611a dfc27d 80cdc1 018571",
            "a6611a dfc27d f5f5f5 80cdc1 018571",
            "8c510a d8b365 f6e8c3 c7eae5 5ab4ac 01665e",
            "8c510a d8b365 f6e8c3 f5f5f5 c7eae5 5ab4ac 01665e",
            "8c510a bf812d dfc27d f6e8c3 c7eae5 80cdc1 35978f 01665e",
            "8c510a bf812d dfc27d f6e8c3 f5f5f5 c7eae5 80cdc1 35978f 01665e",
            "543005 8c510a bf812d dfc27d f6e8c3 c7eae5 80cdc1 35978f 01665e 003c30",
            "543005 8c510a bf812d dfc27d f6e8c3 f5f5f5 c7eae5 80cdc1 35978f 01665e 003c30",
        ],
        ["RdYlBu"] =
        [
            "fc8d59 ffffbf 91bfdb",
            "d7191c fdae61 abd9e9 2c7bb6",
            "d7191c fdae61 ffffbf abd9e9 2c7bb6",
            "d73027 fc8d59 fee090 e0f3f8 91bfdb 4575b4",
            "d73027 fc8d59 fee090 ffffbf e0f3f8 91bfdb 4575b4",
            "d73027 f46d43 fdae61 fee090 e0f3f8 abd9e9 74add1 4575b4",
            "d73027 f46d43 fdae61 fee090 ffffbf e0f3f8 abd9e9 74add1 4575b4",
            "a50026 d73027 f46d43 fdae61 fee090 e0f3f8 abd9e9 74add1 4575b4 313695",
            "a50026 d73027 f46d43 fdae61 fee090 ffffbf e0f3f8 abd9e9 74add1 4575b4 313695",
        ],
    };

    /// <summary>
    /// Anchors of the viridis colour map (van der Walt and Smith for matplotlib, CC0; as in R viridisLite
    /// <c>viridis(9)</c>), evenly spaced from t = 0 to t = 1.
    /// </summary>
    public static readonly string[] ViridisAnchors =
        ["440154", "472d7b", "3b528b", "2c728e", "21908c", "27ad81", "5dc863", "aadc32", "fde725"];
}
