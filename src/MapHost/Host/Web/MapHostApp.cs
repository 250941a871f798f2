using GeoPrevention.Analytics.Atlas;
using Microsoft.AspNetCore.Diagnostics;

namespace GeoPrevention.MapHost.Web;

/// <summary>
/// The composition root of the web map host: one <see cref="AtlasData"/>, the JSON API, server-rendered maps and the
/// embedded front end. <c>geoprevention serve</c> and the tests build the app through here, so both run the same
/// pipeline. Pipeline, in order:
/// 1. exceptions become RFC 7807 problem+json (unknown key → 404, bad argument → 400, anything else → 500 without
///    internals);
/// 2. security headers on every response (CSP <c>default-src 'self'</c> and no other host, nosniff, no referrer,
///    no framing), and a request with a body, or with a query longer than 512 characters, is refused (413/414);
/// 3. status codes without a body (unknown route 404, wrong method 405) get a problem+json body;
/// 4. the endpoints: <c>/api/...</c>, <c>/api/maps/render</c>, <c>/health</c> and the embedded assets.
/// </summary>
public static class MapHostApp
{
    /// <summary>Loads an atlas and builds the web app listening on <see cref="MapHostOptions.Urls"/>.</summary>
    /// <param name="atlasPath">Path of <c>atlas.json</c>.</param>
    /// <param name="options">Settings; default loopback on port 5080.</param>
    /// <returns>The app (not yet started).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="atlasPath"/> is null.</exception>
    /// <exception cref="AtlasValidationException">The atlas or its data is invalid.</exception>
    /// <exception cref="GeoPrevention.Geo.GeoDataFormatException">A layer or table cannot be read.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static WebApplication Create(string atlasPath, MapHostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(atlasPath);
        return Create(AtlasData.Load(atlasPath), options);
    }

    /// <summary>Builds the web app for a loaded atlas; <paramref name="configure"/> may change the builder first (e.g. <c>UseTestServer</c>).</summary>
    /// <param name="atlas">The loaded atlas.</param>
    /// <param name="options">Settings; default loopback on port 5080.</param>
    /// <param name="configure">Called on the builder before the app is built.</param>
    /// <returns>The app (not yet started).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="atlas"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static WebApplication Create(AtlasData atlas, MapHostOptions? options = null, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(MapHostApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var o = options ?? new MapHostOptions();
        o.Validate();
        builder.WebHost.UseUrls(o.Urls);
        configure?.Invoke(builder);
        return Build(builder, atlas, o);
    }

    /// <summary>Registers the host's services on <paramref name="builder"/>, builds the app and maps its pipeline (see the class summary).</summary>
    /// <param name="builder">A web application builder.</param>
    /// <param name="atlas">The loaded atlas.</param>
    /// <param name="options">Settings.</param>
    /// <returns>The app.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static WebApplication Build(WebApplicationBuilder builder, AtlasData atlas, MapHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            k.Limits.MaxRequestLineSize = 2048;
            k.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            k.Limits.MaxRequestHeaderCount = 40;
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new AtlasCatalog(atlas, options));
        builder.Services.AddSingleton<MapRenderGate>();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();

        var app = builder.Build();
        var csp = ContentSecurityPolicy(options);
        app.UseExceptionHandler();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = csp;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            var request = context.Request;
            if (request.ContentLength > options.MaxRequestBodyBytes || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0))
            {
                await Results.Problem(title: "Anfrage zu groß", detail: "The map host API is read-only and accepts no request body.", statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(context);
                return;
            }

            if (request.QueryString.HasValue && request.QueryString.Value!.Length > ApiQuery.MaxQueryLength)
            {
                await Results.Problem(title: "Anfrage zu lang", detail: $"The query string is longer than {ApiQuery.MaxQueryLength} characters.", statusCode: StatusCodes.Status414UriTooLong).ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        app.UseStatusCodePages();

        app.MapAtlasApi();
        app.MapRenderApi();
        app.MapHealth();
        app.MapEmbeddedAssets(EmbeddedAssets.Load(typeof(MapHostApp).Assembly));
        return app;
    }

    /// <summary>
    /// The Content-Security-Policy: everything from this host only; inline style attributes are not allowed
    /// (Leaflet positions elements through the CSSOM, which CSP does not restrict); images may also be
    /// <c>data:</c> URIs (Leaflet's CSS) and tiles from the configured background origin.
    /// </summary>
    /// <param name="options">Settings.</param>
    /// <returns>The header value.</returns>
    internal static string ContentSecurityPolicy(MapHostOptions options) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:" + (options.BackgroundOrigin is { } o ? " " + o : "")
        + "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Turns exceptions into problem+json: <see cref="KeyNotFoundException"/> → 404, <see cref="ArgumentException"/> → 400, others → 500 without details.</summary>
    private sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            var (status, title, detail) = exception switch
            {
                KeyNotFoundException k => (StatusCodes.Status404NotFound, "Nicht gefunden", k.Message),
                ArgumentException a => (StatusCodes.Status400BadRequest, "Ungültige Anfrage", a.Message),
                BadHttpRequestException b => (b.StatusCode, "Ungültige Anfrage", b.Message),
                OperationCanceledException => (499, "Abgebrochen", "The request was cancelled."),
                _ => (StatusCodes.Status500InternalServerError, "Interner Fehler", "The map host could not answer this request."),
            };
            httpContext.Response.StatusCode = status;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = { Status = status, Title = title, Detail = detail },
            });
        }
    }
}
