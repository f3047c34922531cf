using System.Text.Json;

namespace OneStop.EndToEnd.Tests;

/// <summary>
/// Boxes as the field treats them: reinstalled on a new card, restored from a backup, cloned from one card,
/// moved to new hardware. Each is done to real processes, and every dossier is counted at the hub.
/// </summary>
public sealed class IncarnationTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly string _machines = Directory.CreateTempSubdirectory("onestop-e2e-machines-").FullName;
    private readonly SyncCluster _cluster = new();
    private readonly List<EdgeNode> _clones = [];

    private EdgeNode Edge => _cluster.Edge;

    [Fact]
    public async Task Reinstall_WipedDataFolderKeepingIdentity_NewDossiersReachHubAndOldOnesComeBack()
    {
        await _cluster.StartHubAsync();
        var settings = OnMachine("box-a");
        await Edge.StartAsync(_cluster.HubGrpcPort, SyncCluster.CommuneCode, settings);
        var filed = await FileAsync(Edge, 30, "Trước khi hỏng thẻ");
        await HubHoldsAsync(filed);

        // The card dies; the box is reinstalled with the same identity and an empty data folder.
        await Edge.Process!.KillAsync();
        Directory.Delete(Edge.DataDirectory, recursive: true);
        await Edge.RestartAfterKillAsync(_cluster.HubGrpcPort, SyncCluster.CommuneCode, settings);
        await EdgeHoldsAsync(Edge, filed.Count);

        filed.UnionWith(await FileAsync(Edge, 5, "Sau khi cài lại"));

        await HubHoldsAsync(filed);
        var status = await BacklogEmptyAsync(Edge);
        Assert.Equal("rebuilt", status.GetProperty("incarnationNote").GetProperty("reason").GetString());
        var events = (await FleetAsync(Edge.NodeId)).GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["new_incarnation"], events);
    }

    [Fact]
    public async Task Restore_BackupTaken20DossiersBeforeLastSync_NoneLostNoneDoubled()
    {
        await _cluster.StartHubAsync();
        var settings = OnMachine("box-a");
        await Edge.StartAsync(_cluster.HubGrpcPort, SyncCluster.CommuneCode, settings);
        var filed = await FileAsync(Edge, 5, "Trước sao lưu");
        await HubHoldsAsync(filed);
        await BacklogEmptyAsync(Edge);

        // The backup is a copy of the data folder taken while the node is stopped.
        await Edge.Process!.KillAsync();
        var backup = Edge.DataDirectory + "-backup";
        CopyFolder(Edge.DataDirectory, backup);
        await Edge.RestartAfterKillAsync(_cluster.HubGrpcPort, SyncCluster.CommuneCode, settings);
        filed.UnionWith(await FileAsync(Edge, 20, "Sau sao lưu"));
        await HubHoldsAsync(filed);

        await Edge.Process!.KillAsync();
        Directory.Delete(Edge.DataDirectory, recursive: true);
        CopyFolder(backup, Edge.DataDirectory);
        await Edge.RestartAfterKillAsync(_cluster.HubGrpcPort, SyncCluster.CommuneCode, settings);
        filed.UnionWith(await FileAsync(Edge, 3, "Sau khôi phục"));

        await HubHoldsAsync(filed);
        await EdgeHoldsAsync(Edge, filed.Count);
        var status = await BacklogEmptyAsync(Edge);
        Assert.Equal("regressed", status.GetProperty("incarnationNote").GetProperty("reason").GetString());
        Assert.Contains(EventKinds(await FleetAsync(Edge.NodeId)), k => k == "regressed");
    }

    [Fact]
    public async Task Reinstall_TwiceTheSecondTimeWhileHubIsDown_EveryDossierReachesHub()
    {
        await _cluster.StartHubAsync();
        var settings = OnMachine("box-a");
        await Edge.StartAsync(_cluster.HubGrpcPort, SyncCluster.CommuneCode, settings);
        var filed = await FileAsync(Edge, 3, "Lần đầu");
        await HubHoldsAsync(filed);

        await ReinstallAsync(Edge, settings);
        filed.UnionWith(await FileAsync(Edge, 3, "Cài lại lần một"));
        await HubHoldsAsync(filed);

        await _cluster.StopHubAsync();
        await ReinstallAsync(Edge, settings);
        filed.UnionWith(await FileAsync(Edge, 3, "Cài lại lần hai"));
        await _cluster.StartHubAsync();

        await HubHoldsAsync(filed);
        await EdgeHoldsAsync(Edge, filed.Count);
        await BacklogEmptyAsync(Edge);
        var fleet = await FleetAsync(Edge.NodeId);
        Assert.Equal(3, fleet.GetProperty("incarnations").GetArrayLength());
        Assert.False(fleet.GetProperty("inUseOnTwoMachines").GetBoolean());
    }

    [Fact]
    public async Task Clone_TwoBoxesFromOneCard_AllDossiersReachHubAndIdentityFlagged()
    {
        await _cluster.StartHubAsync();
        await Edge.StartAsync(_cluster.HubGrpcPort, SyncCluster.CommuneCode, OnMachine("box-a"));
        var filed = await FileAsync(Edge, 5, "Trước khi sao thẻ");
        await HubHoldsAsync(filed);

        await Edge.Process!.KillAsync();
        var clone = CloneOf(Edge);
        await Edge.RestartAfterKillAsync(_cluster.HubGrpcPort, SyncCluster.CommuneCode, OnMachine("box-a"));
        await clone.StartAsync(_cluster.HubGrpcPort, SyncCluster.CommuneCode, OnMachine("box-b"));
        filed.UnionWith(await FileAsync(Edge, 5, "Máy gốc"));
        filed.UnionWith(await FileAsync(clone, 5, "Máy sao"));

        await HubHoldsAsync(filed);
        await BacklogEmptyAsync(Edge);
        var cloneStatus = await BacklogEmptyAsync(clone);
        Assert.Equal("moved", cloneStatus.GetProperty("incarnationNote").GetProperty("reason").GetString());
        await Eventually.WaitForAsync(() => FleetAsync(Edge.NodeId), f => f.GetProperty("inUseOnTwoMachines").GetBoolean(), Patience, Logs);
    }

    /// <summary>
    /// The clone's /etc/machine-id was cloned too, so the boxes cannot tell themselves apart: the hub's digest
    /// check catches whichever returns second, and that box re-incarnates with everything it filed.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Clone_BothBoxesOfflineThenBackInEitherOrder_NothingLost(bool originalFirst)
    {
        await _cluster.StartHubAsync();
        var sameMachine = OnMachine("cloned-machine-id");
        await Edge.StartAsync(_cluster.HubGrpcPort, SyncCluster.CommuneCode, sameMachine);
        var filed = await FileAsync(Edge, 3, "Trước khi sao thẻ");
        await HubHoldsAsync(filed);

        await _cluster.StopHubAsync();
        await Edge.Process!.KillAsync();
        var clone = CloneOf(Edge);
        await Edge.RestartAfterKillAsync(_cluster.HubGrpcPort, SyncCluster.CommuneCode, sameMachine);
        await clone.StartAsync(_cluster.HubGrpcPort, SyncCluster.CommuneCode, sameMachine);
        filed.UnionWith(await FileAsync(Edge, 3, "Máy gốc khi mất mạng"));
        filed.UnionWith(await FileAsync(clone, 3, "Máy sao khi mất mạng"));
        var (first, second) = originalFirst ? (Edge, clone) : (clone, Edge);
        await second.Process!.KillAsync();

        await _cluster.StartHubAsync();
        await Eventually.WaitForAsync(_cluster.HubDossierIdsAsync, ids => ids.Count >= filed.Count - 3, Patience, Logs);
        await second.RestartAfterKillAsync(_cluster.HubGrpcPort, SyncCluster.CommuneCode, sameMachine);

        await HubHoldsAsync(filed);
        await BacklogEmptyAsync(first);
        var status = await BacklogEmptyAsync(second);
        Assert.Equal("clash", status.GetProperty("incarnationNote").GetProperty("reason").GetString());
        Assert.True((await FleetAsync(Edge.NodeId)).GetProperty("inUseOnTwoMachines").GetBoolean());
    }

    [Fact]
    public async Task Move_OneBoxToNewHardware_RecoversByItselfWithoutTwoMachineFlag()
    {
        await _cluster.StartHubAsync();
        await Edge.StartAsync(_cluster.HubGrpcPort, SyncCluster.CommuneCode, OnMachine("old-board"));
        var filed = await FileAsync(Edge, 3, "Máy cũ");
        await HubHoldsAsync(filed);

        await Edge.RestartAfterKillAsync(_cluster.HubGrpcPort, SyncCluster.CommuneCode, OnMachine("new-board"));
        filed.UnionWith(await FileAsync(Edge, 3, "Máy mới"));

        await HubHoldsAsync(filed);
        var status = await BacklogEmptyAsync(Edge);
        Assert.Equal("moved", status.GetProperty("incarnationNote").GetProperty("reason").GetString());
        var fleet = await FleetAsync(Edge.NodeId);
        Assert.False(fleet.GetProperty("inUseOnTwoMachines").GetBoolean());
        Assert.Contains("another machine", fleet.GetProperty("events")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // IAsyncLifetime, not IAsyncDisposable: xunit 2 never called the latter, so every run left this test's hub and
    // nodes running and its folders behind.
    public async Task DisposeAsync()
    {
        foreach (var clone in _clones)
        {
            if (clone.Process is not null)
            {
                await clone.Process.DisposeAsync();
            }

            clone.Http.Dispose();
        }

        await _cluster.DisposeAsync();
        Directory.Delete(_machines, recursive: true);
    }

    /// <summary>Settings that make the node read its machine identity from a file naming <paramref name="machine"/>.</summary>
    private Dictionary<string, string> OnMachine(string machine)
    {
        var file = Path.Combine(_machines, machine);
        File.WriteAllText(file, machine);
        return new Dictionary<string, string> { ["Edge:MachineIdentityFile"] = file };
    }

    /// <summary>A second box made from a copy of <paramref name="original"/>'s card: same identity, key and store.</summary>
    private EdgeNode CloneOf(EdgeNode original)
    {
        var clone = new EdgeNode(original.NodeId, original.Key, original.DataDirectory + "-clone");
        CopyFolder(original.DataDirectory, clone.DataDirectory);
        _clones.Add(clone);
        return clone;
    }

    private async Task ReinstallAsync(EdgeNode edge, Dictionary<string, string> settings)
    {
        await edge.Process!.KillAsync();
        Directory.Delete(edge.DataDirectory, recursive: true);
        await edge.RestartAfterKillAsync(_cluster.HubGrpcPort, SyncCluster.CommuneCode, settings);
    }

    private static async Task<HashSet<Guid>> FileAsync(EdgeNode edge, int count, string applicant)
    {
        var ids = new HashSet<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await edge.CreateDossierAsync($"{applicant} {i:D2}"));
        }

        return ids;
    }

    /// <summary>Waits until the hub holds exactly the dossiers filed: none missing, none extra.</summary>
    private async Task HubHoldsAsync(HashSet<Guid> filed)
    {
        var ids = await Eventually.WaitForAsync(_cluster.HubDossierIdsAsync, ids => ids.Count >= filed.Count, Patience, Logs);
        Assert.Equal(filed.Count, ids.Count);
        Assert.True(filed.SetEquals(ids), "the hub holds exactly the dossiers the boxes filed");
    }

    private async Task EdgeHoldsAsync(EdgeNode edge, int count)
    {
        var dossiers = await Eventually.WaitForAsync(() => edge.GetJsonAsync("/api/dossiers"), d => d.GetArrayLength() >= count, Patience, Logs);
        Assert.Equal(count, dossiers.GetArrayLength());
    }

    private Task<JsonElement> BacklogEmptyAsync(EdgeNode edge) =>
        Eventually.WaitForAsync(() => edge.GetJsonAsync("/api/status"), s => s.GetProperty("backlog").GetInt64() == 0 && s.GetProperty("lastError").ValueKind == JsonValueKind.Null, Patience, Logs);

    private async Task<JsonElement> FleetAsync(string nodeId)
    {
        var nodes = await _cluster.HubJsonAsync("/api/nodes");
        return nodes.EnumerateArray().Single(n => n.GetProperty("nodeId").GetString() == nodeId).GetProperty("incarnations");
    }

    private static IEnumerable<string?> EventKinds(JsonElement fleet) => fleet.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString());

    private string Logs() => _cluster.Logs() + string.Join('\n', _clones.Select(c => $"--- clone of {c.NodeId} ---\n{c.Process?.Output}"));

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
