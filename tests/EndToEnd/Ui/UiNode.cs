using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace OneStop.EndToEnd.Tests.Ui;

/// <summary>An edge node with no hub, its data in a temp folder, and three accounts: admin, staff, volunteer.</summary>
internal sealed class UiNode : IAsyncDisposable
{
    public const string AdminPassword = "quan-tri-xa-1";
    public const string StaffPassword = "can-bo-mot-cua";
    public const string VolunteerPassword = "tinh-nguyen-vien";

    private readonly string _root = Directory.CreateTempSubdirectory("onestop-ui-").FullName;
    private readonly int _port = HostProcess.FreePort();

    public HostProcess? Process { get; private set; }

    public Uri BaseUrl => new($"http://127.0.0.1:{_port}/");

    public string DataDirectory => Path.Combine(_root, "edge");

    public const string ApiKey = "ui-e2e-api-key";

    public const long MaxAttachmentBytes = 256 * 1024;

    /// <summary>The test's own view of the node's data, through the HTTP API with the node's API key.</summary>
    public HttpClient Http { get; } = CreateClient();

    public async Task StartAsync()
    {
        var hasher = new PasswordHasher<string>();
        Process = await HostProcess.StartAsync(RepoPaths.HostDll("edge-node", "OneStop.Edge"), new Dictionary<string, string>
        {
            ["Urls"] = BaseUrl.ToString().TrimEnd('/'),
            ["Edge:NodeId"] = "node-ui-e2e",
            ["Edge:CommuneCode"] = "03006",
            ["Edge:DataDirectory"] = DataDirectory,
            ["Edge:Ui:AdminUser"] = "admin",
            ["Edge:Ui:AdminPasswordHash"] = hasher.HashPassword("admin", AdminPassword),
            ["Edge:Ui:Accounts:0:UserName"] = "canbo",
            ["Edge:Ui:Accounts:0:DisplayName"] = "Lò Thị Mai",
            ["Edge:Ui:Accounts:0:Role"] = "staff",
            ["Edge:Ui:Accounts:0:PasswordHash"] = hasher.HashPassword("canbo", StaffPassword),
            ["Edge:Ui:Accounts:1:UserName"] = "tnv",
            ["Edge:Ui:Accounts:1:DisplayName"] = "Giàng A Páo",
            ["Edge:Ui:Accounts:1:Role"] = "volunteer",
            ["Edge:Ui:Accounts:1:PasswordHash"] = hasher.HashPassword("tnv", VolunteerPassword),
            ["Edge:Ui:BankBin"] = "970405",
            ["Edge:Ui:BankAccount"] = "1234567890123",
            ["Edge:Ui:BankAccountName"] = "UBND XA SA PA",
            ["Sync:IntervalSeconds"] = "60",
            ["Sync:IdleMaxIntervalSeconds"] = "60",
            ["Edge:ApiKey"] = ApiKey,
            // Small, so a test can send a file over the limit without pushing megabytes through the browser.
            ["Edge:MaxAttachmentBytes"] = MaxAttachmentBytes.ToString(CultureInfo.InvariantCulture),
        });
    }

    private static HttpClient CreateClient()
    {
        var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-OneStop-Api-Key", ApiKey);
        return client;
    }

    /// <summary>SIGKILL then start on the same port and data: what a power cut and a reboot do.</summary>
    public async Task RestartAsync()
    {
        await Process!.KillAsync();
        await Process.DisposeAsync();
        await StartAsync();
    }

    public static string IsoDaysAgo(int days) =>
        DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime).AddDays(-days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        if (Process is not null)
        {
            await Process.DisposeAsync();
        }

        Http.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process: the temp folder is cleaned by the OS later.
        }
    }
}
