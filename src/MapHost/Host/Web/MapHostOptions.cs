namespace GeoPrevention.MapHost.Web;

/// <summary>Settings of the web map host (see docs/webhost.md). Immutable; the defaults are the secure ones.</summary>
public sealed class MapHostOptions
{
    /// <summary>The default port of <c>geoprevention serve</c>.</summary>
    public const int DefaultPort = 5080;

    /// <summary>
    /// The URLs Kestrel listens on (semicolon-separated, as ASP.NET Core's <c>--urls</c>). Default
    /// <c>http://127.0.0.1:5080</c>: loopback only, so the atlas is not reachable from the network unless an operator
    /// says so explicitly (e.g. <c>http://0.0.0.0:5080</c> behind the intranet's reverse proxy).
    /// </summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>
    /// An optional background tile URL template (<c>https://tiles.example/{z}/{x}/{y}.png</c>); default none, so the
    /// page makes no request to another host. When set, its origin is added to the CSP <c>img-src</c>.
    /// </summary>
    public string? BackgroundUrl { get; init; }

    /// <summary>How many maps may be rendered at the same time (default: the number of processors); others wait.</summary>
    public int MaxConcurrentRenders { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>The largest accepted request body in bytes (default 0: the API is read-only and takes no body).</summary>
    public long MaxRequestBodyBytes { get; init; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">An URL is not absolute http(s), or the background template lacks {z}/{x}/{y}.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit is negative or zero where it must be positive.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Urls))
        {
            throw new ArgumentException("At least one URL is needed (e.g. http://127.0.0.1:5080).", nameof(Urls));
        }

        foreach (var url in Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var u) || (u.Scheme != Uri.UriSchemeHttp && u.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"'{url}' is not an absolute http or https URL.", nameof(Urls));
            }
        }

        if (BackgroundUrl is not null && (BackgroundOrigin is null || !BackgroundUrl.Contains("{z}", StringComparison.Ordinal) || !BackgroundUrl.Contains("{x}", StringComparison.Ordinal) || !BackgroundUrl.Contains("{y}", StringComparison.Ordinal)))
        {
            throw new ArgumentException($"The background URL '{BackgroundUrl}' must be an absolute http(s) template with {{z}}, {{x}} and {{y}}.", nameof(BackgroundUrl));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentRenders, 1, nameof(MaxConcurrentRenders));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRequestBodyBytes, nameof(MaxRequestBodyBytes));
    }

    /// <summary>The origin (scheme://host[:port]) of <see cref="BackgroundUrl"/>, or null.</summary>
    public string? BackgroundOrigin =>
        BackgroundUrl is not null
        && Uri.TryCreate(BackgroundUrl.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), UriKind.Absolute, out var u)
        && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
            ? u.GetLeftPart(UriPartial.Authority)
            : null;
}
