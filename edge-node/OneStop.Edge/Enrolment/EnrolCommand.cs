using System.CommandLine;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace OneStop.Edge.Enrolment;

/// <summary>
/// <c>onestop-edge enrol --hub https://hub:5090 --token SECRET.PIN [--commune 03006]</c>: enrols this node with the
/// token a province admin made, then exits; the service started afterwards syncs with the certificate.
/// Settings as for the node (--Edge:DataDirectory=...).
/// </summary>
public static class EnrolCommand
{
    public const string Verb = "enrol";

    public static bool IsCommand(string[] args) => args is [Verb, ..];

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var hub = new Option<string>("--hub") { Description = "Hub sync address / Địa chỉ máy chủ tỉnh (https://…:5090)", Required = true };
        var token = new Option<string>("--token") { Description = "Enrolment token / Mã đăng ký", Required = true };
        var commune = new Option<string?>("--commune") { Description = "Commune code / Mã xã (default: Edge:CommuneCode)" };
        var command = new RootCommand("Enrol this node with the province hub / Đăng ký máy với máy chủ tỉnh") { hub, token, commune };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            var builder = Host.CreateApplicationBuilder(result.UnmatchedTokens.ToArray());
            builder.Services.AddOptions<EdgeOptions>().BindConfiguration(EdgeOptions.Section);
            using var host = builder.Build();
            var edge = host.Services.GetRequiredService<IOptions<EdgeOptions>>().Value;
            var credentials = new NodeCredentials(edge.DataDirectory);
            var enroller = new NodeEnroller(credentials, TimeProvider.System);
            if (!Uri.TryCreate(result.GetRequiredValue(hub), UriKind.Absolute, out var hubUrl))
            {
                AnsiConsole.MarkupLine("[red]Địa chỉ máy chủ tỉnh không đúng / The hub address is not a URL:[/] {0}", Markup.Escape(result.GetRequiredValue(hub)));
                return 2;
            }

            try
            {
                var outcome = await AnsiConsole.Status().StartAsync("Enrolling / Đang đăng ký…", _ =>
                    enroller.EnrolAsync(hubUrl, result.GetRequiredValue(token), result.GetValue(commune) ?? edge.CommuneCode, cancellationToken));
                AnsiConsole.MarkupLine(
                    "[green]Đã đăng ký / Enrolled[/]: {0} · xã / commune {1} · chứng thư đến / certificate until {2:u}",
                    Markup.Escape(outcome.NodeId), Markup.Escape(outcome.CommuneCode), outcome.NotAfter);
                AnsiConsole.MarkupLine("{0}", Markup.Escape(credentials.FolderPath));
                return 0;
            }
            catch (EnrolmentFailedException ex)
            {
                AnsiConsole.MarkupLine("[red]Không đăng ký được / Enrolment failed:[/] {0}", Markup.Escape(ex.Message));
                return 1;
            }
        });
        return await command.Parse(args[1..]).InvokeAsync();
    }
}
