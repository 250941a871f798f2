using System.ComponentModel;
using System.Text;
using GeoPrevention.Analytics.Tables;
using Spectre.Console.Cli;

namespace GeoPrevention.MapHost.Cli;

/// <summary><c>geoprevention table &lt;file&gt;</c>: reads a CSV or xlsx table and prints its import report.</summary>
internal sealed class TableCommand : Command<TableCommand.Settings>
{
    /// <summary>Command-line settings of the <c>table</c> verb.</summary>
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<file>")]
        [Description("CSV (;/,/tab) or Excel .xlsx table.")]
        public string File { get; init; } = string.Empty;

        [CommandOption("--json")]
        [Description("Print the report as JSON instead of text.")]
        public bool Json { get; init; }

        [CommandOption("--key <COLUMN>")]
        [Description("Key column(s), read as text (repeatable).")]
        public string[] Keys { get; init; } = [];

        [CommandOption("--delimiter <CHAR>")]
        [Description("Field delimiter: ';', ',', 'tab' or '|' (default: detected).")]
        public string? Delimiter { get; init; }

        [CommandOption("--decimal <CHAR>")]
        [Description("Decimal separator ',' or '.' (default: detected per column).")]
        public string? Decimal { get; init; }

        [CommandOption("--encoding <NAME>")]
        [Description("Text encoding, e.g. utf-8 or windows-1252 (default: detected).")]
        public string? Encoding { get; init; }

        [CommandOption("--sheet <NAME>")]
        [Description("Worksheet of an .xlsx file (default: the first).")]
        public string? Sheet { get; init; }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        try
        {
            Console.Out.Write(Run(settings));
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is GeoPrevention.Geo.GeoDataFormatException or IOException or ArgumentException)
        {
            // Unreadable input is an expected outcome of this verb: message and exit code, no stack trace.
            return ExitCodes.Report(ex);
        }
    }

    /// <summary>Reads the table and renders the report (text or JSON).</summary>
    internal static string Run(Settings settings)
    {
        var table = Read(settings);
        return settings.Json ? table.Report.ToJson() + "\n" : table.Report.ToText();
    }

    internal static IndicatorTable Read(Settings settings)
    {
        var columns = new TableColumnOptions { KeyColumns = settings.Keys };
        if (settings.File.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return TableReader.ReadExcel(settings.File, new ExcelReadOptions { SheetName = settings.Sheet, DecimalSeparator = ParseDecimal(settings.Decimal), Columns = columns });
        }

        Encoding? encoding = null;
        if (settings.Encoding is not null)
        {
            System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            encoding = System.Text.Encoding.GetEncoding(settings.Encoding);
        }

        return TableReader.ReadCsv(settings.File, new CsvReadOptions
        {
            Delimiter = settings.Delimiter switch
            {
                null => null,
                "tab" or "\\t" or "\t" => '\t',
                { Length: 1 } d => d[0],
                var d => throw new ArgumentException($"--delimiter must be one character or 'tab', not '{d}'."),
            },
            DecimalSeparator = ParseDecimal(settings.Decimal),
            Encoding = encoding,
            Columns = columns,
        });
    }

    private static char? ParseDecimal(string? value) => value switch
    {
        null => null,
        "," or "." => value[0],
        _ => throw new ArgumentException($"--decimal must be ',' or '.', not '{value}'."),
    };
}
