using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Fleet;
using OneStop.HubConsole.Pages;
using OneStop.HubConsole.Ports;
using static OneStop.HubConsole.Tests.FakeFleet;

namespace OneStop.HubConsole.Tests;

public sealed class FleetPageTests : ConsoleTestContext
{
    public FleetPageTests()
    {
        Services.AddSingleton<IConsoleFleet>(new FakeFleet(
            Node("node-sapa-01", "03006", NodeHealthState.Ok),
            Node("node-batxat-01", "03445", NodeHealthState.Silent),
            Node("node-muongkhuong-01", "03445", NodeHealthState.Stuck, refusal: "record too large")));
    }

    [Fact]
    public void Render_ThreeNodes_RowPerNodeWithItsStateAndCounts()
    {
        var page = RenderInteractive<FleetPage>();

        var rows = page.FindAll("[data-testid=node-row]");
        Assert.Equal(["node-sapa-01", "node-batxat-01", "node-muongkhuong-01"], rows.Select(r => r.GetAttribute("data-node")));
        Assert.Equal(["ok", "silent", "stuck"], rows.Select(r => r.GetAttribute("data-state")));
        Assert.Equal("1", page.Find("[data-testid=count-silent]").TextContent);
        Assert.Contains("record too large", rows[2].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void StateFilter_Silent_OnlyTheSilentNode()
    {
        var page = RenderInteractive<FleetPage>();

        page.Find("[data-testid=filter-state]").Change("silent");

        var row = Assert.Single(page.FindAll("[data-testid=node-row]"));
        Assert.Equal("node-batxat-01", row.GetAttribute("data-node"));
    }

    [Fact]
    public void CommuneFilter_NoMatch_SaysSo()
    {
        var page = RenderInteractive<FleetPage>();

        page.Find("[data-testid=filter-commune]").Input("99");

        Assert.Empty(page.FindAll("[data-testid=node-row]"));
        Assert.NotNull(page.Find("[data-testid=fleet-empty]"));
    }
}
