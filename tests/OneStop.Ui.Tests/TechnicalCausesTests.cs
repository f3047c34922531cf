using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Ui.Layout;
using OneStop.Ui.Localisation;
using OneStop.Ui.Ports;
using OneStop.Ui.Tests.Pages;

namespace OneStop.Ui.Tests;

public sealed class TechnicalCausesTests
{
    [Theory]
    [InlineData("Unavailable: The connection to http://127.0.0.1:5090/ failed: Connection refused", "cause.sync.refused")]
    [InlineData("The operation has timed out.", "cause.sync.timeout")]
    [InlineData("Name or service not known (hub.tinh.gov.vn:443)", "cause.sync.dns")]
    [InlineData("Response status code does not indicate success: 401 (Unauthorized).", "cause.sync.auth")]
    [InlineData("something nobody foresaw", "cause.sync.other")]
    public void SyncKey_TechnicalText_MapsToWordsForTheClerk(string error, string expected) =>
        Assert.Equal(expected, TechnicalCauses.SyncKey(error));

    [Theory]
    [InlineData("paper out", "cause.device.paper_out")]
    [InlineData("cover open", "cause.device.cover_open")]
    [InlineData("printer offline", "cause.device.offline")]
    [InlineData("checksum mismatch on frame 3", "cause.device.other")]
    public void DeviceKey_DriverFault_MapsToWordsForTheClerk(string fault, string expected) =>
        Assert.Equal(expected, TechnicalCauses.DeviceKey(fault));

    [Fact]
    public void SyncBar_OfflineWithSocketError_ShowsVietnameseCauseNotTheSocketText()
    {
        using var context = new BunitContext();
        context.Services.AddSingleton<Loc>();
        context.Services.AddSingleton<ISyncBarSource>(new RefusedSource());
        context.AddTrustedClock(DateTimeOffset.UnixEpoch);
        context.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var bar = context.Render<SyncBar>();

        var error = bar.Find("[data-testid=sync-error]").TextContent;
        Assert.Contains("Máy chủ tỉnh không trả lời", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Connection refused", error, StringComparison.Ordinal);
    }

    private sealed class RefusedSource : ISyncBarSource
    {
        public Task<SyncBarState> ReadAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(new SyncBarState(SyncLink.Offline, 1, null, "The connection to http://127.0.0.1:5090/ failed: Connection refused", null, 0, 0));

        public void RequestSync()
        {
        }
    }
}
