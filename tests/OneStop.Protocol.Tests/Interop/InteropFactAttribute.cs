namespace OneStop.Protocol.Tests.Interop;

/// <summary>
/// A test against the grpc-js peer. Without node or its node_modules it is skipped, with the reason shown,
/// on a developer machine; on CI (CI set) it runs and fails with that reason instead, so interop is never
/// silently lost from the build.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class InteropFactAttribute : FactAttribute
{
    public InteropFactAttribute()
    {
        if (InteropEnvironment.Missing is { } missing && !InteropEnvironment.IsCi)
        {
            Skip = "Interop skipped: " + missing;
        }
    }

    /// <summary>Called first in each interop test: fails with the reason when prerequisites are missing (CI).</summary>
    public static void RequirePeer()
    {
        if (InteropEnvironment.Missing is { } missing)
        {
            Assert.Fail("grpc-js interop cannot run: " + missing);
        }
    }
}
