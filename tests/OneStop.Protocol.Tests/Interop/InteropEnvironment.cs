namespace OneStop.Protocol.Tests.Interop;

/// <summary>Where node and the installed grpc-js peer are, and what is missing if they are not.</summary>
public static class InteropEnvironment
{
    public static string RepoRoot => TestHosts.RepoRoot.Path;

    public static string InteropDirectory => Path.Combine(RepoRoot, "tests", "interop");

    public static string? NodePath { get; } = FindOnPath(OperatingSystem.IsWindows() ? "node.exe" : "node");

    public static bool IsCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Null when interop can run; otherwise what to install.</summary>
    public static string? Missing
    {
        get
        {
            if (NodePath is null)
            {
                return "node is not on PATH; install Node.js (20+) to run the grpc-js interop tests.";
            }

            if (!Directory.Exists(Path.Combine(InteropDirectory, "node_modules", "@grpc", "grpc-js")))
            {
                return "tests/interop/node_modules is missing; run `npm ci --prefix tests/interop`.";
            }

            return null;
        }
    }

    private static string? FindOnPath(string executable) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, executable))
            .FirstOrDefault(File.Exists);
}
