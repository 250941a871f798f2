using GeoPrevention.Analytics.Tables;

namespace GeoPrevention.Analytics.Tests.Tables;

/// <summary>RFC 4180 quoting of written fields, and the reader taking them back unchanged.</summary>
[TestClass]
public sealed class CsvFieldTests
{
    [TestMethod]
    [DataRow("Ahlen", ';', "Ahlen")]
    [DataRow("05570004", ';', "05570004")]
    [DataRow("Ahlen; Nord", ';', "\"Ahlen; Nord\"")]
    [DataRow("Ahlen, Nord", ';', "Ahlen, Nord")]
    [DataRow("Ahlen, Nord", ',', "\"Ahlen, Nord\"")]
    [DataRow("Haus \"Süd\"", ';', "\"Haus \"\"Süd\"\"\"")]
    [DataRow("Zeile 1\nZeile 2", ';', "\"Zeile 1\nZeile 2\"")]
    public void Quote_Field_QuotedOnlyWhenNeeded(string value, char delimiter, string expected)
    {
        Assert.AreEqual(expected, CsvField.Quote(value, delimiter));
    }

    [TestMethod]
    public void Quote_WrittenFields_ReadBackUnchanged()
    {
        string[] names = ["Ahlen; Nord", "Haus \"Süd\"", "Zeile 1\r\nZeile 2", "Müssingen"];
        var path = Path.Combine(GeoPrevention.Tests.Shared.TestPaths.NewTempDirectory(), "quoted.csv");
        var lines = names.Select((n, i) => $"{i:00};{CsvField.Quote(n)}");
        File.WriteAllText(path, "key;name\r\n" + string.Join("\r\n", lines) + "\r\n");

        var table = TableReader.ReadCsv(path);
        CollectionAssert.AreEqual(names, table.GetText("name").ToArray());
    }
}
