using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using OneStop.Core.Audit;
using OneStop.Core.Nodes;
using OneStop.Edge.Accounts;
using OneStop.Edge.Audit;
using OneStop.Edge.Nodes;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Edge.Ui;

/// <summary>The setup and settings pages' door to the node's settings record; the commune admin only.</summary>
public sealed class EdgeDeskNodeSettings(
    EdgeNodeSettings settings,
    EdgeStaffAccountWriter accounts,
    AuthenticationStateProvider authentication,
    NavigationManager navigation,
    IOptions<EdgeOptions> edgeOptions,
    IOptions<EdgeUiOptions> uiOptions,
    Audit.EdgeAuditLog? audit = null) : IDeskNodeSettings
{
    public CommuneList Communes => settings.Communes;

    public async Task<DeskNodeSettings> ReadAsync(CancellationToken cancellationToken = default)
    {
        await authentication.RequireAsync(DeskAction.ManageSettings);
        var (values, completed) = await settings.ReadAsync(cancellationToken);
        Uri? reachedAt = null;
        try
        {
            reachedAt = new Uri(navigation.BaseUri);
        }
        catch (InvalidOperationException)
        {
            // Outside a circuit (no navigation yet): the machine's own address will do.
        }

        // Enrolment is optional and recorded by the enrolment pages; until one exists the node reads "not enrolled".
        // A node whose admin password was configured by file was set up by file: only the generated first password
        // sends the admin to the setup page.
        var setUp = completed || !string.IsNullOrWhiteSpace(uiOptions.Value.AdminPasswordHash);
        return new DeskNodeSettings(values, setUp, edgeOptions.Value.NodeId, edgeOptions.Value.CommuneCode, Enrolled: false, EdgeNodeSettings.LanAddress(reachedAt));
    }

    public async Task<IReadOnlyDictionary<string, string>> SaveAsync(IReadOnlyDictionary<string, string?> values, bool completeSetup, string? newAdminPassword, CancellationToken cancellationToken = default)
    {
        var user = await authentication.RequireAsync(DeskAction.ManageSettings);
        if (completeSetup)
        {
            // The generated first password was written to a file; setup ends it with one the admin chose.
            var check = NodeConfigRules.Validate(values);
            if (check.Count > 0)
            {
                return Keys(check);
            }

            var adminName = user.Identity?.Name ?? uiOptions.Value.AdminUser;
            if (await accounts.SetPasswordAsync(adminName, newAdminPassword ?? string.Empty, cancellationToken, createAs: DeskRoles.CommuneAdmin) is { } refusal)
            {
                return new Dictionary<string, string>(StringComparer.Ordinal) { ["admin_password"] = EdgeDeskStaffAccounts.Key(refusal) };
            }
        }

        var errors = Keys(await settings.WriteAsync(values, completeSetup, cancellationToken));
        await audit.RecordAsync(user, AuditActions.Admin, "settings", (completeSetup ? "setup completed" : "saved") + (errors.Count == 0 ? string.Empty : " refused"), cancellationToken);
        return errors;
    }

    private static Dictionary<string, string> Keys(IReadOnlyDictionary<string, string> errors) =>
        errors.ToDictionary(e => e.Key, e => "settings.error." + e.Value, StringComparer.Ordinal);
}
