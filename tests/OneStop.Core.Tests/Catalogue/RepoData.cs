using OneStop.Core.Catalogue;
using OneStop.TestHosts;

namespace OneStop.Core.Tests.Catalogue;

/// <summary>Reads the real data files under core/data, found by walking up to the solution file so tests run from any output folder.</summary>
internal static class RepoData
{
    private static readonly Lazy<IReadOnlyList<Procedure>> AllProcedures = new(() => ProcedureCatalogueParser.Parse(ProceduresJson));

    public static string ProceduresJson => File.ReadAllText(PathOf("procedures.json"));

    public static string CommunesJson => File.ReadAllText(PathOf("communes.json"));

    public static string ResidentsJson => File.ReadAllText(PathOf("residents-sample.json"));

    public static IReadOnlyList<Procedure> Procedures => AllProcedures.Value;

    public static Procedure Procedure(string code) => Procedures.Single(p => p.Code == code);

    private static string PathOf(string file) => Path.Combine(RepoRoot.Path, "core", "data", file);
}
