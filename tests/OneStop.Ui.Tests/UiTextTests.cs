using System.Text.RegularExpressions;
using OneStop.Core.Dossiers;
using OneStop.TestHosts;
using OneStop.Ui.Localisation;
using OneStop.Ui.Security;

namespace OneStop.Ui.Tests;

public partial class UiTextTests
{
    [Fact]
    public void Strings_EveryKey_HasVietnameseAndEnglish()
    {
        var missing = UiText.Strings
            .Where(pair => string.IsNullOrWhiteSpace(pair.Value.Vi) || string.IsNullOrWhiteSpace(pair.Value.En))
            .Select(pair => pair.Key)
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Strings_FormatPlaceholders_AreTheSameInBothLanguages()
    {
        var differing = UiText.Strings
            .Where(pair => !Placeholders(pair.Value.Vi).SetEquals(Placeholders(pair.Value.En)))
            .Select(pair => pair.Key)
            .ToList();

        Assert.Empty(differing);
    }

    [Fact]
    public void Strings_EveryKeyTheScreensNameLiterally_Exists()
    {
        var screens = Directory.EnumerateFiles(Path.Combine(RepoRoot.Path, "ui", "OneStop.Ui"), "*.razor", SearchOption.AllDirectories);
        var used = screens
            .SelectMany(file => LiteralKey().Matches(File.ReadAllText(file)).Select(match => (File: Path.GetFileName(file), Key: match.Groups["key"].Value)))
            .Where(use => !use.Key.EndsWith('.'))
            .ToList();

        // The pattern must keep finding the keys, or this test would pass on nothing.
        Assert.True(used.Count > 100, $"Only {used.Count} keys found in the screens.");
        var missing = used.Where(use => !UiText.Strings.ContainsKey(use.Key)).Select(use => $"{use.File}: {use.Key}").ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Strings_KeysBuiltAtRunTime_Exist()
    {
        var built = Enum.GetValues<DossierStatus>().Select(status => "status." + status.ToName())
            .Concat(new[] { DeskRoles.Volunteer, DeskRoles.Staff, DeskRoles.CommuneAdmin }.Select(role => "role." + role))
            .Concat(Enumerable.Range(1, 5).Select(score => $"feedback.score.{score}"))
            .Concat(new[] { "printer", "display", "power", "environment", "indicator", "scanner", "card-reader" }.Select(kind => "devices.kind." + kind))
            .Concat(new[] { "disabled", "offline", "syncing", "online" }.Select(link => "sync.link." + link));

        var missing = built.Where(key => !UiText.Strings.ContainsKey(key)).ToList();

        Assert.Empty(missing);
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value)];

    // L["key"], L.Format("key", ...) and L[cond ? "a" : "b"]: string literals that look like keys, used through L.
    [GeneratedRegex(@"L(?:\[|\.Format\()[^\]\)]*?""(?<key>[a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)+\.?)""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex(@"\{(\d+)(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}
