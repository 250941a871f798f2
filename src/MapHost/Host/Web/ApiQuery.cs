using System.Globalization;
using System.Text.RegularExpressions;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Classification;
using GeoPrevention.Rendering.Atlas;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GeoPrevention.MapHost.Web;

/// <summary>
/// Strict reading of a request's query string. Rules:
/// 1. only the parameters an endpoint names are allowed, each at most once, and the whole query is at most
///    <see cref="MaxQueryLength"/> characters — anything else is a 400 validation problem;
/// 2. ids (layer, indicator, area, goal) must match <c>^[a-z][a-z0-9_-]{0,63}$</c> (400), then exist (404);
/// 3. district keys must match <c>^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$</c> (400), then exist in the layer (404);
/// 4. numbers are plain invariant integers in their range (year: one of the atlas years; classes 2–9) (400);
/// 5. enumerations (method, format, view, detail) are matched against a closed list (400).
/// Nothing read here is ever used as a file path.
/// </summary>
internal sealed partial class ApiQuery
{
    /// <summary>The longest accepted query string.</summary>
    public const int MaxQueryLength = 512;

    private readonly IQueryCollection _query;
    private readonly AtlasCatalog _catalog;
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);
    private string? _notFound;

    public ApiQuery(HttpRequest request, AtlasCatalog catalog, params string[] allowed)
    {
        _query = request.Query;
        _catalog = catalog;
        if (request.QueryString.HasValue && request.QueryString.Value!.Length > MaxQueryLength)
        {
            Error("query", string.Create(CultureInfo.InvariantCulture, $"The query string is longer than {MaxQueryLength} characters."));
        }

        foreach (var (key, values) in _query)
        {
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                Error(Printable(key), $"Unknown parameter; allowed: {string.Join(", ", allowed)}.");
            }
            else if (values.Count > 1)
            {
                Error(key, "The parameter is given more than once.");
            }
        }
    }

    /// <summary>The 400 validation problem, or null when every parameter is well-formed.</summary>
    public ValidationProblem? BadRequest => _errors.Count > 0
        ? TypedResults.ValidationProblem(_errors, title: "Ungültige Anfrage", detail: string.Join(" ", _errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
        : null;

    /// <summary>The 404 problem (unknown layer, indicator, area, goal or district), or null.</summary>
    public ProblemHttpResult? Missing => _notFound is null ? null : NotFound(_notFound);

    public static bool IsId(string? s) => s is not null && IdPattern().IsMatch(s);

    public static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(title: "Nicht gefunden", detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static ValidationProblem Invalid(string name, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [name] = [message] }, title: "Ungültige Anfrage", detail: $"{name}: {message}");

    /// <summary>A value layer id (default: the finest layer).</summary>
    public string Layer(bool valuesRequired = true)
    {
        var raw = Raw("layer");
        if (raw is null)
        {
            return _catalog.Atlas.FinestLayerId;
        }

        if (!Id("layer", raw))
        {
            return "";
        }

        if (_catalog.Manifest.FindLayer(raw) is null || (valuesRequired && !_catalog.IsValueLayer(raw)))
        {
            NotFoundOnce($"Unknown layer '{raw}' (or it has no values).");
        }

        return raw;
    }

    public string Indicator()
    {
        var raw = Raw("indicator");
        if (raw is null)
        {
            Error("indicator", "The parameter is required.");
            return "";
        }

        if (Id("indicator", raw) && _catalog.Manifest.FindIndicator(raw) is null)
        {
            NotFoundOnce($"Unknown indicator '{raw}'.");
        }

        return raw;
    }

    public string? Area()
    {
        var raw = Raw("area");
        if (raw is null || raw.Length == 0)
        {
            return null;
        }

        if (Id("area", raw) && !_catalog.Manifest.Map.Areas.Any(a => string.Equals(a.Id, raw, StringComparison.Ordinal)))
        {
            NotFoundOnce($"Unknown area '{raw}'.");
        }

        return raw;
    }

    public AtlasGoal? Goal(string indicator)
    {
        var raw = Raw("goal");
        if (raw is not null)
        {
            if (!Id("goal", raw))
            {
                return null;
            }

            var goal = _catalog.Manifest.Goals.FirstOrDefault(g => string.Equals(g.Id, raw, StringComparison.Ordinal));
            if (goal is null || !string.Equals(goal.Indicator, indicator, StringComparison.Ordinal))
            {
                NotFoundOnce($"There is no goal '{raw}' on indicator '{indicator}'.");
            }

            return goal;
        }

        var first = _catalog.Manifest.Goals.FirstOrDefault(g => string.Equals(g.Indicator, indicator, StringComparison.Ordinal) && string.Equals(g.Scope.Layer, _catalog.TopLayerId, StringComparison.Ordinal))
            ?? _catalog.Manifest.Goals.FirstOrDefault(g => string.Equals(g.Indicator, indicator, StringComparison.Ordinal));
        if (first is null && _errors.Count == 0 && _notFound is null)
        {
            NotFoundOnce($"The indicator '{indicator}' has no goal.");
        }

        return first;
    }

    public string Key(string layer)
    {
        var raw = Raw("key");
        if (raw is null)
        {
            Error("key", "The parameter is required.");
            return "";
        }

        if (!KeyPattern().IsMatch(raw))
        {
            Error("key", "A district key is 1–64 letters, digits, '.', '_' or '-'.");
            return "";
        }

        if (_errors.Count == 0 && _notFound is null && !_catalog.HasDistrict(layer, raw))
        {
            NotFoundOnce($"Layer '{layer}' has no district '{raw}'.");
        }

        return raw;
    }

    /// <summary>An atlas year (default: the latest).</summary>
    public int Year()
    {
        var years = _catalog.Atlas.Years;
        var raw = Raw("year");
        if (raw is null)
        {
            return years[^1];
        }

        if (!IntPattern().IsMatch(raw) || !int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || !years.Contains(year))
        {
            Error("year", string.Create(CultureInfo.InvariantCulture, $"The year must be one of the atlas years {years[0]}–{years[^1]}."));
            return years[^1];
        }

        return year;
    }

    public int Classes()
    {
        var raw = Raw("classes");
        if (raw is null)
        {
            return _catalog.Manifest.Map.Classes;
        }

        if (!IntPattern().IsMatch(raw) || !int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var k) || k < 2 || k > 9)
        {
            Error("classes", "The number of classes must be an integer from 2 to 9.");
            return 5;
        }

        return k;
    }

    public ClassificationMethod Method()
    {
        var raw = Raw("method");
        var fallback = AtlasMaps.ParseMethod(_catalog.Manifest.Map.Classification);
        if (raw is null)
        {
            return fallback;
        }

        foreach (var m in AtlasMaps.MethodLabels.Keys)
        {
            if (string.Equals(AtlasCatalog.MethodId(m), raw, StringComparison.Ordinal))
            {
                return m;
            }
        }

        Error("method", $"Unknown classification; use one of {string.Join(", ", AtlasMaps.MethodLabels.Keys.Select(AtlasCatalog.MethodId))}.");
        return fallback;
    }

    /// <summary>One of a closed list of words (default: the first).</summary>
    public string Choice(string name, params string[] allowed)
    {
        var raw = Raw(name);
        if (raw is null)
        {
            return allowed[0];
        }

        if (!allowed.Contains(raw, StringComparer.Ordinal))
        {
            Error(name, $"Use one of {string.Join(", ", allowed)}.");
            return allowed[0];
        }

        return raw;
    }

    private string? Raw(string name) => _query.TryGetValue(name, out var v) && v.Count == 1 ? v[0] : null;

    private bool Id(string name, string raw)
    {
        if (IsId(raw))
        {
            return true;
        }

        Error(name, "An id is 1–64 characters: a lower-case letter, then lower-case letters, digits, '_' or '-'.");
        return false;
    }

    private void Error(string name, string message) => _errors[name] = [message];

    private void NotFoundOnce(string detail) => _notFound ??= detail;

    private static string Printable(string key)
    {
        var s = new string([.. key.Take(32).Select(c => char.IsControl(c) ? '?' : c)]);
        return s.Length == 0 ? "(empty)" : s;
    }

    [GeneratedRegex("^[a-z][a-z0-9_-]{0,63}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[0-9]{1,4}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex IntPattern();
}
