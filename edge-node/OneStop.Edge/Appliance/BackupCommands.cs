using System.CommandLine;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace OneStop.Edge.Appliance;

/// <summary>
/// <c>onestop-edge backup /media/usb/node.osbk</c> (the node may keep running) and
/// <c>onestop-edge restore /media/usb/node.osbk</c> (onto a stopped node with an empty data folder). The passphrase
/// comes from <c>--passphrase-file</c> or <c>ONESTOP_BACKUP_PASSPHRASE</c>, never from the command line, where every
/// user of the box could read it in the process list. Settings as for the node (--Edge:DataDirectory=...).
/// </summary>
public static class BackupCommands
{
    public const string Backup = "backup";
    public const string Restore = "restore";
    public const string PassphraseVariable = "ONESTOP_BACKUP_PASSPHRASE";

    public static bool IsCommand(string[] args) => args is [Backup or Restore, ..];

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var file = new Argument<string>("file") { Description = "Backup file, e.g. on a USB stick / Tệp sao lưu, ví dụ trên USB" };
        var passphraseFile = new Option<string?>("--passphrase-file") { Description = $"File holding the passphrase (else ${PassphraseVariable}) / Tệp chứa mật khẩu sao lưu" };
        var restoring = args[0] == Restore;
        var command = new RootCommand(restoring
            ? "Restore this node from a backup / Khôi phục máy từ bản sao lưu"
            : "Back up this node, encrypted / Sao lưu máy (mã hoá)") { file, passphraseFile };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            var builder = Host.CreateApplicationBuilder(result.UnmatchedTokens.ToArray());
            builder.Services.AddOptions<EdgeOptions>().BindConfiguration(EdgeOptions.Section);
            using var host = builder.Build();
            var edge = host.Services.GetRequiredService<IOptions<EdgeOptions>>().Value;
            var passphrase = ReadPassphrase(result.GetValue(passphraseFile));
            if (passphrase is null)
            {
                await Console.Error.WriteLineAsync($"Thiếu mật khẩu sao lưu / No backup passphrase: --passphrase-file or {PassphraseVariable}");
                return 2;
            }

            try
            {
                var path = result.GetRequiredValue(file);
                var manifest = restoring
                    ? await AnsiConsole.Status().StartAsync("Restoring / Đang khôi phục…", _ => NodeBackup.RestoreAsync(path, edge.DataDirectory, passphrase, cancellationToken))
                    : await AnsiConsole.Status().StartAsync("Backing up / Đang sao lưu…", _ => NodeBackup.CreateAsync(edge.DataDirectory, edge.NodeId, path, passphrase, TimeProvider.System, cancellationToken));
                AnsiConsole.MarkupLine(
                    "[green]{0}[/]: {1} · máy / node {2} · {3} hồ sơ / dossiers · sao lưu lúc / taken {4:u}",
                    restoring ? "Đã khôi phục / Restored" : "Đã sao lưu / Backed up",
                    Markup.Escape(Path.GetFullPath(restoring ? edge.DataDirectory : path)), Markup.Escape(manifest.NodeId), manifest.Dossiers, manifest.CreatedAt);
                if (restoring)
                {
                    AnsiConsole.MarkupLine("Khởi động dịch vụ: máy tự lấy lại từ máy chủ tỉnh những hồ sơ nộp sau lần sao lưu / Start the service: the node pulls back from the hub what was filed after the backup.");
                }

                return 0;
            }
            catch (BackupRefusedException ex)
            {
                // Errors go to stderr whole: Spectre would wrap a long path across lines.
                await Console.Error.WriteLineAsync(ex.Message);
                return 1;
            }
            catch (IOException ex)
            {
                await Console.Error.WriteLineAsync("Lỗi đọc/ghi tệp / File error: " + ex.Message);
                return 1;
            }
        });
        return await command.Parse(args[1..]).InvokeAsync();
    }

    private static string? ReadPassphrase(string? file) =>
        file is not null ? File.ReadAllText(file).TrimEnd('\r', '\n') : Environment.GetEnvironmentVariable(PassphraseVariable);
}
