using System.Globalization;

namespace GeoPrevention.Rendering;

/// <summary>An sRGB colour with alpha, written and parsed as <c>#rrggbb</c> or <c>#rrggbbaa</c>.</summary>
/// <param name="R">Red, 0–255.</param>
/// <param name="G">Green, 0–255.</param>
/// <param name="B">Blue, 0–255.</param>
/// <param name="A">Alpha, 0 (transparent) – 255 (opaque).</param>
public readonly record struct MapColor(byte R, byte G, byte B, byte A = 255)
{
    /// <summary>Opaque white.</summary>
    public static MapColor White => new(255, 255, 255);

    /// <summary>Opaque black.</summary>
    public static MapColor Black => new(0, 0, 0);

    /// <summary>Parses <c>#rrggbb</c> or <c>#rrggbbaa</c> (the <c>#</c> is optional, case-insensitive).</summary>
    /// <param name="hex">The hex text.</param>
    /// <returns>The colour.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hex"/> is null.</exception>
    /// <exception cref="FormatException">The text is not 6 or 8 hex digits.</exception>
    public static MapColor FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var s = hex.StartsWith('#') ? hex[1..] : hex;
        if ((s.Length != 6 && s.Length != 8) || !s.All(Uri.IsHexDigit))
        {
            throw new FormatException($"'{hex}' is not a colour of the form #rrggbb or #rrggbbaa.");
        }

        byte Part(int i) => byte.Parse(s.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return new MapColor(Part(0), Part(2), Part(4), s.Length == 8 ? Part(6) : (byte)255);
    }

    /// <summary>The colour as lower-case <c>#rrggbb</c> (alpha appended as <c>aa</c> only when not opaque).</summary>
    /// <returns>The hex text.</returns>
    public string ToHex() => A == 255
        ? string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}")
        : string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}{A:x2}");

    /// <inheritdoc />
    public override string ToString() => ToHex();

    /// <summary>
    /// The CIE 1976 lightness L* (0 = black, 100 = white) of the opaque colour, D65 white point.
    /// </summary>
    /// <remarks>
    /// sRGB channels are linearised (IEC 61966-2-1), relative luminance Y = 0.2126 R + 0.7152 G + 0.0722 B, then
    /// L* = 116 f(Y) − 16 with f(t) = t^(1/3) for t &gt; (6/29)³, else t / (3 (6/29)²) + 4/29. This is the measure
    /// used to check that a sequential palette stays ordered when printed in greyscale.
    /// </remarks>
    public double Lightness
    {
        get
        {
            static double Lin(byte c)
            {
                var v = c / 255.0;
                return v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
            }

            var y = (0.2126 * Lin(R)) + (0.7152 * Lin(G)) + (0.0722 * Lin(B));
            const double d = 6.0 / 29.0;
            var f = y > d * d * d ? Math.Cbrt(y) : (y / (3 * d * d)) + (4.0 / 29.0);
            return (116 * f) - 16;
        }
    }
}
