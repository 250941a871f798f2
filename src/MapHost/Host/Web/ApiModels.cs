using System.Text.Json.Serialization;

namespace GeoPrevention.MapHost.Web;

// JSON shapes of the web API (camelCase on the wire). Documented in docs/webhost.md. No type here has a field for a
// count of people or cases: the API returns rates (or why they are withheld) and counts of districts only.
#pragma warning disable CA1819 // arrays are fine for serialised DTOs

/// <summary>GET /api/atlas.</summary>
internal sealed record AtlasInfo(
    string Title,
    string? Description,
    bool Demo,
    string? Attribution,
    IReadOnlyList<int> Years,
    IReadOnlyList<LayerInfo> Layers,
    string DefaultLayer,
    string KreisLabel,
    IReadOnlyList<IndicatorInfo> Indicators,
    IReadOnlyList<AreaInfo> Areas,
    IReadOnlyList<ClassificationInfo> Classifications,
    string DefaultClassification,
    int DefaultClasses,
    IReadOnlyList<GoalInfo> Goals,
    string? EmphasisLayer,
    string? BackgroundUrl);

internal sealed record LayerInfo(string Id, string Label);

internal sealed record IndicatorInfo(string Id, string? Theme, string Label, string ShortLabel, string? Unit, string? DenominatorLabel, int Decimals, string Polarity, string? Description, string? Source, string? DataDate);

internal sealed record AreaInfo(string Id, string Label, double[] Bbox);

internal sealed record ClassificationInfo(string Id, string Label);

internal sealed record GoalInfo(string Id, string Label, string Indicator, string ScopeLayer, IReadOnlyList<string> ScopeKeys, int BaselineYear, double? BaselineValue, double Target, int Deadline);

/// <summary>One legend entry: a class colour or a pattern (suppressed, minpop, nodata), and the number of districts.</summary>
internal sealed record LegendItem(string Label, string? Color, string? Pattern, int Count);

/// <summary>GET /api/values, /api/lisa and /api/goalmap.</summary>
internal sealed record MapValues(
    string Layer,
    string Indicator,
    int Year,
    string View,
    IReadOnlyList<double> Breaks,
    IReadOnlyList<int> Counts,
    IReadOnlyList<string> Colors,
    IReadOnlyList<LegendItem> Legend,
    string? Note,
    IReadOnlyList<DistrictMapValue> Values,
    DataStatusInfo? DataStatus = null);

/// <summary>Data date (Stichtag) and vintages behind the values of one indicator and year; <c>Text</c> is the German line shown.</summary>
internal sealed record DataStatusInfo(string? DataDate, IReadOnlyList<VintageInfo> Vintages, string Text);

/// <summary>One vintage: the base table or an accepted delivery (supplier and acceptance time).</summary>
internal sealed record VintageInfo(string Id, string Label, string? Supplier, DateTimeOffset? AcceptedUtc);

/// <summary>One district of a map response. <c>Value</c>, <c>CiLow</c> and <c>CiHigh</c> are null unless published.</summary>
internal sealed record DistrictMapValue(
    string Key,
    string Name,
    double? Value,
    double? CiLow,
    double? CiHigh,
    int? Cls,
    string Status,
    int? Rank,
    int? RankOf,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Label = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? GoalStatus = null);

/// <summary>GET /api/profile.</summary>
internal sealed record DistrictProfile(string Key, string Name, string Layer, string LayerLabel, string? ParentName, int Year, IReadOnlyList<ProfileIndicator> Indicators, IReadOnlyList<ProfileGoal> Goals);

internal sealed record ProfileIndicator(string Id, IReadOnlyList<SeriesPoint> Series, double? Value, double? CiLow, double? CiHigh, double? ParentValue, double? KreisValue, int? Rank, int? RankOf, string Status);

internal sealed record SeriesPoint(int Year, double? Value, string Status);

internal sealed record ProfileGoal(string Id, string Label, string Status, string CssClass, double? Target, int Deadline);

/// <summary>One row of GET /api/goals: a goal for one district of its scope in one year.</summary>
internal sealed record GoalRow(string Goal, string Label, string Indicator, string Layer, string Key, string ScopeName, int Year, int BaselineYear, double? BaselineValue, double Target, int Deadline, double? Value, double? CiLow, double? CiHigh, double? Expected, string Status);

internal sealed record HealthInfo(string Status, string Atlas, int Layers, int Indicators, IReadOnlyList<int> Years);
#pragma warning restore CA1819
