using BenchmarkDotNet.Running;

// Runs the benchmarks chosen with --filter; see docs/performance.md for the figures and how to reproduce.
BenchmarkSwitcher.FromAssembly(typeof(GeoPrevention.Benchmarks.BenchData).Assembly).Run(args);
