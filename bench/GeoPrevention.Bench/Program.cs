using System.Diagnostics;
using System.Text.Json;
using GeoPrevention.Bench;

// GeoPrevention side of the peer benchmark: same arguments, steps and JSON as ../shared/bench/ref_r.R.
// load_libs = process start to the first step (runtime start, assembly load; under JIT also the warm-up pass, see
// BenchPipeline.WarmUp). bench/run.sh publishes the runner with Native AOT, so no JIT happens at all.
var loadLibs = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds;
try
{
    var arguments = BenchArguments.Parse(args);
    var json = new BenchPipeline(arguments).Run(loadLibs);
    var text = JsonSerializer.Serialize(json, BenchJsonContext.Default.DictionaryStringObject);
    var tmp = arguments.Out + ".tmp";
    File.WriteAllText(tmp, text);
    File.Move(tmp, arguments.Out, overwrite: true);
    return 0;
}
catch (Exception ex) when (ex is ArgumentException or IOException or GeoPrevention.Geo.GeoDataFormatException)
{
    Console.Error.WriteLine($"GeoPrevention.Bench: {ex.Message}");
    return 2;
}
