using GeoPrevention.Geo.Operations;
using NetTopologySuite.Geometries;

namespace GeoPrevention.Geo.Tests.Operations;

[TestClass]
public sealed class PointAssignmentTests
{
    private static readonly string[] GridKeys = ["00", "01", "02", "10", "11", "12", "20", "21", "22"];

    [TestMethod]
    public void Assign_Grid_InteriorBoundaryAndOutside()
    {
        Coordinate[] points = [new(0.5, 0.5), new(2.5, 1.5), new(1, 1), new(1.5, 0), new(5, 5), new(double.NaN, 0)];

        var result = PointAssignment.Assign(TestLayers.Grid3x3(), GridKeys, points);

        CollectionAssert.AreEqual(new[] { 0, 5, 0, 1, -1, -1 }, result.DistrictIndex.ToArray());
        CollectionAssert.AreEqual(new[] { "00", "12", "00", "01", null, null }, result.Keys.ToArray());
        CollectionAssert.AreEqual(new[] { 4, 5 }, result.Unassigned.ToArray());
        Assert.AreEqual(4, result.Diagnostics[0].FeatureIndex);
        StringAssert.Contains(result.Diagnostics[0].Message, "(5, 5)", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Assign_PeerData1000_LabelPointsLandInTheirOwnDistrict()
    {
        var layer = DistrictLayer.FromLayer(TestLayers.Bench1000, "sr_id");
        var points = LabelPoint.ComputeAll(layer.Geometries, new LabelPointOptions { Method = LabelPointMethod.InteriorPoint }).Select(p => p!.Coordinate).ToArray();

        var result = PointAssignment.Assign(layer, points);

        CollectionAssert.AreEqual(Enumerable.Range(0, layer.Count).ToArray(), result.DistrictIndex.ToArray());
        Assert.IsEmpty(result.Unassigned);
    }

    [TestMethod]
    public void Assign_LengthMismatch_Throws()
    {
        Assert.ThrowsExactly<ArgumentException>(() => PointAssignment.Assign(TestLayers.Grid3x3(), ["a"], []));
    }
}
