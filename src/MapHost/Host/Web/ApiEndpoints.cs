using GeoPrevention.Rendering;
using GeoPrevention.Rendering.Atlas;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GeoPrevention.MapHost.Web;

/// <summary>The JSON and map endpoints of the map host (documented in docs/webhost.md). All are GET only.</summary>
internal static class ApiEndpoints
{
    /// <summary>Maps /api/atlas, /api/layers/{layer}/geojson, /api/values, /api/lisa, /api/goalmap, /api/goals and /api/profile.</summary>
    public static RouteGroupBuilder MapAtlasApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api");

        api.MapGet("/atlas", Results<Ok<AtlasInfo>, ValidationProblem> (HttpRequest request, AtlasCatalog catalog) =>
        {
            var q = new ApiQuery(request, catalog);
            return q.BadRequest is { } bad ? bad : TypedResults.Ok(catalog.Info);
        });

        api.MapGet("/layers/{layer}/geojson", Results<FileContentHttpResult, StatusCodeHttpResult, ValidationProblem, ProblemHttpResult> (string layer, HttpRequest request, HttpResponse response, AtlasCatalog catalog) =>
        {
            var q = new ApiQuery(request, catalog, "detail");
            var detail = q.Choice("detail", "medium", "low", "high");
            if (!ApiQuery.IsId(layer))
            {
                return ApiQuery.Invalid("layer", "An id is 1–64 characters: a lower-case letter, then lower-case letters, digits, '_' or '-'.");
            }

            if (q.BadRequest is { } bad)
            {
                return bad;
            }

            if (catalog.Manifest.FindLayer(layer) is null)
            {
                return ApiQuery.NotFound($"Unknown layer '{layer}'.");
            }

            var (geo, etag) = catalog.GeoJson(layer, Enum.Parse<GeoJsonDetail>(detail, ignoreCase: true));
            response.Headers.ETag = etag;
            response.Headers.CacheControl = "public, max-age=3600, must-revalidate";
            if (IfNoneMatch(request, etag))
            {
                return TypedResults.StatusCode(StatusCodes.Status304NotModified);
            }

            return TypedResults.Bytes(geo.Utf8, "application/geo+json; charset=utf-8");
        });

        api.MapGet("/values", Results<Ok<MapValues>, ValidationProblem, ProblemHttpResult> (HttpRequest request, AtlasCatalog catalog) =>
        {
            var q = new ApiQuery(request, catalog, "layer", "indicator", "year", "method", "classes");
            var (layer, indicator, year, method, classes) = (q.Layer(), q.Indicator(), q.Year(), q.Method(), q.Classes());
            return q.BadRequest is { } bad ? bad : q.Missing is { } missing ? missing : TypedResults.Ok(catalog.Values(layer, indicator, year, method, classes));
        });

        api.MapGet("/lisa", Results<Ok<MapValues>, ValidationProblem, ProblemHttpResult> (HttpRequest request, AtlasCatalog catalog) =>
        {
            // method and classes are accepted (the page sends the same query to every view) but do not change LISA.
            var q = new ApiQuery(request, catalog, "layer", "indicator", "year", "method", "classes");
            var (layer, indicator, year, _, _) = (q.Layer(), q.Indicator(), q.Year(), q.Method(), q.Classes());
            return q.BadRequest is { } bad ? bad : q.Missing is { } missing ? missing : TypedResults.Ok(catalog.Lisa(layer, indicator, year));
        });

        api.MapGet("/goalmap", Results<Ok<MapValues>, ValidationProblem, ProblemHttpResult> (HttpRequest request, AtlasCatalog catalog) =>
        {
            var q = new ApiQuery(request, catalog, "layer", "indicator", "year", "goal", "method", "classes");
            var (layer, indicator, year, _, _) = (q.Layer(), q.Indicator(), q.Year(), q.Method(), q.Classes());
            var goal = q.BadRequest is null && q.Missing is null ? q.Goal(indicator) : null;
            return q.BadRequest is { } bad ? bad : q.Missing is { } missing ? missing : TypedResults.Ok(catalog.GoalMap(layer, goal!, year));
        });

