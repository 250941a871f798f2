using GeoPrevention.MapHost.Cli;

namespace GeoPrevention.MapHost.Tests.Cli;

[TestClass]
public sealed class ServeCommandTests
{
    [TestMethod]
    public void ResolveAtlas_NoArgumentInASubfolder_FindsTheRepositoryDemoAtlas()
    {
        var path = ServeCommand.ResolveAtlas(null, TestPaths.Repo("src", "MapHost", "Host"), "/");

        Assert.AreEqual(TestPaths.Repo("data", "atlas.json"), path);
    }

    [TestMethod]
    public void ResolveAtlas_NoArgumentOutsideTheRepository_FallsBackToTheProgramFolder()
    {
        var path = ServeCommand.ResolveAtlas(null, TestPaths.NewTempDirectory(), AppContext.BaseDirectory);

        Assert.AreEqual(TestPaths.Repo("data", "atlas.json"), path, "the test binaries live below the repository");
    }

    [TestMethod]
    public void ResolveAtlas_Folder_TakesItsAtlasJson()
    {
        Assert.AreEqual(TestPaths.Repo("data", "atlas.json"), ServeCommand.ResolveAtlas("data", TestPaths.RepositoryRoot, "/"));
    }

    [TestMethod]
    public void ResolveAtlas_MissingFile_ThrowsFileNotFoundWithThePath()
    {
        var dir = TestPaths.NewTempDirectory();

        var ex = Assert.ThrowsExactly<FileNotFoundException>(() => ServeCommand.ResolveAtlas("nope.json", dir, dir));

        StringAssert.Contains(ex.Message, Path.Combine(dir, "nope.json"), StringComparison.Ordinal);
    }
}
