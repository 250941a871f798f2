using System.Reflection;
using System.Security.Cryptography;

namespace GeoPrevention.MapHost.Web;

/// <summary>
/// The front end (index.html, app.js, app.css, Leaflet) served from the assembly's embedded resources. Rules:
/// 1. the set of assets is fixed when the app starts: one route per embedded file under <c>wwwroot/</c>, no route
///    parameter, so no part of a request path ever reaches the file system or a resource lookup;
/// 2. the content type comes from a closed table of extensions (unknown extensions are not embedded-served);
/// 3. every asset has a strong ETag (SHA-256 of its bytes); a matching <c>If-None-Match</c> gives 304;
///    <c>Cache-Control: no-cache</c> makes browsers revalidate, so an upgraded host is picked up at once.
/// </summary>
internal static class EmbeddedAssets
{
    private const string Prefix = "wwwroot/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".mjs"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
        [".json"] = "application/json; charset=utf-8",
    };

    /// <summary>The embedded assets: URL path → (bytes, content type, ETag).</summary>
    public static IReadOnlyDictionary<string, Asset> Load(Assembly assembly)
    {
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            if (!ContentTypes.TryGetValue(Path.GetExtension(name), out var type))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16)) + "\"";
            assets["/" + name[Prefix.Length..]] = new Asset(bytes, type, etag);
        }

        return assets;
    }

    /// <summary>Maps one GET route per asset, and "/" to index.html.</summary>
    public static void MapEmbeddedAssets(this IEndpointRouteBuilder routes, IReadOnlyDictionary<string, Asset> assets)
    {
        foreach (var (path, asset) in assets)
        {
            routes.MapGet(path, (HttpContext context) => Serve(context, asset));
            if (string.Equals(path, "/index.html", StringComparison.Ordinal))
            {
                routes.MapGet("/", (HttpContext context) => Serve(context, asset));
            }
        }
    }

    private static IResult Serve(HttpContext context, Asset asset)
    {
        context.Response.Headers.ETag = asset.ETag;
        context.Response.Headers.CacheControl = "no-cache";
        if (ApiEndpoints.IfNoneMatch(context.Request, asset.ETag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(asset.Bytes, asset.ContentType);
    }

    /// <summary>One embedded file.</summary>
    /// <param name="Bytes">Its content.</param>
    /// <param name="ContentType">The Content-Type sent.</param>
    /// <param name="ETag">The quoted strong ETag.</param>
    internal sealed record Asset(byte[] Bytes, string ContentType, string ETag);
}
