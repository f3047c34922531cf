using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OneStop.TestHosts;

/// <summary>
/// A hub or edge node as its own OS process, settings passed as environment variables, start-up
/// considered done at the host's "Application started" line.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private const int FirstPort = 20_000;
    private const int PortSpan = 12_000;
    private static int _nextPort = Random.Shared.Next(PortSpan);

    private HostProcess(string dll, IReadOnlyDictionary<string, string> settings, string? cpuGroup = null)
    {
        var info = new ProcessStartInfo(cpuGroup is null ? "dotnet" : "/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        if (cpuGroup is not null)
        {
            // The shell joins the group and becomes dotnet (same pid), so start-up is already inside the budget.
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add("echo $$ > \"$1/cgroup.procs\" && exec dotnet \"$0\"");
        }

        info.ArgumentList.Add(dll);
        if (cpuGroup is not null)
        {
            info.ArgumentList.Add(cpuGroup);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Warnings and errors only, plus the start-up line: a failing test still shows what went wrong, and a
        // benchmark does not pay for logging to a redirected console.
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        _process = new Process { StartInfo = info, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.Exited += (_, _) => _started.TrySetException(new InvalidOperationException("The host exited during start-up:\n" + Output));
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the process without waiting for its start-up line (to time start-up from outside).</summary>
    public static HostProcess Launch(string dll, IReadOnlyDictionary<string, string> settings) => Launch(dll, settings, null);

    /// <summary>
    /// Starts the process inside a cgroup (v1 cpu controller folder, e.g. one holding it to half a core) before
    /// its first instruction, without waiting for its start-up line.
    /// </summary>
    public static HostProcess Launch(string dll, IReadOnlyDictionary<string, string> settings, string? cpuGroup)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the host first (not found: {dll}).", dll);
        }

        var host = new HostProcess(dll, settings, cpuGroup);
        host._process.Start();
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        return host;
    }

    public static async Task<HostProcess> StartAsync(string dll, IReadOnlyDictionary<string, string> settings)
    {
        var host = Launch(dll, settings);
        await host.WaitStartedAsync();
        return host;
    }

    public async Task WaitStartedAsync()
    {
        try
        {
            await _started.Task.WaitAsync(TimeSpan.FromSeconds(120));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("The host did not report start-up within 120 s:\n" + Output);
        }
    }

    /// <summary>Resident set size now, from /proc (what the kernel charges the process).</summary>
    public long RssBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    /// <summary>Waits for the host to stop by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The host did not stop within {timeout.TotalSeconds} s:\n" + Output);
        }

        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush — what a power cut does to the process.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>
    /// A loopback port for a host that starts later. Taken below Linux's ephemeral range (32768-60999):
    /// a port from bind(0) lies inside it, and an outgoing connection of any test could take it before the
    /// host binds (seen: "address already in use" on a loaded run). Test assemblies run as parallel
    /// processes, and a port that is free now may be handed to a host of another assembly before ours binds
    /// it (seen on CI: two assemblies' walks met on one port); so each port is also claimed across processes
    /// by creating its file exclusively, and a claim is only taken over once it is older than any test run.
    /// </summary>
    public static int FreePort()
    {
        Directory.CreateDirectory(ClaimDirectory);
        for (var attempt = 0; attempt < PortSpan; attempt++)
        {
            var port = FirstPort + (int)((uint)Interlocked.Increment(ref _nextPort) % PortSpan);
            if (!TryClaim(port))
            {
                continue;
            }

            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // In use by something that does not claim ports: try the next one.
            }
        }

        throw new InvalidOperationException($"No free loopback port in {FirstPort}-{FirstPort + PortSpan - 1}.");
    }

    private static readonly string ClaimDirectory = Path.Combine(Path.GetTempPath(), "onestop-test-ports");
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromHours(3);

    private static bool TryClaim(int port)
    {
        var claim = Path.Combine(ClaimDirectory, port.ToString(CultureInfo.InvariantCulture));
        if (TryClaimOnce(claim))
        {
            return true;
        }

        // Claimed before: by this run (skip it), or by a run long over (take it over).
        if (TimeProvider.System.GetUtcNow().UtcDateTime - File.GetLastWriteTimeUtc(claim) < ClaimLifetime)
        {
            return false;
        }

        try
        {
            File.Delete(claim);
        }
        catch (IOException)
        {
            return false;
        }

        return TryClaimOnce(claim);
    }

    private static bool TryClaimOnce(string claim)
    {
        try
        {
            using (new FileStream(claim, FileMode.CreateNew, FileAccess.Write))
            {
                return true;
            }
        }
        catch (IOException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            // Enough to explain a failure; a long run must not hoard its whole log.
            if (_output.Length < 200_000)
            {
                _output.AppendLine(line);
            }
        }

        if (line.Contains("Application started", StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }
}
