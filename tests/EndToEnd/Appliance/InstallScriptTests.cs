using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Text;
using Xunit.Abstractions;

namespace OneStop.EndToEnd.Tests.Appliance;

/// <summary>
/// provisioning/install.sh run for real on a self-contained publish, in a throwaway root: a private mount namespace
/// in which /etc is a copy and /opt, /var/lib and /run are empty folders of the test, so the machine's own are never
/// touched and no network is used. Then the installed service is started as its unit says (user, environment,
/// working folder, command) under an sd_notify listener standing in for systemd: it must say READY=1, ping the
/// watchdog, serve, and say STOPPING=1 and exit cleanly on SIGTERM.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class InstallScriptTests(ITestOutputHelper log) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);
    private readonly string _root = Directory.CreateTempSubdirectory("onestop-install-").FullName;

    [RootFact]
    public async Task Install_SelfContainedX64InThrowawayRoot_LaysOutUserDataUnit_ServiceNotifiesReadyWatchdogStopping()
    {
        File.SetUnixFileMode(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var publish = Path.Combine(_root, "publish");
        var (exit, output) = await RunAsync("bash", [Path.Combine(RepoPaths.Root, "provisioning", "publish.sh"), "linux-x64", publish]);
        Assert.True(exit == 0, output);
        Assert.True(File.Exists(Path.Combine(publish, "libcoreclr.so")), "not self-contained: no runtime in the publish folder");

        foreach (var folder in new[] { "etc", "opt", "varlib", "run" })
        {
            Directory.CreateDirectory(Path.Combine(_root, folder));
        }

        // A build for the other processor is refused before anything is installed. The fake program is an ELF header
        // for AArch64 (e_machine 0xB7 at offset 18, per the ELF specification), enough for the script's check.
        var armBuild = Path.Combine(_root, "arm64");
        Directory.CreateDirectory(armBuild);
        var elf = new byte[64];
        elf[0] = 0x7F;
        "ELF"u8.CopyTo(elf.AsSpan(1));
        elf[18] = 0xB7;
        await File.WriteAllBytesAsync(Path.Combine(armBuild, "OneStop.Edge"), elf);
        File.SetUnixFileMode(Path.Combine(armBuild, "OneStop.Edge"), (UnixFileMode)0b111_101_101);
        (exit, output) = await InRootAsync($"cp -a /etc/. {_root}/etc/ && {Mounts} && bash {Path.Combine(RepoPaths.Root, "provisioning", "install.sh")} {armBuild}");
        Assert.Equal(1, exit);
        Assert.Contains("the build is for aarch64", output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_root, "opt")));

        (exit, output) = await InRootAsync($"cp -a /etc/. {_root}/etc/ && rm -rf {_root}/etc/onestop {_root}/etc/systemd/system/onestop-edge.service && {Mounts} && bash {Path.Combine(RepoPaths.Root, "provisioning", "install.sh")} {publish}");
        Assert.True(exit == 0, output);
        log.WriteLine(output);
        Assert.Contains("starts at the next boot", output, StringComparison.Ordinal);

        // What the script laid out, read from outside the throwaway root.
        var passwd = File.ReadAllLines(Path.Combine(_root, "etc", "passwd")).Single(l => l.StartsWith("onestop:", StringComparison.Ordinal)).Split(':');
        Assert.Equal("/usr/sbin/nologin", passwd[6]);
        var uid = int.Parse(passwd[2], CultureInfo.InvariantCulture);
        Assert.InRange(uid, 1, 999);
        var program = Path.Combine(_root, "opt", "onestop", "edge", "OneStop.Edge");
        Assert.True(File.GetUnixFileMode(program).HasFlag(UnixFileMode.OtherExecute));
        var data = Path.Combine(_root, "varlib", "onestop", "edge");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
        Assert.Equal(uid, await OwnerAsync(data));
        var unit = Path.Combine(_root, "etc", "systemd", "system", "onestop-edge.service");
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "provisioning", "onestop-edge.service")), await File.ReadAllTextAsync(unit));
        Assert.Equal(unit.Replace(_root + "/etc", "/etc", StringComparison.Ordinal), new FileInfo(Path.Combine(_root, "etc", "systemd", "system", "multi-user.target.wants", "onestop-edge.service")).LinkTarget);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(Path.Combine(_root, "etc", "onestop", "edge.env")));

        // systemd's own reading of the unit, inside the throwaway root (it checks the program and the user exist).
        (exit, output) = await InRootAsync($"{Mounts} && systemd-analyze verify --man=no /etc/systemd/system/onestop-edge.service");
        Assert.True(exit == 0, output);

        await RunInstalledServiceAsync(await File.ReadAllLinesAsync(unit));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A folder still mounted (a failed run): leave it, the machine's temp cleaner takes it.
        }
    }

    private string Mounts => $"mount --bind {_root}/etc /etc && mount --bind {_root}/opt /opt && mount --bind {_root}/varlib /var/lib && mount --bind {_root}/run /run";

    private async Task RunInstalledServiceAsync(string[] unit)
    {
        string Setting(string key) => unit.Single(l => l.StartsWith(key + "=", StringComparison.Ordinal))[(key.Length + 1)..];
        var environment = unit.Where(l => l.StartsWith("Environment=", StringComparison.Ordinal)).Select(l => l["Environment=".Length..]).ToList();
        var port = HostProcess.FreePort();

        // Loopback only in tests: the unit's 0.0.0.0 is overridden as /etc/onestop/edge.env would.
        environment.Add($"Urls=http://127.0.0.1:{port}");
        environment.Add("Edge__NodeId=node-install-test");

        // What systemd sets for User= from the passwd entry.
        environment.Add($"HOME=/var/lib/onestop");
        environment.Add($"USER={Setting("User")}");
        var sockets = Path.Combine(_root, "notify");
        Directory.CreateDirectory(sockets);
        File.SetUnixFileMode(sockets, (UnixFileMode)0b111_111_111);
        var notifyPath = Path.Combine(sockets, "notify.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(notifyPath));
        File.SetUnixFileMode(notifyPath, (UnixFileMode)0b110_110_110);
        environment.Add($"NOTIFY_SOCKET={notifyPath}");
        environment.Add("WATCHDOG_USEC=1000000");

        var info = new ProcessStartInfo("unshare") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var start = $"{Mounts} && cd {Setting("WorkingDirectory")} && exec setpriv --reuid={Setting("User")} --regid={Setting("Group")} --init-groups "
            + $"env -i {string.Join(' ', environment.Select(e => "'" + e + "'"))} {Setting("ExecStart")}";
        foreach (var arg in new[] { "--mount", "--propagation", "private", "bash", "-c", start })
        {
            info.ArgumentList.Add(arg);
        }

        using var service = Process.Start(info)!;
        var serviceOutput = new StringBuilder();
        service.OutputDataReceived += (_, e) => { lock (serviceOutput) { serviceOutput.AppendLine(e.Data); } };
        service.ErrorDataReceived += (_, e) => { lock (serviceOutput) { serviceOutput.AppendLine(e.Data); } };
        service.BeginOutputReadLine();
        service.BeginErrorReadLine();
        try
        {
            var messages = new List<string>();
            // READY=1 once it serves, then the watchdog pinged again and again.
            await ReceiveUntilAsync(listener, messages, m => m.SkipWhile(x => !x.Contains("READY=1", StringComparison.Ordinal)).Count(x => x.Contains("WATCHDOG=1", StringComparison.Ordinal)) >= 2, serviceOutput);
            Assert.DoesNotContain(messages.TakeWhile(x => !x.Contains("READY=1", StringComparison.Ordinal)), x => x.Contains("WATCHDOG=1", StringComparison.Ordinal));

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            using var status = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/api/status"));
            Assert.True(status.IsSuccessStatusCode, await status.Content.ReadAsStringAsync());
            var database = Path.Combine(_root, "varlib", "onestop", "edge", "edge.db");
            Assert.True(File.Exists(database), "the service did not keep its data under /var/lib/onestop/edge");
            Assert.Equal(await OwnerAsync(Path.Combine(_root, "varlib", "onestop", "edge")), await OwnerAsync(database));

            // systemctl stop sends SIGTERM: the service says so and exits cleanly.
            var (exit, output) = await RunAsync("kill", ["-TERM", service.Id.ToString(CultureInfo.InvariantCulture)]);
            Assert.True(exit == 0, output);
            await ReceiveUntilAsync(listener, messages, m => m.Any(x => x.Contains("STOPPING=1", StringComparison.Ordinal)), serviceOutput);
            await service.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(service.ExitCode == 0, serviceOutput.ToString());
        }
        finally
        {
            if (!service.HasExited)
            {
                service.Kill();
            }
        }
    }

    private static async Task ReceiveUntilAsync(Socket listener, List<string> messages, Func<List<string>, bool> done, StringBuilder serviceOutput)
    {
        var buffer = new byte[4096];
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!done(messages))
        {
            try
            {
                var read = await listener.ReceiveAsync(buffer, SocketFlags.None, deadline.Token);
                messages.Add(Encoding.UTF8.GetString(buffer, 0, read));
            }
            catch (OperationCanceledException)
            {
                lock (serviceOutput)
                {
                    throw new TimeoutException($"sd_notify messages so far: [{string.Join(" | ", messages)}]\n{serviceOutput}");
                }
            }
        }
    }

    private static async Task<int> OwnerAsync(string path)
    {
        var (_, output) = await RunAsync("stat", ["-c", "%u", path]);
        return int.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }

    private static Task<(int Exit, string Output)> InRootAsync(string script) =>
        RunAsync("unshare", ["--mount", "--propagation", "private", "bash", "-c", "set -e; " + script]);

    private static async Task<(int Exit, string Output)> RunAsync(string program, string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Patience);
        return (process.ExitCode, await output + await error);
    }
}
