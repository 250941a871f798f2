using System.Text;
using GeoPrevention.Analytics.Tables;
using GeoPrevention.Geo;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Analytics.Tests.Tables;

[TestClass]
public sealed class TableReaderTests
{
    static TableReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Write(string name, string content, Encoding encoding)
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), name);
        File.WriteAllBytes(path, [.. encoding.GetPreamble(), .. encoding.GetBytes(content)]);
        return path;
    }

    private static Encoding Cp1252 => Encoding.GetEncoding(1252);

    [TestMethod]
    public void ReadCsv_Windows1252GermanFixture_ReadsUmlautsDecimalsQuotesAndTokens()
    {
        // Hand-written fixture: umlauts, decimal commas, thousands dots, a quoted semicolon and a quoted line break,
        // NA tokens (empty, "-", "k.A.") and suppression tokens (".", "x", "<3").
        var csv = "AGS;Name;Einwohner;Anteil;Kinder\r\n"
            + "05570004;Ahlen;52.503;12,5;1.234\r\n"
            + "05570028;\"Oelde; Stadt\";29.238;-;<3\r\n"
            + "05570036;\"Sassenberg\r\n(Münsterland)\";14.193;k.A.;x\r\n"
            + "05570052;Müssingen-Süd;;7,25;.\r\n";
        var path = Write("kreis.csv", csv, Cp1252);

        var t = TableReader.ReadCsv(path);

        Assert.AreEqual(';', t.Report.Dialect.Delimiter);
        Assert.AreEqual("windows-1252", t.Report.Dialect.Encoding);
        Assert.AreEqual(ColumnKind.Key, t.GetColumn("AGS").Kind);
        CollectionAssert.AreEqual(new[] { "05570004", "05570028", "05570036", "05570052" }, t.GetText("AGS").ToArray());
        CollectionAssert.AreEqual(new[] { "Ahlen", "Oelde; Stadt", "Sassenberg\r\n(Münsterland)", "Müssingen-Süd" }, t.GetText("Name").ToArray());
        Assert.AreEqual(52503.0, t.GetValue("Einwohner", 0));
        Assert.AreEqual(14193.0, t.GetValue("Einwohner", 2));
        Assert.AreEqual(CellStatus.Missing, t.GetStatus("Einwohner", 3));
        Assert.AreEqual(12.5, t.GetValue("Anteil", 0));
        Assert.AreEqual(7.25, t.GetValue("Anteil", 3));
        Assert.AreEqual(CellStatus.Missing, t.GetStatus("Anteil", 1));
        Assert.AreEqual(CellStatus.Missing, t.GetStatus("Anteil", 2));
        Assert.AreEqual(1234.0, t.GetValue("Kinder", 0));
        Assert.AreEqual(CellStatus.SuppressedAtSource, t.GetStatus("Kinder", 1));
        Assert.AreEqual("<3", t.GetSourceText("Kinder", 1));
        Assert.AreEqual(CellStatus.SuppressedAtSource, t.GetStatus("Kinder", 2));
        Assert.AreEqual(CellStatus.SuppressedAtSource, t.GetStatus("Kinder", 3));
        // Line numbers: the quoted line break makes the last record start on line 6.
        Assert.AreEqual(2, t.GetLine(0));
        Assert.AreEqual(4, t.GetLine(2));
        Assert.AreEqual(6, t.GetLine(3));
        var kinder = t.Report.Columns.Single(c => c.Name == "Kinder");
        Assert.AreEqual(1, kinder.ValueCount);
        Assert.AreEqual(3, kinder.SuppressedCount);
        var anteil = t.Report.Columns.Single(c => c.Name == "Anteil");
        Assert.AreEqual(2, anteil.MissingCount);
        Assert.AreEqual(',', anteil.DecimalSeparator);
        // DataFrame view: keys as strings, numbers as nullable doubles.
        Assert.AreEqual("05570004", t.Frame["AGS"][0]);
        Assert.AreEqual(12.5, t.Frame["Anteil"][0]);
        Assert.IsNull(t.Frame["Anteil"][1]);
    }

    [TestMethod]
    public void ReadCsv_SpaceAndDotThousands_ParsedPerColumn()
    {
        var csv = "id,a,b,c\n"
            + "01,\"1 234,5\",1.234.567,3.5\n"
            + "02,\"12 345,25\",2.000,10.25\n"
            + "03,\"7\u00A0000\",999,0.5\n";
        var t = TableReader.ReadCsv(Write("n.csv", csv, new UTF8Encoding(false)));
        Assert.AreEqual(',', t.Report.Dialect.Delimiter);
        Assert.AreEqual(1234.5, t.GetValue("a", 0));
        Assert.AreEqual(12345.25, t.GetValue("a", 1));
        Assert.AreEqual(7000.0, t.GetValue("a", 2));
        Assert.AreEqual(1234567.0, t.GetValue("b", 0));
        Assert.AreEqual(2000.0, t.GetValue("b", 1), "ambiguous 2.000 follows the other columns' decimal comma");
        Assert.AreEqual(3.5, t.GetValue("c", 0));
        Assert.AreEqual(10.25, t.GetValue("c", 1));
        Assert.AreEqual('.', t.Report.Columns.Single(c => c.Name == "c").DecimalSeparator);
    }

    [TestMethod]
    public void ReadCsv_TabDelimitedWithoutHeader_NamesColumns()
    {
        var t = TableReader.ReadCsv(Write("t.tsv", "1\t2,5\n3\t4,5\n", new UTF8Encoding(false)), new CsvReadOptions { DecimalSeparator = ',' });
        Assert.AreEqual('\t', t.Report.Dialect.Delimiter);
        Assert.IsFalse(t.Report.Dialect.HasHeader);
        Assert.AreEqual(2, t.RowCount);
        Assert.AreEqual(4.5, t.GetValue("Column2", 1));
    }

    [TestMethod]
    public void ReadCsv_Utf8BomAndDoubledQuotes_Read()
    {
        var t = TableReader.ReadCsv(Write("q.csv", "name;n\n\"Der \"\"Alte\"\" Markt\";5\n", new UTF8Encoding(true)));
        Assert.IsTrue(t.Report.Dialect.HasBom);
        Assert.AreEqual("name", t.Columns[0].Name, "BOM must not stick to the first header");
        Assert.AreEqual("Der \"Alte\" Markt", t.GetText("name")[0]);
    }

    [TestMethod]
    public void ReadCsv_OverriddenDelimiterAndDecimal_Used()
    {
        var t = TableReader.ReadCsv(Write("o.csv", "k|v\nA|1.234\n", new UTF8Encoding(false)), new CsvReadOptions { Delimiter = '|', DecimalSeparator = '.' });
        Assert.AreEqual(1.234, t.GetValue("v", 0));
        StringAssert.Contains(string.Join(";", t.Report.Dialect.Reasons), "option Delimiter", StringComparison.Ordinal);
    }

    [TestMethod]
    public void ReadCsv_WrongEncodingGuessOverridden_ReadsAsRequested()
    {
        // "MÃ¼nster" written in Windows-1252 is valid UTF-8 ("Münster"): detection says UTF-8, the option restores the text.
        var path = Write("e.csv", "name;n\nMÃ¼nster;1\n", Cp1252);
        Assert.AreEqual("Münster", TableReader.ReadCsv(path).GetText("name")[0]);
        var forced = TableReader.ReadCsv(path, new CsvReadOptions { Encoding = Cp1252 });
        Assert.AreEqual("MÃ¼nster", forced.GetText("name")[0]);
        Assert.AreEqual("windows-1252", forced.Report.Dialect.Encoding);
    }

    [TestMethod]
    public void ReadCsv_ExplicitUtf8OnWindows1252File_ThrowsWithLineAndColumn()
    {
        var path = Write("w.csv", "name;n\nAhlen;1\nMünster;2\n", Cp1252);
        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => TableReader.ReadCsv(path, new CsvReadOptions { Encoding = Encoding.UTF8 }));
        Assert.AreEqual(3, ex.Line);
        Assert.AreEqual(2, ex.Column);
        StringAssert.StartsWith(ex.Message, path + ":3:2:", StringComparison.Ordinal);
        StringAssert.Contains(ex.Message, "0xFC", StringComparison.Ordinal);
    }

    [TestMethod]
    public void ReadCsv_RaggedRow_ThrowsWithFileLineAndColumn()
    {
        var path = Write("r.csv", "a;b;c\n1;2;3\n4;5;6;7\n", new UTF8Encoding(false));
        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => TableReader.ReadCsv(path));
        Assert.AreEqual(path, ex.FilePath);
        Assert.AreEqual(3, ex.Line);
        Assert.AreEqual(7, ex.Column);
        StringAssert.StartsWith(ex.Message, path + ":3:7:", StringComparison.Ordinal);
        StringAssert.Contains(ex.Message, "ragged row", StringComparison.Ordinal);
    }

    [TestMethod]
    public void ReadCsv_LeadingBlankLines_SkippedAndLinesCounted()
    {
        var path = Write("b.csv", "\r\n\r\nags;n\r\n05570004;1\r\n05570008;2;3\r\n", new UTF8Encoding(false));
        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => TableReader.ReadCsv(path));
        StringAssert.StartsWith(ex.Message, path + ":5:12:", StringComparison.Ordinal);
    }

    [TestMethod]
    public void ReadCsv_ShortRow_ThrowsAtEndOfLine()
    {
        var path = Write("s.csv", "a;b;c\n1;2;3\n4;5\n", new UTF8Encoding(false));
        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => TableReader.ReadCsv(path));
        StringAssert.StartsWith(ex.Message, path + ":3:4:", StringComparison.Ordinal);
    }

    [TestMethod]
    public void ReadCsv_UnterminatedQuote_ThrowsAtOpeningQuote()
    {
        var path = Write("u.csv", "a;b\n1;2\n3;\"open\n4;5\n", new UTF8Encoding(false));
        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => TableReader.ReadCsv(path));
        StringAssert.StartsWith(ex.Message, path + ":3:3:", StringComparison.Ordinal);
        StringAssert.Contains(ex.Message, "unterminated", StringComparison.Ordinal);
    }

    [TestMethod]
    public void ReadCsv_EmptyFile_Throws()
    {
        var path = Write("empty.csv", "\r\n  \n", new UTF8Encoding(true));
        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => TableReader.ReadCsv(path));
        StringAssert.StartsWith(ex.Message, path + ":1:1:", StringComparison.Ordinal);
        StringAssert.Contains(ex.Message, "empty", StringComparison.Ordinal);
    }

    [TestMethod]
    public void ReadCsv_UnknownColumnRequested_ThrowsNamingColumnAndHeaderLine()
    {
        var path = Write("k.csv", "ags;n\n05570004;1\n", new UTF8Encoding(false));
        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => TableReader.ReadCsv(path, new CsvReadOptions { Columns = new() { KeyColumns = ["AGS8"] } }));
        StringAssert.StartsWith(ex.Message, path + ":1:", StringComparison.Ordinal);
        StringAssert.Contains(ex.Message, "'AGS8'", StringComparison.Ordinal);
        StringAssert.Contains(ex.Message, "ags, n", StringComparison.Ordinal);
    }

    [TestMethod]
    public void ReadCsv_TextInDeclaredNumericColumn_ThrowsWithCell()
    {
        var path = Write("t.csv", "ags;n\n05570004;1\n05570008;zwölf\n", new UTF8Encoding(false));
        var ex = Assert.ThrowsExactly<GeoDataFormatException>(() => TableReader.ReadCsv(path, new CsvReadOptions { Columns = new() { NumericColumns = ["n"] } }));
        StringAssert.StartsWith(ex.Message, path + ":3:10:", StringComparison.Ordinal);
        StringAssert.Contains(ex.Message, "'zwölf'", StringComparison.Ordinal);
    }

    [TestMethod]
    public void ReadCsv_TextInDetectedNumericColumn_ReportedAsSuspicious()
    {
        var sb = new StringBuilder("ags;n\n");
        for (var i = 0; i < 40; i++)
        {
            sb.Append("055700").Append(i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)).Append(';').Append(i == 7 ? "zwölf" : (i * 3).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        var t = TableReader.ReadCsv(Write("t.csv", sb.ToString(), new UTF8Encoding(false)));
        Assert.AreEqual(ColumnKind.Numeric, t.GetColumn("n").Kind);
        Assert.AreEqual(CellStatus.Invalid, t.GetStatus("n", 7));
        var f = t.Report.FindingsOf(ImportFindingKind.TextInNumericColumn).Single();
        Assert.AreEqual(9, f.Line);
        Assert.AreEqual("n", f.Column);
    }

    [TestMethod]
    public void ReadCsv_SuspiciousValues_ReportedWithLines()
    {
        var def = new GeoPrevention.Analytics.Indicators.IndicatorDefinition { Id = "q", Label = "Quote", NumeratorColumn = "num", DenominatorColumn = "den" };
        var csv = "ags;year;num;den\n05570004;2023;5;100\n05570008;2023;-1;50\n05570012;2023;2,5;40\n05570016;2023;60;50\n05570004;2023;7;100\n05570004;2022;7;100\n";
        var t = TableReader.ReadCsv(Write("s.csv", csv, new UTF8Encoding(false)), new CsvReadOptions { Columns = new() { Indicators = [def] } });
        var f = t.Report.Findings;
        Assert.AreEqual(3, f.Single(x => x.Kind == ImportFindingKind.NegativeCount).Line);
        Assert.AreEqual(4, f.Single(x => x.Kind == ImportFindingKind.NonIntegerCount).Line);
        Assert.AreEqual(5, f.Single(x => x.Kind == ImportFindingKind.NumeratorExceedsDenominator).Line);
        var dup = f.Single(x => x.Kind == ImportFindingKind.DuplicateKey);
        Assert.AreEqual(6, dup.Line);
        Assert.AreEqual("05570004", dup.Key);
        StringAssert.Contains(dup.Message, "first on line 2", StringComparison.Ordinal);
        var text = t.Report.ToText();
        StringAssert.Contains(text, "Zeile 6", StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(t.Report.ToJson());
        Assert.AreEqual(4, json.RootElement.GetProperty("findings").GetArrayLength());
        Assert.AreEqual(6, json.RootElement.GetProperty("rowCount").GetInt32());
    }

    [TestMethod]
    public void ReadCsv_PeerCsv_Rate2023MatchesPeerOracle()
    {
        // Oracle: ../shared/bench/results/peers-2026-11-28.md, N = 1000 (R and Python agree):
        // rate = sgb2_children_u15 / children_u15 * 100, year 2023: min 0, max 37.97468354, mean 12.55236938.
        var t = TableReader.ReadCsv(TestPaths.Bench("data", "indicators_1000.csv")).FilterYear("year", 2023);
        Assert.AreEqual(1000, t.RowCount);
        Assert.AreEqual(ColumnKind.Key, t.GetColumn("sr_id").Kind);
        var num = t.GetNumbers("sgb2_children_u15");
        var den = t.GetNumbers("children_u15");
        double min = double.MaxValue, max = double.MinValue, sum = 0;
        for (var i = 0; i < num.Length; i++)
        {
            var r = num[i] / den[i] * 100;
            min = Math.Min(min, r);
            max = Math.Max(max, r);
            sum += r;
        }

        Assert.AreEqual(0, min, 1e-8);
        Assert.AreEqual(37.97468354, max, 1e-8);
        Assert.AreEqual(12.55236938, sum / num.Length, 1e-8);
    }

    [TestMethod]
    public void ReadCsv_DestatisGvAuszug_PopulationsAndAssembledAgs()
    {
        // Values checked by hand in AuszugGV4QAktuell.csv (lines 3255 and 3267):
        // Ahlen " 52 503", Oelde " 29 238"; flaeche " 123.13" uses a decimal point, laengengrad "7,889882" a comma.
        var path = TestPaths.RealData("destatis-gv-auszug-2019q4", "AuszugGV4QAktuell.csv");
        var t = TableReader.ReadCsv(path, new CsvReadOptions { Columns = new() { KeyColumns = ["land", "rb", "kreis", "vb", "gemeinde"] } });
        Assert.AreEqual(',', t.Report.Dialect.Delimiter);
        Assert.IsTrue(t.Report.Dialect.HasBom);
        var gemeinden = t.Filter(r => t.GetValue("satzart", r) == 60).WithKey("ags", ["land", "rb", "kreis", "gemeinde"]);
        var ags = gemeinden.GetText("ags");
        int Row(string key) => ags.ToList().IndexOf(key);
        var ahlen = Row("05570004");
        var oelde = Row("05570028");
        Assert.AreEqual(3255, gemeinden.GetLine(ahlen));
        Assert.AreEqual("Ahlen, Stadt", gemeinden.GetText("gemeindename")[ahlen]);
        Assert.AreEqual(52503.0, gemeinden.GetValue("bevoelkerung", ahlen));
        Assert.AreEqual(29238.0, gemeinden.GetValue("bevoelkerung", oelde));
        Assert.AreEqual(14193.0, gemeinden.GetValue("bevoelkerung", Row("05570036")));
        Assert.AreEqual(37157.0, gemeinden.GetValue("bevoelkerung", Row("05570052")));
        Assert.AreEqual(123.13, gemeinden.GetValue("flaeche", ahlen));
        Assert.AreEqual(7.889882, gemeinden.GetValue("laengengrad", ahlen));
        Assert.AreEqual(',', t.Report.Columns.Single(c => c.Name == "laengengrad").DecimalSeparator);
        Assert.AreEqual('.', t.Report.Columns.Single(c => c.Name == "flaeche").DecimalSeparator);
        Assert.AreEqual(" ", t.Report.Columns.Single(c => c.Name == "bevoelkerung").ThousandsSeparators);
        // The whole of Germany, 31.12.2019 (README): 83,166,711 inhabitants in the municipality records.
        var pop = gemeinden.GetNumbers("bevoelkerung");
        var st = gemeinden.GetStatuses("bevoelkerung");
        double total = 0;
        for (var i = 0; i < pop.Length; i++)
        {
            total += st[i] == CellStatus.Value ? pop[i] : 0;
        }

        Assert.AreEqual(83_166_711.0, total);
    }

    [TestMethod]
    public void WideToLong_YearColumns_BecomeRows()
    {
        var csv = "ags;name;Einwohner 2019;Einwohner 2020;Kinder 2019;Kinder 2020\n05570004;Ahlen;52.503;52.582;7.000;x\n05570008;Beckum;36.815;36.736;5.000;5.100\n";
        var wide = TableReader.ReadCsv(Write("w.csv", csv, new UTF8Encoding(false)));
        var lng = TableReshape.WideToLong(wide, new WideToLongOptions { IdColumns = ["ags", "name"] });
        Assert.AreEqual(4, lng.RowCount);
        CollectionAssert.AreEqual(new[] { "05570004", "05570004", "05570008", "05570008" }, lng.GetText("ags").ToArray());
        CollectionAssert.AreEqual(new[] { 2019.0, 2020.0, 2019.0, 2020.0 }, lng.GetNumbers("year").ToArray());
        Assert.AreEqual(52582.0, lng.GetValue("Einwohner", 1));
        Assert.AreEqual(CellStatus.SuppressedAtSource, lng.GetStatus("Kinder", 1));
        Assert.AreEqual(5100.0, lng.GetValue("Kinder", 3));
        Assert.AreEqual(3, lng.GetLine(2));
    }

    [TestMethod]
    public void WideToLong_BareYearHeaders_UseValueColumn()
    {
        var wide = TableReader.ReadCsv(Write("w.csv", "ags;2019;2020\n05570004;1;2\n", new UTF8Encoding(false)));
        var lng = TableReshape.WideToLong(wide, new WideToLongOptions { IdColumns = ["ags"], ValueColumn = "Einwohner" });
        CollectionAssert.AreEqual(new[] { 1.0, 2.0 }, lng.GetNumbers("Einwohner").ToArray());
    }
}
