using System.Diagnostics;

namespace OneStop.EndToEnd.Tests;

/// <summary>Runs a verb of a built host (hub or node) to its end, as an admin at a shell would.</summary>
internal static class CliProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string dll, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        // Wide enough that Spectre.Console does not wrap a token or a message across lines.
        info.Environment["COLUMNS"] = "400";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        return (process.ExitCode, await output + await error);
    }
}
