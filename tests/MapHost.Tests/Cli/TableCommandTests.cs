using System.Text.Json;
using GeoPrevention.MapHost.Cli;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.MapHost.Tests.Cli;

[TestClass]
public sealed class TableCommandTests
{
    [TestMethod]
    public void Run_JsonOnPeerCsv_PrintsReport()
    {
        var json = TableCommand.Run(new TableCommand.Settings { File = TestPaths.Bench("data", "indicators_100.csv"), Json = true });
        using var doc = JsonDocument.Parse(json);
        Assert.AreEqual(600, doc.RootElement.GetProperty("rowCount").GetInt32());
        Assert.AreEqual(";", doc.RootElement.GetProperty("dialect").GetProperty("delimiter").GetString());
        Assert.AreEqual("key", doc.RootElement.GetProperty("columns")[0].GetProperty("kind").GetString());
    }

    [TestMethod]
    public void Run_TextWithKeyOption_ListsKeyColumn()
    {
        var text = TableCommand.Run(new TableCommand.Settings { File = TestPaths.RealData("zensus2022-gemeinden-bevoelkerung", "kreis_warendorf_1000A-0000_flat.csv"), Keys = ["1_variable_attribute_code"] });
        StringAssert.Contains(text, "1_variable_attribute_code: Schlüssel", StringComparison.Ordinal);
        StringAssert.Contains(text, "Max 52.669", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Run_BadDelimiterOption_Throws()
        => Assert.ThrowsExactly<ArgumentException>(() => TableCommand.Run(new TableCommand.Settings { File = TestPaths.Bench("data", "indicators_100.csv"), Delimiter = ";;" }));
}
