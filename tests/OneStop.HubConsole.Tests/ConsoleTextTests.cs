using System.Text.RegularExpressions;
using OneStop.Core.Fleet;
using OneStop.HubConsole.Localisation;
using OneStop.HubConsole.Security;
using OneStop.TestHosts;

namespace OneStop.HubConsole.Tests;

public sealed partial class ConsoleTextTests
{
    [Fact]
    public void Strings_EveryKey_HasVietnameseAndEnglish() =>
        Assert.Empty(ConsoleText.Strings.Where(p => string.IsNullOrWhiteSpace(p.Value.Vi) || string.IsNullOrWhiteSpace(p.Value.En)).Select(p => p.Key));

    [Fact]
    public void Strings_FormatPlaceholders_AreTheSameInBothLanguages() =>
        Assert.Empty(ConsoleText.Strings.Where(p => !Placeholders(p.Value.Vi).SetEquals(Placeholders(p.Value.En))).Select(p => p.Key));

    [Fact]
    public void Strings_EveryKeyTheScreensNameLiterally_Exists()
    {
        var used = Directory.EnumerateFiles(Path.Combine(RepoRoot.Path, "ui", "OneStop.HubConsole"), "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => LiteralKey().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Key: m.Groups["key"].Value)))
            .Where(use => !use.Key.EndsWith('.'))
            .ToList();

        Assert.True(used.Count > 50, $"Only {used.Count} keys found in the screens.");
        Assert.Empty(used.Where(use => !ConsoleText.Strings.ContainsKey(use.Key)).Select(use => $"{use.File}: {use.Key}"));
    }

    [Fact]
    public void Strings_KeysBuiltAtRunTime_Exist()
    {
        var built = Enum.GetValues<NodeHealthState>().Select(s => "state." + s.ToName())
            .Concat(ConsoleRoles.All.Select(r => "role." + r))
            .Concat(new[] { "staff", "volunteer", "commune_admin" }.Select(r => "role." + r));

        var missing = built.Where(key => !ConsoleText.Strings.ContainsKey(key)).ToList();

        Assert.Empty(missing);
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"L(?:\[|\.Format\()[^\]\)]*?""(?<key>[a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)+\.?)""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex(@"\{(\d+)(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}
