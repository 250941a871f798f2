using System.Text;
using System.Text.RegularExpressions;

namespace GeoPrevention.Rendering.Internal;

/// <summary>
/// Skia numbers SVG clip-path ids with a process-wide counter, so the same map rendered twice would differ in its ids.
/// The ids are renumbered per document (cl_0, cl_1, … in order of appearance) to make SVG output deterministic.
/// </summary>
internal static partial class SvgIds
{
    public static void WriteRenumbered(MemoryStream svg, Stream destination)
    {
        var text = Encoding.UTF8.GetString(svg.GetBuffer(), 0, (int)svg.Length);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var renumbered = ClipId().Replace(text, m =>
        {
            if (!map.TryGetValue(m.Value, out var id))
            {
                id = "gp_cl_" + map.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                map[m.Value] = id;
            }

            return id;
        });
        var bytes = Encoding.UTF8.GetBytes(renumbered);
        destination.Write(bytes, 0, bytes.Length);
    }

    [GeneratedRegex(@"\bcl_[0-9a-fA-F]+\b", RegexOptions.CultureInvariant)]
    private static partial Regex ClipId();
}
