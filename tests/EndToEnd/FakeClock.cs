using System.Globalization;

namespace OneStop.EndToEnd.Tests;

/// <summary>
/// A process's clock moved with libfaketime (Debian's <c>faketime</c> package, installed by test.sh): the settings
/// to put in its environment. Monotonic time is faked along with the wall clock (libfaketime 0.9.10 fails sleeps with
/// EINVAL under FAKETIME_DONT_FAKE_MONOTONIC), which is fine for a fixed offset: elapsed times stay right.
/// </summary>
internal static class FakeClock
{
    /// <summary>The preload library; the test fails (never skips) when it is missing, as test.sh installs it.</summary>
    public static string Library =>
        new[] { "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1", "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1", "/usr/lib/faketime/libfaketime.so.1" }
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("libfaketime is not installed: apt-get install faketime (test.sh does it).");

    /// <summary>A fixed offset such as "-3d" or "+2d".</summary>
    public static Dictionary<string, string> Offset(string offset) => new()
    {
        ["LD_PRELOAD"] = Library,
        ["FAKETIME"] = offset,
    };

    /// <summary>
    /// An offset read from <paramref name="file"/>, re-read every second: writing a new offset into the file moves the
    /// running process's clock (FAKETIME_TIMESTAMP_FILE with FAKETIME_CACHE_DURATION).
    /// </summary>
    public static Dictionary<string, string> FromFile(string file, string initial)
    {
        File.WriteAllText(file, initial + "\n");
        return new()
        {
            ["LD_PRELOAD"] = Library,
            ["FAKETIME_TIMESTAMP_FILE"] = file,
            ["FAKETIME_CACHE_DURATION"] = "1",
        };
    }

    /// <summary>Today in Vietnam by the test process's own (true) clock.</summary>
    public static DateOnly TodayInVietnam() =>
        DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
