namespace OneStop.Bench.Harness;

/// <summary>Where the repository, the hosts the bench starts, and the results live.</summary>
internal static class RepoPaths
{
    public static string Root => RepoRoot.Path;

    public static string Results => Path.Combine(Root, "bench", "results");

    /// <summary>Scratch space for data folders and templates; ignored by git.</summary>
    public static string Scratch => Path.Combine(Results, "tmp");

    public static string Data(string file) => Path.Combine(Root, "core", "data", file);

    /// <summary>The host's build output; the bench runs what `dotnet build -c Release` of that project produced.</summary>
    public static string HostDll(string folder, string project, string configuration = "Release") =>
        Path.Combine(Root, folder, project, "bin", configuration, "net10.0", project + ".dll");
}
