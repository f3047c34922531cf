namespace OneStop.EndToEnd.Tests;

/// <summary>Where the built hosts are, found from the test assembly's own build configuration.</summary>
internal static class RepoPaths
{
    public static string Root => RepoRoot.Path;

    /// <summary>"Debug" or "Release": the hosts are built with the same configuration as the tests.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    public static string HostDll(string folder, string project) =>
        Path.Combine(Root, folder, project, "bin", Configuration, "net10.0", project + ".dll");
}
