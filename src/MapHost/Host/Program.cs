using GeoPrevention.MapHost.Cli;

// The `geoprevention` executable: every verb (inspect, neighbors, table, join, analyze, render, serve, ...)
// is registered in CliApp; exit codes are documented in docs/cli.md.
return CliApp.Run(args);
