namespace OneStop.EndToEnd.Tests;

/// <summary>
/// A test that mounts a file system (a tiny tmpfs for a real full disk): it needs root, or passwordless sudo. Skipped
/// without root on a developer machine; run on CI whatever the user, where a skip would fail the run anyway.
/// </summary>
internal sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!Environment.IsPrivilegedProcess && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = "Mounting a tmpfs needs root; run the suite as root or with CI=true and passwordless sudo to test a really full disk.";
        }
    }
}
