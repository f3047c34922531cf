using OneStop.Core.Catalogue;

namespace OneStop.Core.Tests.Catalogue;

/// <summary>Reads the real data files under core/data, found by walking up to the solution file so tests run from any output folder.</summary>
internal static class RepoData
{
    private static readonly Lazy<string> Root = new(FindRoot);
    private static readonly Lazy<IReadOnlyList<Procedure>> AllProcedures = new(() => ProcedureCatalogueParser.Parse(ProceduresJson));

    public static string ProceduresJson => File.ReadAllText(PathOf("procedures.json"));

    public static string CommunesJson => File.ReadAllText(PathOf("communes.json"));

    public static string ResidentsJson => File.ReadAllText(PathOf("residents-sample.json"));

    public static IReadOnlyList<Procedure> Procedures => AllProcedures.Value;

    public static Procedure Procedure(string code) => Procedures.Single(p => p.Code == code);

    private static string PathOf(string file) => Path.Combine(Root.Value, "core", "data", file);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OneStop.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OneStop.sln not found above " + AppContext.BaseDirectory);
    }
}
