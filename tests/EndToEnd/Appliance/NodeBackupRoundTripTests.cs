using System.Diagnostics;
using System.Text;

namespace OneStop.EndToEnd.Tests.Appliance;

/// <summary>
/// A node backed up to a USB stick while it serves, more dossiers filed, the box lost, the backup restored onto a
/// replacement box: it resumes sync and the hub holds every dossier once. Real hub, real node, the node's own verbs.
/// </summary>
public sealed class NodeBackupRoundTripTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private const string Passphrase = "núi cao mây trắng 2026";

    private readonly string _machines = Directory.CreateTempSubdirectory("onestop-e2e-usb-").FullName;
    private readonly SyncCluster _cluster = new();

    private EdgeNode Edge => _cluster.Edge;

    [Fact]
    public async Task BackupWhileRunning_FileMore_RestoreOnReplacementBox_ResumesWithNothingLostOrDoubled()
    {
        await _cluster.StartHubAsync();
        await Edge.StartAsync(_cluster.HubGrpcPort, SyncCluster.CommuneCode, OnMachine("box-a"));
        var filed = await FileAsync(10, "Trước sao lưu");
        await HubHoldsAsync(filed);

        // Backed up while the node serves; the stick holds nothing readable without the passphrase.
        var stick = Path.Combine(_machines, "usb", "node.osbk");
        var (exit, output) = await EdgeVerbAsync(Edge.DataDirectory, "backup", stick);
        Assert.True(exit == 0, output);
        Assert.Contains("10", output, StringComparison.Ordinal);
        var sealedBytes = await File.ReadAllBytesAsync(stick);
        Assert.Equal(-1, sealedBytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("Trước sao lưu")));
        Assert.Equal(-1, sealedBytes.AsSpan().IndexOf("SQLite format 3"u8));

        filed.UnionWith(await FileAsync(5, "Sau sao lưu"));
        await HubHoldsAsync(filed);

        // The box is lost. A replacement box (another machine identity) gets the backup restored into an empty folder.
        await Edge.Process!.KillAsync();
        Directory.Move(Edge.DataDirectory, Edge.DataDirectory + "-lost-box");
        (exit, output) = await EdgeVerbAsync(Edge.DataDirectory, "restore", stick);
        Assert.True(exit == 0, output);
        await Edge.RestartAfterKillAsync(_cluster.HubGrpcPort, SyncCluster.CommuneCode, OnMachine("box-b"));

        // It gets back what was filed after the backup, and what it files now reaches the hub once.
        await EdgeHoldsAsync(filed.Count);
        filed.UnionWith(await FileAsync(3, "Máy thay thế"));
        await HubHoldsAsync(filed);
        await EdgeHoldsAsync(filed.Count);
    }

    [Fact]
    public async Task Restore_WrongPassphraseOrNonEmptyFolder_RefusedInWordsAndNothingTouched()
    {
        var data = Path.Combine(_machines, "edge");
        await Edge.StartAsync(HostProcess.FreePort(), SyncCluster.CommuneCode, OnMachine("box-a"));
        await FileAsync(2, "Hồ sơ");
        var stick = Path.Combine(_machines, "node.osbk");
        var (exit, output) = await EdgeVerbAsync(Edge.DataDirectory, "backup", stick);
        Assert.True(exit == 0, output);

        (exit, output) = await EdgeVerbAsync(data, "restore", stick, passphrase: "không phải mật khẩu này");
        Assert.Equal(1, exit);
        Assert.Contains("Wrong backup passphrase", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(data) && Directory.EnumerateFileSystemEntries(data).Any(), "a refused restore left files behind");

        // Restoring over the running node's folder is refused, and the node keeps its data.
        var before = (await Edge.GetJsonAsync("/api/dossiers")).GetArrayLength();
        (exit, output) = await EdgeVerbAsync(Edge.DataDirectory, "restore", stick);
        Assert.Equal(1, exit);
        Assert.Contains("not empty", output, StringComparison.Ordinal);
        Assert.Equal(before, (await Edge.GetJsonAsync("/api/dossiers")).GetArrayLength());

        (exit, output) = await EdgeVerbAsync(Edge.DataDirectory, "backup", Path.Combine(_machines, "weak.osbk"), passphrase: "ngắn");
        Assert.Equal(1, exit);
        Assert.Contains("at least 12 characters", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_machines, "weak.osbk")));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // IAsyncLifetime, not IAsyncDisposable: xunit 2 never called the latter, so every run left this test's hub and
    // nodes running and its folders behind.
    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Directory.Delete(_machines, recursive: true);
    }

    private Dictionary<string, string> OnMachine(string machine)
    {
        var file = Path.Combine(_machines, machine);
        File.WriteAllText(file, machine);
        return new Dictionary<string, string> { ["Edge:MachineIdentityFile"] = file };
    }

    private async Task<(int Exit, string Output)> EdgeVerbAsync(string dataDirectory, string verb, string file, string passphrase = Passphrase)
    {
        var passphraseFile = Path.Combine(_machines, $"passphrase-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(passphraseFile, passphrase + "\n");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { RepoPaths.HostDll("edge-node", "OneStop.Edge"), verb, file, "--passphrase-file", passphraseFile })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["Edge__DataDirectory"] = dataDirectory;
        info.Environment["Edge__NodeId"] = Edge.NodeId;
        info.Environment["COLUMNS"] = "400";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Patience);
        return (process.ExitCode, await output + await error);
    }

    private async Task<HashSet<Guid>> FileAsync(int count, string applicant)
    {
        var ids = new HashSet<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await Edge.CreateDossierAsync($"{applicant} {i:D2}"));
        }

        return ids;
    }

    private async Task HubHoldsAsync(HashSet<Guid> filed)
    {
        var ids = await Eventually.WaitForAsync(_cluster.HubDossierIdsAsync, ids => ids.Count >= filed.Count, Patience, _cluster.Logs);
        Assert.Equal(filed.Count, ids.Count);
        Assert.True(filed.SetEquals(ids), "the hub holds exactly the dossiers filed, each once");
    }

    private async Task EdgeHoldsAsync(int count)
    {
        var dossiers = await Eventually.WaitForAsync(() => Edge.GetJsonAsync("/api/dossiers"), d => d.GetArrayLength() >= count, Patience, _cluster.Logs);
        Assert.Equal(count, dossiers.GetArrayLength());
        Assert.Equal(count, dossiers.EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).Distinct().Count());
    }
}