        api.MapGet("/goals", Results<Ok<IReadOnlyList<GoalRow>>, ValidationProblem> (HttpRequest request, AtlasCatalog catalog) =>
        {
            var q = new ApiQuery(request, catalog, "year");
            var year = q.Year();
            return q.BadRequest is { } bad ? bad : TypedResults.Ok(catalog.Goals(year));
        });

        api.MapGet("/profile", Results<Ok<DistrictProfile>, ValidationProblem, ProblemHttpResult> (HttpRequest request, AtlasCatalog catalog) =>
        {
            var q = new ApiQuery(request, catalog, "layer", "key", "year");
            var layer = q.Layer();
            var year = q.Year();
            var key = q.Key(layer);
            return q.BadRequest is { } bad ? bad : q.Missing is { } missing ? missing : TypedResults.Ok(catalog.Profile(layer, key, year));
        });

        return api;
    }

    /// <summary>Maps GET /api/maps/render: the CLI's renderer (AtlasMaps + MapRenderer) as PNG, SVG or PDF download.</summary>
    public static RouteHandlerBuilder MapRenderApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/maps/render", async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> (HttpRequest request, AtlasCatalog catalog, MapRenderGate gate, CancellationToken cancel) =>
        {
            var q = new ApiQuery(request, catalog, "layer", "indicator", "year", "area", "method", "classes", "format", "view");
            var (layer, indicator, year, area, method, classes) = (q.Layer(), q.Indicator(), q.Year(), q.Area(), q.Method(), q.Classes());
            var format = q.Choice("format", "png", "svg", "pdf");
            var view = q.Choice("view", "values", "lisa");
            if (q.BadRequest is { } bad)
            {
                return bad;
            }

            if (q.Missing is { } missing)
            {
                return missing;
            }

            var spec = AtlasMaps.Build(catalog.Atlas, new AtlasMapRequest
            {
                Layer = layer,
                Indicator = indicator,
                Year = year,
                Area = area,
                Method = method,
                Classes = classes,
                View = view == "lisa" ? AtlasMapView.Lisa : AtlasMapView.Values,
            });
            var mapFormat = format switch { "svg" => MapFormat.Svg, "pdf" => MapFormat.Pdf, _ => MapFormat.Png };
            var bytes = await gate.RenderAsync(spec, mapFormat, cancel);
            var contentType = format switch { "svg" => "image/svg+xml", "pdf" => "application/pdf", _ => "image/png" };
            var name = $"karte_{indicator}_{year}_{area ?? layer}{(view == "lisa" ? "_lisa" : "")}.{format}";
            return TypedResults.File(bytes, contentType, name);
        });

    /// <summary>Maps GET /health.</summary>
    public static RouteHandlerBuilder MapHealth(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/health", Ok<HealthInfo> (AtlasCatalog catalog) =>
            TypedResults.Ok(new HealthInfo("ok", catalog.Manifest.Title, catalog.Info.Layers.Count, catalog.Manifest.Indicators.Count, catalog.Atlas.Years)));

    internal static bool IfNoneMatch(HttpRequest request, string etag) =>
        request.Headers.IfNoneMatch.Any(v => v is not null && (v == etag || v.Split(',').Select(s => s.Trim()).Contains(etag, StringComparer.Ordinal) || v == "*"));
}

/// <summary>Bounds how many maps are rendered at once (rendering is CPU and memory heavy); the others wait.</summary>
internal sealed class MapRenderGate(MapHostOptions options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.MaxConcurrentRenders, options.MaxConcurrentRenders);

    public async Task<byte[]> RenderAsync(MapSpec spec, MapFormat format, CancellationToken cancel)
    {
        await _slots.WaitAsync(cancel);
        try
        {
            using var buffer = new MemoryStream();
            MapRenderer.Render(spec, buffer, format);
            return buffer.ToArray();
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
