namespace OneStop.TestHosts;

/// <summary>The repository's root folder (the one holding OneStop.sln), found from the running binary.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "OneStop.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OneStop.sln not found above " + AppContext.BaseDirectory);
    }
}
