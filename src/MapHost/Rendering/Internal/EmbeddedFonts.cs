using SkiaSharp;

namespace GeoPrevention.Rendering.Internal;

/// <summary>
/// The DejaVu Sans typefaces embedded in this assembly. SkiaSharp's NoDependencies native build has no font manager,
/// so text drawn with the default typeface silently vanishes; every text therefore uses these.
/// </summary>
internal static class EmbeddedFonts
{
    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("GeoPrevention.Rendering.Fonts.DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("GeoPrevention.Rendering.Fonts.DejaVuSans-Bold.ttf"));

    public static SKTypeface Regular => RegularFace.Value;

    public static SKTypeface Bold => BoldFace.Value;

    private static SKTypeface Load(string resource)
    {
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream(resource)
            ?? throw new MapRenderingException($"The embedded font '{resource}' is missing from {typeof(EmbeddedFonts).Assembly.GetName().Name}; rebuild the project (its build runs 'npm ci' in src/MapHost/Rendering/fonts).");
        var face = SKTypeface.FromStream(stream);
        if (face is null || face.GlyphCount == 0)
        {
            throw new MapRenderingException($"The embedded font '{resource}' could not be loaded (no glyphs); text would be invisible.");
        }

        return face;
    }
}
