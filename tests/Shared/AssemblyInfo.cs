// Test methods run in parallel; every test that writes files uses TestPaths.NewTempDirectory().
[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]
