using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Nodes;
using OneStop.HubConsole.Localisation;
using OneStop.HubConsole.Pages;
using OneStop.HubConsole.Ports;
using OneStop.HubConsole.Security;

namespace OneStop.HubConsole.Tests;

public sealed class NodeSettingsPageTests : ConsoleTestContext
{
    private readonly FakeNodeSettings _settings = new();

    public NodeSettingsPageTests() => Services.AddSingleton<IConsoleNodeSettings>(_settings);

    [Fact]
    public void Admin_ChangesIntervalAndOffice_PortGetsTheTypedValuesAndPageSaysSaved()
    {
        AddAuthorization().SetAuthorized("qt.tinh").SetRoles(ConsoleRoles.Admin);
        var page = RenderInteractive<NodeSettingsPage>(p => p.Add(x => x.NodeId, "node-a"));
        Assert.Equal("Một cửa cũ", page.Find("[data-testid=ns-office_name]").GetAttribute("value"));

        page.Find("[data-testid=ns-office_name]").Change("Bộ phận Một cửa xã Bản Lầu");
        page.Find("[data-testid=ns-sync_interval_seconds]").Change("120");
        page.Find("[data-testid=ns-printer_profile]").Change("58mm");
        page.Find("[data-testid=nodesettings-form]").Submit();

        var (actor, nodeId, values) = Assert.Single(_settings.Saves);
        Assert.Equal(("qt.tinh", "node-a"), (actor, nodeId));
        Assert.Equal("Bộ phận Một cửa xã Bản Lầu", values[NodeConfigFields.OfficeName]);
        Assert.Equal("120", values[NodeConfigFields.SyncIntervalSeconds]);
        Assert.Equal("58mm", values[NodeConfigFields.PrinterProfile]);
        Assert.Contains("node-a", page.Find("[data-testid=nodesettings-message]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Admin_BadIntervalAndAddress_RefusedBeforeThePortWithWordsPerField()
    {
        AddAuthorization().SetAuthorized("qt.tinh").SetRoles(ConsoleRoles.Admin);
        var page = RenderInteractive<NodeSettingsPage>(p => p.Add(x => x.NodeId, "node-a"));

        page.Find("[data-testid=ns-sync_interval_seconds]").Change("99999");
        page.Find("[data-testid=ns-public_address]").Change("sapa.gov.vn");
        page.Find("[data-testid=nodesettings-form]").Submit();

        Assert.Empty(_settings.Saves);
        Assert.Equal(ConsoleText.Strings["nodesettings.error.sync_interval"].Vi, page.Find("[data-testid=ns-sync_interval_seconds-error]").TextContent);
        Assert.Equal(ConsoleText.Strings["nodesettings.error.address"].Vi, page.Find("[data-testid=ns-public_address-error]").TextContent);
        Assert.Equal("true", page.Find("[data-testid=ns-public_address]").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void Admin_HubRefusesAField_PageShowsTheHubsWord()
    {
        _settings.HubRefuses = new Dictionary<string, string> { [NodeConfigFields.BankAccount] = "nodesettings.error.bank_incomplete" };
        AddAuthorization().SetAuthorized("qt.tinh").SetRoles(ConsoleRoles.Admin);
        var page = RenderInteractive<NodeSettingsPage>(p => p.Add(x => x.NodeId, "node-a"));

        page.Find("[data-testid=nodesettings-form]").Submit();

        Assert.Single(_settings.Saves);
        Assert.Equal(ConsoleText.Strings["nodesettings.error.bank_incomplete"].Vi, page.Find("[data-testid=ns-bank_account-error]").TextContent);
    }

    [Fact]
    public void Viewer_SeesValuesButNoForm()
    {
        AddAuthorization().SetAuthorized("xem.tinh").SetRoles(ConsoleRoles.Viewer);

        var page = RenderInteractive<NodeSettingsPage>(p => p.Add(x => x.NodeId, "node-a"));

        Assert.Empty(page.FindAll("[data-testid=nodesettings-form]"));
        Assert.Contains("Một cửa cũ", page.Find("[data-testid=nodesettings-values]").TextContent, StringComparison.Ordinal);
        Assert.Equal("03006", page.Find("[data-testid=nodesettings-commune]").TextContent);
    }

    [Fact]
    public void Strings_EveryFieldAndRuleTheScreenBuilds_HasWords()
    {
        var keys = NodeConfigFields.All.Select(f => "nodesettings.field." + f)
            .Concat(new[]
            {
                NodeConfigRules.ErrorCommuneCode, NodeConfigRules.ErrorAddress, NodeConfigRules.ErrorBankBin, NodeConfigRules.ErrorBankAccount,
                NodeConfigRules.ErrorBankIncomplete, NodeConfigRules.ErrorPrinterProfile, NodeConfigRules.ErrorSyncInterval, NodeConfigRules.ErrorTooLong,
            }.Select(code => "nodesettings.error." + code));

        Assert.All(keys, key => Assert.True(ConsoleText.Strings.ContainsKey(key), key));
    }

    private sealed class FakeNodeSettings : IConsoleNodeSettings
    {
        public List<(string Actor, string NodeId, IReadOnlyDictionary<string, string?> Values)> Saves { get; } = [];

        public IReadOnlyDictionary<string, string>? HubRefuses { get; set; }

        public Task<NodeSettingsView?> ReadAsync(string nodeId, CancellationToken cancellationToken) =>
            Task.FromResult<NodeSettingsView?>(nodeId == "node-a"
                ? new NodeSettingsView(nodeId, "03006", new Dictionary<string, string?> { [NodeConfigFields.OfficeName] = "Một cửa cũ" })
                : null);

        public Task<NodeSettingsSave> SaveAsync(ClaimsPrincipal actor, string nodeId, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken)
        {
            Saves.Add((actor.Identity?.Name ?? "?", nodeId, values));
            return Task.FromResult(HubRefuses is { } errors ? new NodeSettingsSave(ConsoleResult.Refused("nodesettings.error.fields"), errors) : NodeSettingsSave.Saved);
        }
    }
}
