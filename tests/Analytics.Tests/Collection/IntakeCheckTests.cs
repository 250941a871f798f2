using System.Text;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Collection;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Analytics.Tests.Collection;

/// <summary>
/// Hand-made faulty deliveries against a copy of the demo atlas (issue 11, "must show"): each fault is reported with
/// district and column, and the check writes nothing into the atlas folder.
/// </summary>
[TestClass]
public sealed class IntakeCheckTests
{
    private static readonly Lazy<AtlasData> Atlas = new(() => AtlasData.Load(DeliveryFiles.CopyDemoAtlas()));

    private static AtlasSupplier Supplier(string id) => Atlas.Value.Manifest.FindSupplier(id)!;

    private static (string[] Header, List<object?[]> Rows) Delivery(string supplier, double factor = 1.02) =>
        (DeliveryFiles.Header(Atlas.Value.Manifest, Supplier(supplier)), DeliveryFiles.Rows(Atlas.Value, Supplier(supplier), 2025, 2026, factor));

    private static IntakeResult CheckXlsx(string[] header, IEnumerable<object?[]> rows, IntakeOptions? options = null)
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "lieferung.xlsx");
        DeliveryFiles.WriteXlsx(path, header, rows);
        return IntakeCheck.Check(Atlas.Value, path, options ?? new IntakeOptions());
    }

    private static int Col(string[] header, string column) => Array.IndexOf(header, column);

    private static IntakeFinding Single(IntakeResult r, IntakeFindingKind kind)
    {
        var hits = r.Findings.Where(f => f.Kind == kind).ToList();
        Assert.HasCount(1, hits, $"expected one {kind}; findings:\n{string.Join("\n", r.Findings)}");
        return hits[0];
    }

    [TestMethod]
    public void Check_CleanTemplate_NoBlockingFindingAndSupplierDetected()
    {
        var (header, rows) = Delivery("gesundheitsamt");

        var r = CheckXlsx(header, rows);

        Assert.IsFalse(r.HasBlocking, string.Join("\n", r.Findings));
        Assert.AreEqual("gesundheitsamt", r.Supplier!.Id);
        Assert.AreEqual(2026, r.Year);
        Assert.HasCount(54, r.Rows);
        Assert.AreEqual("XLSX (Vorlage)", r.Format);
        Assert.IsTrue(r.Findings.Any(f => f.Kind == IntakeFindingKind.Supplier && f.Severity == IntakeSeverity.Info));
    }

    [TestMethod]
    public void Check_KeyWithDroppedLeadingZero_UnknownKeyWithHintAndMissingDistrict()
    {
        var (header, rows) = Delivery("gesundheitsamt");
        rows[0][0] = "5570004-01";

        var r = CheckXlsx(header, rows);

        var unknown = Single(r, IntakeFindingKind.UnknownKey);
        Assert.AreEqual(IntakeSeverity.Blocking, unknown.Severity);
        Assert.AreEqual("5570004-01", unknown.Key);
        Assert.AreEqual("sozialraum", unknown.Column);
        Assert.AreEqual("A2", unknown.Cell);
        StringAssert.Contains(unknown.Message, "Führende Null verloren? Gemeint ist wohl 05570004-01", StringComparison.Ordinal);
        var missing = Single(r, IntakeFindingKind.MissingDistrict);
        Assert.AreEqual("05570004-01", missing.Key);
        Assert.AreEqual(Atlas.Value.GetLayer("sozialraeume").Find("05570004-01")!.Name, missing.DistrictName);
    }

    [TestMethod]
    public void Check_GemeindeKeyStoredAsNumber_HintNamesTheGemeinde()
    {
        var (header, rows) = Delivery("gesundheitsamt");
        var total = (object?[])rows[0].Clone();
        total[0] = 5570004d; // an Excel number: the leading zero is gone
        rows.Add(total);

        var r = CheckXlsx(header, rows);

        var unknown = Single(r, IntakeFindingKind.UnknownKey);
        Assert.AreEqual("5570004", unknown.Key);
        StringAssert.Contains(unknown.Message, "Gemeint ist wohl 05570004 (Ahlen)", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Check_TextCell_NonNumericWithDistrictColumnAndCell()
    {
        var (header, rows) = Delivery("gesundheitsamt");
        rows[9][Col(header, "seu_sprache")] = "zwölf";

        var r = CheckXlsx(header, rows);

        var f = Single(r, IntakeFindingKind.NonNumeric);
        Assert.AreEqual(IntakeSeverity.Blocking, f.Severity);
        Assert.AreEqual((string)rows[9][0]!, f.Key);
        Assert.AreEqual((string)rows[9][1]!, f.DistrictName);
        Assert.AreEqual("seu_sprache", f.Column);
        Assert.AreEqual(11, f.Line);
        Assert.AreEqual("E11", f.Cell);
        StringAssert.Contains(f.Message, "„zwölf“", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Check_NumeratorAboveDenominatorInSameDelivery_Blocking()
    {
        var (header, rows) = Delivery("gesundheitsamt");
        var examined = Convert.ToDouble(rows[3][Col(header, "seu_untersucht")], System.Globalization.CultureInfo.InvariantCulture);
        rows[3][Col(header, "seu_motorik")] = examined + 5;

        var r = CheckXlsx(header, rows);

        var f = Single(r, IntakeFindingKind.NumeratorAboveDenominator);
        Assert.AreEqual(IntakeSeverity.Blocking, f.Severity);
        Assert.AreEqual((string)rows[3][0]!, f.Key);
        Assert.AreEqual("seu_motorik", f.Column);
        StringAssert.Contains(f.Message, "beide aus dieser Lieferung", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Check_NumeratorAboveDenominatorFromAtlas_BlockingForCorrectionOfKnownYear()
    {
        // The Jobcenter delivers only the numerator; the denominator kinder_u15 comes from the atlas (year 2025).
        var s = Supplier("jobcenter");
        var header = DeliveryFiles.Header(Atlas.Value.Manifest, s);
        var rows = DeliveryFiles.Rows(Atlas.Value, s, 2025, 2025, 1.0);
        rows[5][3] = 100000d;

        var r = CheckXlsx(header, rows);

        var f = Single(r, IntakeFindingKind.NumeratorAboveDenominator);
        Assert.AreEqual((string)rows[5][0]!, f.Key);
        Assert.AreEqual("kinder_u15_sgb2", f.Column);
        StringAssert.Contains(f.Message, "Nenner aus dem Atlas", StringComparison.Ordinal);
        Assert.AreEqual(IntakeSeverity.Info, Single(r, IntakeFindingKind.KnownYear).Severity);
    }

    [TestMethod]
    public void Check_NextYearWithoutDenominator_SkipsRatioCheckWithInfo()
    {
        var s = Supplier("jobcenter");
        var r = CheckXlsx(DeliveryFiles.Header(Atlas.Value.Manifest, s), DeliveryFiles.Rows(Atlas.Value, s, 2025, 2026));

        var f = Single(r, IntakeFindingKind.DenominatorUnavailable);
        Assert.AreEqual(IntakeSeverity.Info, f.Severity);
        Assert.IsFalse(r.HasBlocking);
    }

    [TestMethod]
    public void Check_TenfoldJump_ImplausibleChangeWarning()
    {
        var (header, rows) = Delivery("jugendamt");
        var c = Col(header, "hze_faelle");
        var before = Convert.ToDouble(rows[0][c], System.Globalization.CultureInfo.InvariantCulture);
        rows[0][c] = before * 10;

        var r = CheckXlsx(header, rows);

        var f = Single(r, IntakeFindingKind.ImplausibleChange);
        Assert.AreEqual(IntakeSeverity.Warning, f.Severity);
        Assert.AreEqual("05570004-01", f.Key);
        Assert.AreEqual("hze_faelle", f.Column);
        StringAssert.Contains(f.Message, "Faktor 10", StringComparison.Ordinal);
        Assert.IsFalse(r.HasBlocking);
    }

    [TestMethod]
    public void Check_MissingDistrict_BlockingWithKeyAndName()
    {
        var (header, rows) = Delivery("jugendamt");
        var dropped = rows[20];
        rows.RemoveAt(20);

        var r = CheckXlsx(header, rows);

        var f = Single(r, IntakeFindingKind.MissingDistrict);
        Assert.AreEqual(IntakeSeverity.Blocking, f.Severity);
        Assert.AreEqual((string)dropped[0]!, f.Key);
        Assert.AreEqual((string)dropped[1]!, f.DistrictName);
        Assert.AreEqual("sozialraum", f.Column);
    }

    [TestMethod]
    public void Check_Cp1252Csv_ReadCorrectlyAndFlaggedAsCsvInsteadOfTemplate()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var (header, rows) = Delivery("jugendamt");
        rows.Add(["05570099-01", "Gärtnerstraße Süd", 2026, 10d, 5d]);
        var path = Path.Combine(TestPaths.NewTempDirectory(), "jugendamt_2026.csv");
        DeliveryFiles.WriteCsv(path, header, rows, Encoding.GetEncoding(1252));
        var bytes = File.ReadAllBytes(path);
        Assert.Contains((byte)0xE4, bytes, "the file must really be Windows-1252 (ä = 0xE4)");
        Assert.DoesNotContain((byte)0xC3, bytes, "no UTF-8 lead byte of ä/ö/ü/ß");

        var r = IntakeCheck.Check(Atlas.Value, path);

        var csv = Single(r, IntakeFindingKind.ForeignFormat);
        Assert.AreEqual(IntakeSeverity.Info, csv.Severity);
        StringAssert.StartsWith(csv.Message, "CSV statt Vorlage", StringComparison.Ordinal);
        StringAssert.Contains(csv.Message, "Windows-1252", StringComparison.Ordinal);
        var unknown = Single(r, IntakeFindingKind.UnknownKey);
        Assert.AreEqual("Gärtnerstraße Süd", unknown.DistrictName);
        Assert.AreEqual("sozialraum", unknown.Column);
        Assert.HasCount(54, r.Rows);
        Assert.AreEqual(1, r.Count(IntakeSeverity.Blocking), string.Join("\n", r.Findings));
        Assert.AreEqual(Atlas.Value.GetLayer("sozialraeume").Districts[0].Key, r.Rows[0].Key);
    }

    [TestMethod]
    public void Check_WrongYearDuplicateNegativeFraction_EachBlockingAtItsCell()
    {
        var (header, rows) = Delivery("jugendamt");
        rows[1][2] = 2024;
        rows.Add((object?[])rows[2].Clone());
        rows[3][3] = -4d;
        rows[4][4] = 2.5;

        var r = CheckXlsx(header, rows, new IntakeOptions { Year = 2026 });

        Assert.AreEqual("C3", Single(r, IntakeFindingKind.WrongYear).Cell);
        Assert.AreEqual(rows[2][0], Single(r, IntakeFindingKind.DuplicateKey).Key);
        Assert.AreEqual("hze_faelle", Single(r, IntakeFindingKind.Negative).Column);
        Assert.AreEqual("kita_u3", Single(r, IntakeFindingKind.Fractional).Column);
    }

    [TestMethod]
    public void Check_ParentRowNotMatchingItsDistricts_ChildrenSumBlocking()
    {
        var (header, rows) = Delivery("jugendamt");
        var c = Col(header, "hze_faelle");
        var ahlen = rows.Where(r => ((string)r[0]!).StartsWith("05570004-", StringComparison.Ordinal)).ToList();
        var sum = ahlen.Sum(r => Convert.ToDouble(r[c], System.Globalization.CultureInfo.InvariantCulture));
        var kita = ahlen.Sum(r => Convert.ToDouble(r[c + 1], System.Globalization.CultureInfo.InvariantCulture));
        rows.Add(["05570004", "Ahlen", 2026, sum + 7, kita]);

        var r = CheckXlsx(header, rows);

        var f = Single(r, IntakeFindingKind.ChildrenSum);
        Assert.AreEqual("05570004", f.Key);
        Assert.AreEqual("Ahlen", f.DistrictName);
        Assert.AreEqual("hze_faelle", f.Column);
        StringAssert.Contains(f.Message, "Differenz -7", StringComparison.Ordinal);
        Assert.IsTrue(r.Findings.Any(x => x.Kind == IntakeFindingKind.ParentRows));
    }

    [TestMethod]
    public void Check_SuppressedChild_SumBecomesLowerBound()
    {
        var (header, rows) = Delivery("jugendamt");
        var c = Col(header, "hze_faelle");
        var ahlen = rows.Where(r => ((string)r[0]!).StartsWith("05570004-", StringComparison.Ordinal)).ToList();
        var sum = ahlen.Sum(r => Convert.ToDouble(r[c], System.Globalization.CultureInfo.InvariantCulture));
        var kita = ahlen.Sum(r => Convert.ToDouble(r[c + 1], System.Globalization.CultureInfo.InvariantCulture));
        var hidden = Convert.ToDouble(ahlen[0][c], System.Globalization.CultureInfo.InvariantCulture);
        ahlen[0][c] = "<3";

        // The total includes the hidden cell: the known districts stay below it → no finding.
        var fine = CheckXlsx(header, [.. rows, ["05570004", "Ahlen", 2026, sum, kita]]);
        // A total below the known districts' sum is impossible whatever the hidden cell holds.
        var wrong = CheckXlsx(header, [.. rows, ["05570004", "Ahlen", 2026, sum - hidden - 1, kita]]);

        Assert.IsFalse(fine.Findings.Any(f => f.Kind == IntakeFindingKind.ChildrenSum), string.Join("\n", fine.Findings));
        Assert.IsTrue(fine.Findings.Any(f => f.Kind == IntakeFindingKind.SuppressedAtSource && f.Key == (string)ahlen[0][0]!));
        StringAssert.Contains(Single(wrong, IntakeFindingKind.ChildrenSum).Message, "Untergrenze", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Check_UnfilledColumn_OneBlockingFindingInsteadOfAWarningPerCell()
    {
        var (header, rows) = Delivery("jugendamt");
        foreach (var row in rows)
        {
            row[Col(header, "kita_u3")] = null;
        }

        var r = CheckXlsx(header, rows);

        var f = Single(r, IntakeFindingKind.EmptyColumn);
        Assert.AreEqual(IntakeSeverity.Blocking, f.Severity);
        Assert.AreEqual("kita_u3", f.Column);
        Assert.IsFalse(r.Findings.Any(x => x.Kind == IntakeFindingKind.MissingValue && x.Column == "kita_u3"));
    }

    [TestMethod]
    public void Check_FileWithoutSupplierColumns_BlockingSupplierFinding()
    {
        var r = CheckXlsx(["sozialraum", "jahr", "irgendwas"], [["05570004-01", 2026, 3d]]);

        Assert.AreEqual(IntakeSeverity.Blocking, Single(r, IntakeFindingKind.Supplier).Severity);
        Assert.IsNull(r.Supplier);
    }

    [TestMethod]
    public void Check_UnknownSupplierOption_Throws()
    {
        var (header, rows) = Delivery("jugendamt");
        var path = Path.Combine(TestPaths.NewTempDirectory(), "x.xlsx");
        DeliveryFiles.WriteXlsx(path, header, rows);

        Assert.ThrowsExactly<KeyNotFoundException>(() => IntakeCheck.Check(Atlas.Value, path, new IntakeOptions { Supplier = "polizei" }));
    }

    [TestMethod]
    public void Check_EachFaultyDelivery_ReportsDistrictAndColumnAndWritesNothing()
    {
        // A private copy of the atlas, so that no other test's activity can touch the folder being watched.
        var atlas = AtlasData.Load(DeliveryFiles.CopyDemoAtlas());
        var atlasDir = atlas.Manifest.BaseDirectory;
        var before = DeliveryFiles.Snapshot(atlasDir);
        var dir = TestPaths.NewTempDirectory();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        // Key: the expected key, or null for "the key of row RowIndex before spoiling".
        var cases = new (string Name, string Supplier, Action<string[], List<object?[]>> Spoil, IntakeFindingKind Kind, string? Key, int RowIndex, string Column, bool Csv)[]
        {
            ("leading zero", "gesundheitsamt", (h, r) => r[0][0] = "5570004-01", IntakeFindingKind.UnknownKey, "5570004-01", 0, "sozialraum", false),
            ("text cell", "gesundheitsamt", (h, r) => r[9][Col(h, "seu_sprache")] = "zwölf", IntakeFindingKind.NonNumeric, null, 9, "seu_sprache", false),
            ("numerator above denominator", "gesundheitsamt", (h, r) => r[3][Col(h, "seu_motorik")] = 999d, IntakeFindingKind.NumeratorAboveDenominator, null, 3, "seu_motorik", false),
            ("tenfold jump", "jugendamt", (h, r) => r[0][Col(h, "hze_faelle")] = Convert.ToDouble(r[0][Col(h, "hze_faelle")], System.Globalization.CultureInfo.InvariantCulture) * 10, IntakeFindingKind.ImplausibleChange, null, 0, "hze_faelle", false),
            ("missing district", "jugendamt", (h, r) => r.RemoveAt(20), IntakeFindingKind.MissingDistrict, null, 20, "sozialraum", false),
            ("cp1252 csv", "jugendamt", (h, r) => r.Add(["05570099-01", "Gärtnerstraße Süd", 2026, 1d, 1d]), IntakeFindingKind.UnknownKey, "05570099-01", 0, "sozialraum", true),
        };

        foreach (var (name, supplier, spoil, kind, expectedKey, rowIndex, column, csv) in cases)
        {
            var s = atlas.Manifest.FindSupplier(supplier)!;
            var header = DeliveryFiles.Header(atlas.Manifest, s);
            var rows = DeliveryFiles.Rows(atlas, s, 2025, 2026);
            var key = expectedKey ?? (string)rows[rowIndex][0]!;
            spoil(header, rows);
            var path = Path.Combine(dir, name.Replace(' ', '_') + (csv ? ".csv" : ".xlsx"));
            if (csv)
            {
                DeliveryFiles.WriteCsv(path, header, rows, Encoding.GetEncoding(1252));
            }
            else
            {
                DeliveryFiles.WriteXlsx(path, header, rows);
            }

            var r = IntakeCheck.Check(atlas, path);

            var hit = r.Findings.FirstOrDefault(f => f.Kind == kind && f.Key == key && f.Column == column);
            Assert.IsNotNull(hit, $"{name}: expected {kind} for {key}/{column}; findings:\n{string.Join("\n", r.Findings)}");
            Assert.IsNotNull(hit.DistrictName, name);
            if (csv)
            {
                Assert.AreEqual("Gärtnerstraße Süd", hit.DistrictName, "umlauts of a Windows-1252 file are read correctly");
                Assert.IsTrue(r.Findings.Any(f => f.Kind == IntakeFindingKind.ForeignFormat && f.Message.StartsWith("CSV statt Vorlage", StringComparison.Ordinal)));
            }
        }

        CollectionAssert.AreEqual(before.ToList(), DeliveryFiles.Snapshot(atlasDir).ToList(), "intake checks never write into the atlas folder");
        Assert.IsFalse(Directory.Exists(Path.Combine(atlasDir, "deliveries")));
    }

    [TestMethod]
    public void Accept_BlockedDelivery_ThrowsAndWritesNothing()
    {
        var atlas = AtlasData.Load(DeliveryFiles.CopyDemoAtlas());
        var before = DeliveryFiles.Snapshot(atlas.Manifest.BaseDirectory);
        var s = atlas.Manifest.FindSupplier("gesundheitsamt")!;
        var rows = DeliveryFiles.Rows(atlas, s, 2025, 2026);
        rows[0][0] = "5570004-01";
        var path = Path.Combine(TestPaths.NewTempDirectory(), "g.xlsx");
        DeliveryFiles.WriteXlsx(path, DeliveryFiles.Header(atlas.Manifest, s), rows);
        var r = IntakeCheck.Check(atlas, path);

        Assert.ThrowsExactly<InvalidOperationException>(() => DeliveryStore.Accept(r));
        CollectionAssert.AreEqual(before.ToList(), DeliveryFiles.Snapshot(atlas.Manifest.BaseDirectory).ToList());
    }
}
