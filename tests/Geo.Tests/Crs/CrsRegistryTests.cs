using GeoPrevention.Geo.Crs;

namespace GeoPrevention.Geo.Tests.Crs;

[TestClass]
public sealed class CrsRegistryTests
{
    // The .prj of BKG VG5000 (../shared/realdata/bkg-vg5000-2021/shp), without its AUTHORITY so only the parameters can match.
    private const string EsriGk3 = "PROJCS[\"DHDN_3_Degree_Gauss_Zone_3\",GEOGCS[\"GCS_Deutsches_Hauptdreiecksnetz\",DATUM[\"D_Deutsches_Hauptdreiecksnetz\",SPHEROID[\"Bessel_1841\",6377397.155,299.1528128]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",3500000.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",9.0],PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

    // The ESRI .prj written by GDAL for EPSG:25832 (../shared/bench/data/districts_1000.prj).
    private const string EsriUtm32 = "PROJCS[\"ETRS_1989_UTM_Zone_32N\",GEOGCS[\"GCS_ETRS_1989\",DATUM[\"D_ETRS_1989\",SPHEROID[\"GRS_1980\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",9.0],PARAMETER[\"Scale_Factor\",0.9996],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

    [TestMethod]
    public void KnownEpsgCodes_AreTheSixBuiltInSystems()
    {
        CollectionAssert.AreEquivalent(new[] { 4326, 25832, 4647, 31466, 31467, 3857 }, CrsRegistry.KnownEpsgCodes.ToArray());
    }

    [TestMethod]
    [DataRow(4326)]
    [DataRow(25832)]
    [DataRow(4647)]
    [DataRow(31466)]
    [DataRow(31467)]
    [DataRow(3857)]
    public void FromWkt_BuiltInWkt_IsRecognisedAsItsOwnCode(int epsg)
    {
        var crs = CrsRegistry.FromWkt(CrsRegistry.GetWkt(epsg));

        Assert.AreEqual(epsg, crs.Epsg);
        Assert.AreEqual(CrsOrigin.Declared, crs.Origin);
    }

    [TestMethod]
    public void FromWkt_EsriGaussKrugerZone3_Is31467ByParameters()
    {
        var crs = CrsRegistry.FromWkt(EsriGk3);

        Assert.AreEqual(31467, crs.Epsg);
        Assert.AreEqual("DHDN / 3-degree Gauss-Kruger zone 3", crs.Name);
        StringAssert.Contains(crs.Note, "DHDN_3_Degree_Gauss_Zone_3", StringComparison.Ordinal);
        Assert.AreEqual(EsriGk3, crs.Wkt);
    }

    [TestMethod]
    public void FromWkt_EsriGaussKrugerZone2_Is31466()
    {
        var zone2 = EsriGk3.Replace("3500000.0", "2500000.0", StringComparison.Ordinal).Replace("\"Central_Meridian\",9.0", "\"Central_Meridian\",6.0", StringComparison.Ordinal);

        Assert.AreEqual(31466, CrsRegistry.FromWkt(zone2).Epsg);
    }

    [TestMethod]
    public void FromWkt_EsriUtm32_Is25832AndZonePrefixedIs4647()
    {
        Assert.AreEqual(25832, CrsRegistry.FromWkt(EsriUtm32).Epsg);
        Assert.AreEqual(4647, CrsRegistry.FromWkt(EsriUtm32.Replace("500000.0", "32500000.0", StringComparison.Ordinal)).Epsg);
    }

    [TestMethod]
    public void FromWkt_MisleadingNameButUtm32Parameters_MatchesByParameters()
    {
        var renamed = EsriUtm32.Replace("ETRS_1989_UTM_Zone_32N", "Some local name", StringComparison.Ordinal);

        Assert.AreEqual(25832, CrsRegistry.FromWkt(renamed).Epsg);
    }

    [TestMethod]
    public void FromWkt_Utm32NameButZone33Parameters_IsNotClaimedAs25832()
    {
        var zone33 = EsriUtm32.Replace("\"Central_Meridian\",9.0", "\"Central_Meridian\",15.0", StringComparison.Ordinal);

        var crs = CrsRegistry.FromWkt(zone33);

        Assert.IsNull(crs.Epsg);
        Assert.AreEqual("ETRS_1989_UTM_Zone_32N", crs.Name);
    }

    [TestMethod]
    public void FromWkt_BesselGaussKrugerWithGrsEllipsoid_IsNotClaimedAs31467()
    {
        var wrongEllipsoid = EsriGk3.Replace("6377397.155,299.1528128", "6378137.0,298.257222101", StringComparison.Ordinal);

        Assert.IsNull(CrsRegistry.FromWkt(wrongEllipsoid).Epsg);
    }

    [TestMethod]
    [DataRow("this is not WKT")]
    [DataRow("PROJCS[\"broken\",GEOGCS[")]
    [DataRow("   ")]
    public void FromWkt_Garbage_ThrowsUnknownCrs(string wkt)
    {
        Assert.ThrowsExactly<UnknownCrsException>(() => CrsRegistry.FromWkt(wkt, source: "x.prj"));
    }

    [TestMethod]
    public void Get_UnknownCode_ThrowsUnknownCrsListingKnownCodes()
    {
        var ex = Assert.ThrowsExactly<UnknownCrsException>(() => CrsRegistry.Get(3035));

        StringAssert.Contains(ex.Message, "EPSG:25832", StringComparison.Ordinal);
    }

    [TestMethod]
    [DataRow("urn:ogc:def:crs:EPSG::25832", 25832)]
    [DataRow("EPSG:25832", 25832)]
    [DataRow("urn:ogc:def:crs:EPSG:9.8.15:31467", 31467)]
    [DataRow("http://www.opengis.net/def/crs/EPSG/0/4647", 4647)]
    [DataRow("urn:ogc:def:crs:OGC:1.3:CRS84", 4326)]
    [DataRow("epsg:3857", 3857)]
    public void ParseEpsgName_CommonForms_GiveTheCode(string name, int expected)
    {
        Assert.AreEqual(expected, CrsRegistry.ParseEpsgName(name));
    }

    [TestMethod]
    public void ParseEpsgName_NoCode_ReturnsNull()
    {
        Assert.IsNull(CrsRegistry.ParseEpsgName("ETRS89 UTM"));
    }
}
