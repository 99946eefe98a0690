using BenchmarkDotNet.Running;

// `bench/run` passes --filter and --artifacts; any other BenchmarkDotNet argument works too (--job short, --list flat).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
