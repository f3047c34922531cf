namespace OneStop.EndToEnd.Tests.Ui;

/// <summary>
/// A browser test: skipped with a reason when Debian's Chromium is not installed on a developer machine,
/// run (and so failing loudly) on CI, where .ci/run installs it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(DeskBrowser.ChromiumPath) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = $"{DeskBrowser.ChromiumPath} is missing: install it with 'apt-get install -y chromium' to run the UI tests.";
        }
    }
}
