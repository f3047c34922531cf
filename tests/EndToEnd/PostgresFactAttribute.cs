namespace OneStop.EndToEnd.Tests;

/// <summary>
/// A test that needs a PostgreSQL server: skipped with the reason on a developer machine without Debian's
/// postgresql, run (and so failing loudly) on CI, where test.sh installs it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresCluster.Missing is { } missing && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = missing;
        }
    }
}
