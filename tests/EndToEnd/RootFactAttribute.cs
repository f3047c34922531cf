namespace OneStop.EndToEnd.Tests;

/// <summary>A test that mounts a file system (a tiny tmpfs for a real full disk): it needs root and is skipped without it.</summary>
internal sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Skip = "Mounting a tmpfs needs root; run the suite as root (as CI does) to test a really full disk.";
        }
    }
}
