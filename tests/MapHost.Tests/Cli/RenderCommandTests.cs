using System.Buffers.Binary;
using System.Xml.Linq;
using GeoPrevention.MapHost.Cli;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.MapHost.Tests.Cli;

[TestClass]
[DoNotParallelize]
public sealed class RenderCommandTests
{
    [TestMethod]
    public void Render_Png_WritesPngOfRequestedSize()
    {
        var output = Path.Combine(TestPaths.NewTempDirectory(), "karte.png");

        var (exit, stdout, stderr) = CliRunner.Run("render", CliRunner.DemoAtlasPath, "--indicator", "sgb2_u15", "--year", "2023", "--area", "ahlen", "--out", output, "--width", "480", "--height", "360", "--dpi", "72");

        Assert.AreEqual(ExitCodes.Ok, exit, stderr);
        var bytes = File.ReadAllBytes(output);
        CollectionAssert.AreEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.AreEqual(480, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.AreEqual(360, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
        // Ahlen preset: the nine Sozialräume of Ahlen (Innenstadt, Nord, Ost, Süd, Südost, West, Dolberg, Vorhelm, Tönnishäuschen).
        Assert.Contains("9 districts", stdout);
        Assert.IsEmpty(Directory.GetFiles(Path.GetDirectoryName(output)!, "*.tmp"));
    }

    [TestMethod]
    public void Render_SvgFromExtension_WritesWellFormedSvg()
    {
        var output = Path.Combine(TestPaths.NewTempDirectory(), "karte.svg");

        var (exit, _, stderr) = CliRunner.Run("render", CliRunner.DemoAtlasPath, "-i", "kita_u3", "-y", "2020", "--layer", "gemeinden", "--out", output, "--width", "400", "--height", "300", "--dpi", "72");

        Assert.AreEqual(ExitCodes.Ok, exit, stderr);
        var svg = XDocument.Load(output);
        Assert.AreEqual("svg", svg.Root!.Name.LocalName);
        Assert.AreEqual("400", svg.Root.Attribute("width")!.Value);
    }

    [TestMethod]
    public void Render_PdfLisaView_WritesOnePagePdf()
    {
        var output = Path.Combine(TestPaths.NewTempDirectory(), "cluster.pdf");

        var (exit, _, stderr) = CliRunner.Run("render", CliRunner.DemoAtlasPath, "-i", "sgb2_u15", "--view", "lisa", "--format", "pdf", "--out", output, "--width", "400", "--height", "300", "--dpi", "72");

        Assert.AreEqual(ExitCodes.Ok, exit, stderr);
        var text = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(output));
        Assert.StartsWith("%PDF-", text);
        Assert.Contains("%%EOF", text[^16..]);
        Assert.AreEqual(1, System.Text.RegularExpressions.Regex.Count(text, @"/Type /Page\b"));
    }

    [TestMethod]
    public void Render_UnknownIndicator_ExitsTwoAndNamesItOnStderr()
    {
        var output = Path.Combine(TestPaths.NewTempDirectory(), "karte.png");

        var (exit, stdout, stderr) = CliRunner.Run("render", CliRunner.DemoAtlasPath, "--indicator", "armut", "--out", output);

        Assert.AreEqual(ExitCodes.Usage, exit);
        Assert.Contains("Unknown indicator 'armut'", stderr);
        Assert.AreEqual("", stdout);
        Assert.IsFalse(File.Exists(output));
    }

    [TestMethod]
    public void Render_UnknownYear_ExitsTwo()
    {
        var output = Path.Combine(TestPaths.NewTempDirectory(), "karte.png");

        var (exit, _, stderr) = CliRunner.Run("render", CliRunner.DemoAtlasPath, "--indicator", "hze", "--year", "1999", "--out", output);

        Assert.AreEqual(ExitCodes.Usage, exit);
        Assert.Contains("1999", stderr);
    }

    [TestMethod]
    public void Render_WithoutOut_ExitsTwo()
    {
        var (exit, _, stderr) = CliRunner.Run("render", CliRunner.DemoAtlasPath, "--indicator", "hze");

        Assert.AreEqual(ExitCodes.Usage, exit);
        Assert.Contains("--out", stderr);
    }
}
