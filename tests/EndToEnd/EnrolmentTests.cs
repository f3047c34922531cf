using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace OneStop.EndToEnd.Tests;

/// <summary>
/// Enrolment as an admin does it, with real processes over loopback: the hub's CLI makes a token, the node's CLI
/// enrols with it, and the node then syncs over mutual TLS, renewing its certificate on its own.
/// </summary>
public sealed partial class EnrolmentTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Enrol_RealHubAndNode_SyncsOverMutualTlsAndRenewsBeforeExpiry()
    {
        await using var cluster = new SyncCluster();
        await cluster.StartHubAsync(CertificateHub(lifetime: "00:00:30"));
        var token = await CreateTokenAsync(cluster, cluster.Edge.NodeId);
        var hubUrl = $"https://127.0.0.1:{cluster.HubGrpcPort}";

        var (exit, output) = await CliProcess.RunAsync(Edge, "enrol", "--hub", hubUrl, "--token", token, $"--Edge:DataDirectory={cluster.Edge.DataDirectory}", $"--Edge:CommuneCode={SyncCluster.CommuneCode}");
        Assert.True(exit == 0, output);
        var nodeFile = Path.Combine(cluster.Edge.DataDirectory, "pki", "node.pem");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(nodeFile));
        }

        var first = Serial(nodeFile);

        await cluster.Edge.StartAsync(cluster.HubGrpcPort, SyncCluster.CommuneCode, new Dictionary<string, string>
        {
            ["Sync:HubUrl"] = hubUrl,
            ["Sync:NodeKey"] = string.Empty,
            ["Enrolment:RenewalCheckSeconds"] = "1",
        });
        var id = await cluster.CreateDossierAsync("Hờ A Chứ");
        Assert.Equal([id], await Eventually.WaitForAsync(cluster.HubDossierIdsAsync, list => list.Count > 0, Patience, cluster.Logs));

        // Two thirds into a 30 s life the node renews by itself; once the first certificate has ended, a new
        // dossier still reaches the hub, so the node is calling with the renewed one.
        var renewed = await Eventually.WaitForAsync(() => Task.FromResult(Serial(nodeFile)), serial => serial != first, Patience, cluster.Logs);
        Assert.NotEqual(first, renewed);
        var firstEnds = NotAfter(first, cluster);
        await Eventually.WaitForAsync(() => Task.FromResult(TimeProvider.System.GetUtcNow()), now => now > firstEnds, Patience, cluster.Logs);
        var later = await cluster.CreateDossierAsync("Lầu Thị Sua");
        var ids = await Eventually.WaitForAsync(cluster.HubDossierIdsAsync, list => list.Contains(later), Patience, cluster.Logs);
        Assert.Equal(2, ids.Count);
    }

    [Fact]
    public async Task Enrol_ReplayedOrExpiredToken_RefusedInBothLanguagesAndNothingWritten()
    {
        await using var cluster = new SyncCluster();
        await cluster.StartHubAsync(CertificateHub(lifetime: "90.00:00:00"));
        var hubUrl = $"https://127.0.0.1:{cluster.HubGrpcPort}";
        var token = await CreateTokenAsync(cluster, "node-e2e-first");
        var firstBox = Path.Combine(cluster.HubDataDirectory, "..", "box-first");
        var thief = Path.Combine(cluster.HubDataDirectory, "..", "box-thief");
        var late = Path.Combine(cluster.HubDataDirectory, "..", "box-late");
        var (ok, okOutput) = await CliProcess.RunAsync(Edge, "enrol", "--hub", hubUrl, "--token", token, "--commune", SyncCluster.CommuneCode, $"--Edge:DataDirectory={firstBox}");
        Assert.True(ok == 0, okOutput);

        var (replayed, replayOutput) = await CliProcess.RunAsync(Edge, "enrol", "--hub", hubUrl, "--token", token, "--commune", SyncCluster.CommuneCode, $"--Edge:DataDirectory={thief}");
        var expiredToken = await CreateTokenAsync(cluster, "node-e2e-late", validFor: "00:00:00.001");
        var (expired, expiredOutput) = await CliProcess.RunAsync(Edge, "enrol", "--hub", hubUrl, "--token", expiredToken, "--commune", SyncCluster.CommuneCode, $"--Edge:DataDirectory={late}");

        Assert.Equal(1, replayed);
        Assert.Contains("đã được dùng", replayOutput, StringComparison.Ordinal);
        Assert.Contains("already been used", replayOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(thief, "pki", "node.pem")));
        Assert.Equal(1, expired);
        Assert.Contains("hết hạn", expiredOutput, StringComparison.Ordinal);
        Assert.Contains("expired", expiredOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(late, "pki", "node.pem")));
    }

    private static string Hub => RepoPaths.HostDll("central-hub", "OneStop.Hub");

    private static string Edge => RepoPaths.HostDll("edge-node", "OneStop.Edge");

    /// <summary>The hub without the development switch: mutual TLS, certificates of the given life, no backdating.</summary>
    private static Dictionary<string, string> CertificateHub(string lifetime) => new()
    {
        ["NodeSecurity:DevelopmentSharedKeys"] = "false",
        ["NodeSecurity:CertificateLifetime"] = lifetime,
        ["NodeSecurity:ClockAllowance"] = "00:00:00",
    };

    private static async Task<string> CreateTokenAsync(SyncCluster cluster, string nodeId, string? validFor = null)
    {
        string[] args = ["enrolment-token", "--node", nodeId, "--commune", SyncCluster.CommuneCode, $"--Hub:DataDirectory={cluster.HubDataDirectory}"];
        var (exit, output) = await CliProcess.RunAsync(Hub, validFor is null ? args : [.. args, "--valid-for", validFor]);
        Assert.True(exit == 0, output);
        return TokenPattern().Match(output) is { Success: true } match ? match.Value : throw new Xunit.Sdk.XunitException("no token in: " + output);
    }

    private static string Serial(string nodeFile)
    {
        using var certificate = X509Certificate2.CreateFromPemFile(nodeFile);
        return certificate.SerialNumber;
    }

    private static DateTimeOffset NotAfter(string serial, SyncCluster cluster)
    {
        // The hub's record of what it issued, read the way an auditor would: straight from its file.
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(cluster.HubDataDirectory, "enrolment.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT not_after_ms FROM node_certificates WHERE serial = $serial";
        command.Parameters.AddWithValue("$serial", serial);
        return DateTimeOffset.FromUnixTimeMilliseconds((long)command.ExecuteScalar()!);
    }

    [GeneratedRegex("[A-Z2-7]{26}\\.[0-9a-f]{16}")]
    private static partial Regex TokenPattern();
}
