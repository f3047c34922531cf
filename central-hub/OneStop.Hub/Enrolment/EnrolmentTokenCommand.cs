using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using OneStop.Hub.AdminConsole;
using Spectre.Console;

namespace OneStop.Hub.Enrolment;

/// <summary>
/// <c>OneStop.Hub enrolment-token --node ID --commune CODE [--valid-for 72:00:00]</c>: a one-time token for a node,
/// for the admin who works from the hub's shell. Safe while the hub runs (the token goes into enrolment.db; the
/// audit into console.db). Settings as for the server (--Hub:DataDirectory=...).
/// </summary>
public static class EnrolmentTokenCommand
{
    public const string Verb = "enrolment-token";

    public static async Task<int> RunAsync(string[] args, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(args);
        var node = new Option<string>("--node") { Description = "Node id / Mã máy (e.g. node-sapa-01)", Required = true };
        var commune = new Option<string>("--commune") { Description = "Commune code / Mã xã (5 digits)", Required = true };
        var validFor = new Option<TimeSpan?>("--valid-for") { Description = "How long the token works / Thời hạn (default 72:00:00)" };
        var actor = new Option<string>("--as") { Description = "Who creates it, for the audit log", DefaultValueFactory = _ => Environment.UserName };
        var command = new RootCommand("Create a one-time enrolment token / Tạo mã đăng ký máy dùng một lần") { node, commune, validFor, actor };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = result.UnmatchedTokens.ToArray();
            try
            {
                var issued = await AnsiConsole.Status().StartAsync("Creating token / Đang tạo mã…", async _ =>
                {
                    var enrolment = await OpenAsync(settings, time, cancellationToken);
                    return await enrolment.CreateTokenAsync(
                        result.GetRequiredValue(node), result.GetRequiredValue(commune), result.GetValue(validFor), "cli:" + result.GetValue(actor), cancellationToken);
                });
                var table = new Table().AddColumns("", "");
                table.AddRow("Node / Máy", Markup.Escape(issued.NodeId));
                table.AddRow("Commune / Xã", Markup.Escape(issued.CommuneCode));
                table.AddRow("Expires / Hết hạn (UTC)", DateTimeOffset.FromUnixTimeMilliseconds(issued.ExpiresMs).ToString("u", CultureInfo.InvariantCulture));
                AnsiConsole.Write(table);
                AnsiConsole.MarkupLine("[bold]Token / Mã đăng ký[/] (one use / dùng một lần):");
                // On a line of its own and unstyled, so it can be copied or read by a script.
                Console.WriteLine(issued.Token);
                return 0;
            }
            catch (ArgumentException ex)
            {
                AnsiConsole.MarkupLine("[red]{0}[/]", Markup.Escape(ex.Message));
                return 2;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or System.Security.Cryptography.CryptographicException)
            {
                AnsiConsole.MarkupLine("[red]Không tạo được mã / Could not create the token:[/] {0}", Markup.Escape(ex.Message));
                return 1;
            }
        });
        return await command.Parse(args[1..]).InvokeAsync();
    }

    private static async Task<NodeEnrolment> OpenAsync(string[] settings, TimeProvider time, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(settings);
        builder.Services.AddOptions<HubOptions>().BindConfiguration(HubOptions.Section);
        builder.Services.AddOptions<NodeSecurityOptions>().BindConfiguration(NodeSecurityOptions.Section);
        using var host = builder.Build();
        var hub = host.Services.GetRequiredService<IOptions<HubOptions>>().Value;
        var security = host.Services.GetRequiredService<IOptions<NodeSecurityOptions>>().Value;
        var dataDirectory = Path.GetFullPath(hub.DataDirectory);
        var store = new EnrolmentStore(Path.Combine(dataDirectory, EnrolmentStore.FileName));
        await store.InitialiseAsync(cancellationToken);
        var console = ConsoleDatabase.For(hub, builder.Configuration.GetConnectionString("Hub"));
        await console.InitialiseAsync(cancellationToken);
        return new NodeEnrolment(
            IssuingAuthority.LoadOrCreate(dataDirectory, time.GetUtcNow()), store, new ConsoleAuditLog(console, time), Options.Create(security), time);
    }
}
