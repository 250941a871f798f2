using System.Text;
using GeoPrevention.Analytics.Tables;
using GeoPrevention.Geo;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Analytics.Tests.Tables;

[TestClass]
public sealed class TableRowFilterTests
{
    private static string Write(string content)
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "t.csv");
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private static CsvReadOptions Year(int year, params string[] select) => new()
    {
        Columns = new TableColumnOptions
        {
            RowFilter = TableRowFilter.ForYear("year", year),
            SelectColumns = select.Length == 0 ? null : select,
        },
    };

    /// <summary>Keys, lines, statuses and values of every column, for comparing two reads cell by cell.</summary>
    private static List<string> Dump(IndicatorTable t)
    {
        var rows = new List<string>();
        for (var r = 0; r < t.RowCount; r++)
        {
            var cells = new List<string> { "line " + t.GetLine(r).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            foreach (var c in t.Columns)
            {
                cells.Add(c.Kind == ColumnKind.Numeric
                    ? $"{t.GetStatus(c.Name, r)}:{t.GetValue(c.Name, r)?.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}:{t.GetSourceText(c.Name, r)}"
                    : $"{t.GetStatus(c.Name, r)}:{t.GetText(c.Name)[r]}");
            }

            rows.Add(string.Join("|", cells));
        }

        return rows;
    }

    [TestMethod]
    public void ReadCsv_RowFilterYear_KeepsThatYearWithFileLineNumbers()
    {
        var path = Write("ags;year;n;name\n"
            + "05570004;2022;1;Ahlen\n"
            + "05570004;2023;2;Ahlen\n"
            + "\n"
            + "05570008;2022;x;Beckum\n"
            + "05570008;2023;<3;Beckum\n"
            + "05570012;2023;1.234;Beelen\n");

        var t = TableReader.ReadCsv(path, Year(2023));

        Assert.AreEqual(3, t.RowCount);
        CollectionAssert.AreEqual(new[] { "05570004", "05570008", "05570012" }, t.GetText("ags").ToArray());
        // Lines of the file (line 4 is blank): 3, 6, 7.
        CollectionAssert.AreEqual(new[] { 3, 6, 7 }, Enumerable.Range(0, 3).Select(t.GetLine).ToArray());
        Assert.AreEqual(2.0, t.GetValue("n", 0));
        Assert.AreEqual(CellStatus.SuppressedAtSource, t.GetStatus("n", 1));
        Assert.AreEqual("<3", t.GetSourceText("n", 1));
        Assert.AreEqual(1234.0, t.GetValue("n", 2));
        Assert.AreEqual(3, t.Report.RowCount);
        Assert.AreEqual(2, t.Report.RowsSkipped);
        Assert.IsTrue(t.Report.Dialect.Reasons.Any(r => r.Contains("option RowFilter", StringComparison.Ordinal)));
        StringAssert.Contains(t.Report.ToText(), "Durch den Zeilenfilter ausgelassen: 2", StringComparison.Ordinal);
        StringAssert.Contains(t.Report.ToJson(), "\"rowsSkipped\": 2", StringComparison.Ordinal);
        // The filtered read equals the full read followed by FilterYear, cell by cell.
        CollectionAssert.AreEqual(Dump(TableReader.ReadCsv(path).FilterYear("year", 2023)), Dump(t));
    }

    [TestMethod]
    public void ReadCsv_RowFilter_QuotedAndUnquotedFilesGiveTheSameRows()
    {
        // The unquoted file takes the skip-to-line-end path for filtered rows; a single quote anywhere switches to
        // full tokenizing of every row. Both must give the same rows (lines differ only by the quoted line break).
        const string header = "id;year;v\n";
        var plain = Write(header + "A1;2022;1,5\nA2;2023;2,5\nA3;2024;3\nA4;2023;4,25\n");
        var quoted = Write(header + "A1;2022;1,5\n\"A2\";\"2023\";2,5\n\"A3\";2024;\"3\"\n\"A4\";\" 2023 \";\"4,25\"\n");

        var a = TableReader.ReadCsv(plain, Year(2023));
        var b = TableReader.ReadCsv(quoted, Year(2023));

        CollectionAssert.AreEqual(Dump(a), Dump(b));
        CollectionAssert.AreEqual(new[] { "A2", "A4" }, b.GetText("id").ToArray());
        CollectionAssert.AreEqual(new[] { 2.5, 4.25 }, b.GetNumbers("v").ToArray());
        CollectionAssert.AreEqual(new[] { 3, 5 }, new[] { b.GetLine(0), b.GetLine(1) });
        Assert.AreEqual(2, b.Report.RowsSkipped);
    }

    [TestMethod]
    public void ReadCsv_RowFilter_QuotedLineBreakInSkippedRowKeepsLineNumbers()
    {
        var path = Write("id;year;note\nA1;2022;\"two\nlines; and a delimiter\"\nA2;2023;ok\n");

        var t = TableReader.ReadCsv(path, Year(2023));

        Assert.AreEqual(1, t.RowCount);
        Assert.AreEqual("A2", t.GetText("id")[0]);
        Assert.AreEqual(4, t.GetLine(0));
    }

    [TestMethod]
    public void ReadCsv_RowFilter_RaggedRowInSkippedYearIsStillAnErrorAtTheSamePlace()
    {
        // Line 3 (year 2022) has one field too many; both the unquoted fast path and the quoted path must report it
        // exactly as a full read does.
        foreach (var content in new[] { "id;year;v\nA1;2023;1\nA2;2022;2;9\n", "id;year;v\n\"A1\";2023;1\nA2;2022;2;9\n" })
        {
            var path = Write(content);
            var full = Assert.ThrowsExactly<GeoDataFormatException>(() => TableReader.ReadCsv(path));
            var filtered = Assert.ThrowsExactly<GeoDataFormatException>(() => TableReader.ReadCsv(path, Year(2023)));
            Assert.AreEqual(full.Message, filtered.Message);
            StringAssert.Contains(filtered.Message, ":3:", StringComparison.Ordinal);
            StringAssert.Contains(filtered.Message, "ragged row", StringComparison.Ordinal);
        }

        // Too few fields in a skipped row.
        var shortRow = Write("id;year;v\nA1;2023;1\nA2;2022\n");
        var e = Assert.ThrowsExactly<GeoDataFormatException>(() => TableReader.ReadCsv(shortRow, Year(2023)));
        StringAssert.Contains(e.Message, ":3:", StringComparison.Ordinal);
    }

    [TestMethod]
    public void ReadCsv_SelectColumns_ReadsSelectedAndOptionColumnsOnly()
    {
        var path = Write("name;ags;year;a;b;c\nAhlen;05570004;2023;1;2;3\nBeckum;05570008;2023;4;5;6\n");
        var options = new CsvReadOptions
        {
            Columns = new TableColumnOptions { SelectColumns = ["c"], KeyColumns = ["ags"], NumericColumns = ["a"] },
        };

        var t = TableReader.ReadCsv(path, options);

        // "ags" and "a" are named by other options, "year" is the year column; "name" and "b" are not read.
        CollectionAssert.AreEqual(new[] { "ags", "year", "a", "c" }, t.Columns.Select(c => c.Name).ToArray());
        CollectionAssert.AreEqual(new[] { "ags", "year", "a", "c" }, t.Report.Columns.Select(c => c.Name).ToArray());
        CollectionAssert.AreEqual(new[] { 3.0, 6.0 }, t.GetNumbers("c").ToArray());
        CollectionAssert.AreEqual(new[] { 1.0, 4.0 }, t.GetNumbers("a").ToArray());
        Assert.IsFalse(t.HasColumn("b"));
        Assert.AreEqual(0, t.Report.RowsSkipped);
    }

    [TestMethod]
    public void ReadCsv_SelectUnknownColumn_ErrorAtHeaderLine()
    {
        var path = Write("\nid;year;v\nA1;2023;1\n");
        var e = Assert.ThrowsExactly<GeoDataFormatException>(() => TableReader.ReadCsv(path, Year(2023, "w")));
        StringAssert.Contains(e.Message, ":2:", StringComparison.Ordinal);
        StringAssert.Contains(e.Message, "'w'", StringComparison.Ordinal);
        StringAssert.Contains(e.Message, "SelectColumns", StringComparison.Ordinal);

        var f = Assert.ThrowsExactly<GeoDataFormatException>(() => TableReader.ReadCsv(path, new CsvReadOptions
        {
            Columns = new TableColumnOptions { RowFilter = TableRowFilter.ForYear("jahr", 2023) },
        }));
        StringAssert.Contains(f.Message, "RowFilter", StringComparison.Ordinal);
    }

    [TestMethod]
    public void ReadCsv_SkippedFirstColumn_ErrorPositionStillRight()
    {
        // Column 1 (not read) holds a quoted line break; the error in the declared numeric column "v" must still name
        // line 3 (where "v" of that record is) and its character column.
        var path = Write("note;year;v\n\"a\nb\";2023;zwölf\n");
        var e = Assert.ThrowsExactly<GeoDataFormatException>(() => TableReader.ReadCsv(path, new CsvReadOptions
        {
            Columns = new TableColumnOptions { SelectColumns = ["v"], NumericColumns = ["v"] },
        }));
        StringAssert.Contains(e.Message, ":3:9:", StringComparison.Ordinal);
    }

    [TestMethod]
    public void ReadCsv_RowFilter_DuplicatesWithinTheYearReportedWithFileLines()
    {
        var path = Write("ags;year;n\n05570004;2022;1\n05570004;2023;2\n05570004;2022;3\n05570004;2023;4\n");

        var t = TableReader.ReadCsv(path, Year(2023));

        var dup = t.Report.FindingsOf(ImportFindingKind.DuplicateKey).Single();
        Assert.AreEqual(5, dup.Line);
        StringAssert.Contains(dup.Message, "first on line 3", StringComparison.Ordinal);
    }

    /// <summary>
    /// A file above the 1 MiB threshold of the parallel tokenizer (70,000 records, CRLF line ends, blank lines); with
    /// <paramref name="quoteHeader"/> the header is quoted, which makes the whole file go through the sequential path.
    /// </summary>
    private static string WriteLarge(bool quoteHeader, int raggedRecord = -1, int records = 70_000)
    {
        var sb = new StringBuilder(quoteHeader ? "\"id\";year;v;w\r\n" : "id;year;v;w\r\n");
        for (var i = 0; i < records; i++)
        {
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            sb.Append(inv, $"K{i:D6};{2020 + (i % 4)};{i % 997},{i % 10};{(i % 13 == 0 ? "x" : (i % 89).ToString(inv))}");
            sb.Append(i == raggedRecord ? ";extra\r\n" : "\r\n");
            if (i % 10_000 == 5)
            {
                sb.Append("\r\n");
            }
        }

        var path = Path.Combine(TestPaths.NewTempDirectory(), "large.csv");
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
        return path;
    }

    [TestMethod]
    public void ReadCsv_LargeFile_ParallelAndSequentialPathsGiveTheSameTable()
    {
        var plain = WriteLarge(quoteHeader: false);
        var quoted = WriteLarge(quoteHeader: true);

        var a = TableReader.ReadCsv(plain);
        var b = TableReader.ReadCsv(quoted);
        var fa = TableReader.ReadCsv(plain, Year(2022));
        var fb = TableReader.ReadCsv(quoted, Year(2022));

        Assert.AreEqual(70_000, a.RowCount);
        CollectionAssert.AreEqual(Dump(b), Dump(a));
        CollectionAssert.AreEqual(Dump(fb), Dump(fa));
        CollectionAssert.AreEqual(Dump(a.FilterYear("year", 2022)), Dump(fa));
        Assert.AreEqual(17_500, fa.RowCount);
        Assert.AreEqual(52_500, fa.Report.RowsSkipped);
        // Record i is on line i + 2 plus one per blank line before it (after records 5, 10005, ...).
        Assert.AreEqual(69_999 + 2 + 7, a.GetLine(69_999));
        Assert.AreEqual("K069998", fa.GetText("id")[^1]);
        Assert.AreEqual(69_998 + 2 + 7, fa.GetLine(fa.RowCount - 1));
        Assert.AreEqual(180.0, a.GetValue("v", 60_000));
        Assert.AreEqual(31.1, a.GetValue("v", 69_821)); // 69,821 = 70 × 997 + 31 and ends in 1: "31,1"

        Assert.AreEqual(CellStatus.SuppressedAtSource, a.GetStatus("w", 65_000));
        Assert.AreEqual(a.Report.ToJson().Replace(plain, "F", StringComparison.Ordinal), b.Report.ToJson().Replace(quoted, "F", StringComparison.Ordinal));
    }

    [TestMethod]
    public void ReadCsv_LargeThenShorterFile_ReusedBufferDoesNotLeakTheOlderText()
    {
        // The decode buffer of a large read is reused by the next one when long enough; the shorter file must end
        // where its own text ends.
        var longer = TableReader.ReadCsv(WriteLarge(quoteHeader: false, records: 70_000));
        var shorter = TableReader.ReadCsv(WriteLarge(quoteHeader: false, records: 60_000));

        Assert.AreEqual(70_000, longer.RowCount);
        Assert.AreEqual(60_000, shorter.RowCount);
        Assert.AreEqual("K059999", shorter.GetText("id")[^1]);
        Assert.AreEqual(59_999 + 2 + 6, shorter.GetLine(59_999));
    }

    [TestMethod]
    public void ReadCsv_LargeFile_RaggedRecordInSecondHalfNamedAtItsLine()
    {
        // Record 60,000 (second half) has a fifth field: line 60,000 + 2 + 6 blank lines before it; column of ";extra".
        var path = WriteLarge(quoteHeader: false, raggedRecord: 60_000);

        var e = Assert.ThrowsExactly<GeoDataFormatException>(() => TableReader.ReadCsv(path));
        // Year 2021: record 60,000 (year 2020) is left out by the filter, and its line is still checked.
        var f = Assert.ThrowsExactly<GeoDataFormatException>(() => TableReader.ReadCsv(path, Year(2021)));

        StringAssert.Contains(e.Message, ":60008:23:", StringComparison.Ordinal);
        Assert.AreEqual(e.Message, f.Message);
    }

    [TestMethod]
    public void ReadCsv_PeerCsvFilteredRead_EqualsFullReadAndPeerOracle()
    {
        // Oracle: ../shared/bench/results/peers-2026-11-28.md, N = 1000 (R and Python agree):
        // rate = sgb2_children_u15 / children_u15 * 100, year 2023: min 0, max 37.97468354, mean 12.55236938.
        var path = TestPaths.Bench("data", "indicators_1000.csv");
        var t = TableReader.ReadCsv(path, Year(2023, "sr_id", "sgb2_children_u15", "children_u15"));
        var full = TableReader.ReadCsv(path).FilterYear("year", 2023);

        Assert.AreEqual(1000, t.RowCount);
        Assert.AreEqual(5000, t.Report.RowsSkipped);
        CollectionAssert.AreEqual(full.GetText("sr_id").ToArray(), t.GetText("sr_id").ToArray());
        CollectionAssert.AreEqual(Enumerable.Range(0, 1000).Select(full.GetLine).ToArray(), Enumerable.Range(0, 1000).Select(t.GetLine).ToArray());
        var num = t.GetNumbers("sgb2_children_u15");
        var den = t.GetNumbers("children_u15");
        CollectionAssert.AreEqual(full.GetNumbers("children_u15").ToArray(), den.ToArray());
        var rates = num.ToArray().Zip(den.ToArray(), (a, b) => a / b * 100).ToArray();
        Assert.AreEqual(0, rates.Min(), 1e-8);
        Assert.AreEqual(37.97468354, rates.Max(), 1e-8);
        Assert.AreEqual(12.55236938, rates.Average(), 1e-8);
        // The year filter on an already filtered table is the table itself.
        Assert.AreSame(t, t.FilterYear("year", 2023));
    }
}
