namespace GeoPrevention.Geo.Tests;

[TestClass]
public sealed class GeoDataFormatExceptionTests
{
    [TestMethod]
    public void Message_WithLineAndColumn_NamesFileAndPosition()
    {
        var ex = new GeoDataFormatException("/data/a.geojson", "Unexpected character '}'.", 12, 7);

        Assert.AreEqual("/data/a.geojson:12:7: Unexpected character '}'.", ex.Message);
        Assert.AreEqual(12L, ex.Line);
        Assert.AreEqual("Unexpected character '}'.", ex.Reason);
    }

    [TestMethod]
    public void Message_WithoutPosition_NamesFileOnly()
    {
        var ex = new GeoDataFormatException("a.shp", "The file is truncated.");

        Assert.AreEqual("a.shp: The file is truncated.", ex.Message);
        Assert.IsNull(ex.Line);
    }
}
