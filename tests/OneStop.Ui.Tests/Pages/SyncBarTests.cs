using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Ui.Layout;
using OneStop.Ui.Localisation;
using OneStop.Ui.Ports;

namespace OneStop.Ui.Tests.Pages;

public sealed class SyncBarTests
{
    [Fact]
    public void Render_InCircuitAndBacklogGrows_ShowsNewCountWithoutReload()
    {
        var source = new CountingSource();
        using var context = new BunitContext();
        context.Services.AddSingleton<Loc>();
        context.Services.AddSingleton<ISyncBarSource>(source);
        context.AddTrustedClock(DateTimeOffset.UnixEpoch);
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var bar = context.Render<SyncBar>();
        Assert.Equal("Chờ gửi: 0", bar.Find("[data-testid=sync-backlog]").TextContent);

        source.Backlog = 3;

        bar.WaitForAssertion(() => Assert.Equal("Chờ gửi: 3", bar.Find("[data-testid=sync-backlog]").TextContent), SyncBar.RefreshEvery * 5);
    }

    [Fact]
    public void SyncNow_Clicked_AsksTheAgent()
    {
        var source = new CountingSource();
        using var context = new BunitContext();
        context.Services.AddSingleton<Loc>();
        context.Services.AddSingleton<ISyncBarSource>(source);
        context.AddTrustedClock(DateTimeOffset.UnixEpoch);
        context.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var bar = context.Render<SyncBar>();

        bar.Find("[data-testid=sync-now]").Click();

        Assert.Equal(1, source.Requests);
        Assert.NotNull(bar.Find("[data-testid=sync-requested]"));
    }

    [Theory]
    [InlineData(0, null, null)]
    [InlineData(2, null, "Chờ tải về 2 tệp đính kèm của hồ sơ nộp trực tuyến.")]
    [InlineData(1, "attachment 1: the content from the hub does not match its SHA-256", "Chưa tải được 1 tệp đính kèm của hồ sơ nộp trực tuyến; máy sẽ tự thử lại.")]
    public void Render_OnlineFilingsAttachmentsWaiting_SaidInVietnameseWithCauseAsTooltip(int waiting, string? error, string? expected)
    {
        var source = new CountingSource { FetchesWaiting = waiting, FetchError = error };
        using var context = new BunitContext();
        context.Services.AddSingleton<Loc>();
        context.Services.AddSingleton<ISyncBarSource>(source);
        context.AddTrustedClock(DateTimeOffset.UnixEpoch);
        context.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var bar = context.Render<SyncBar>();

        var shown = bar.FindAll("[data-testid=sync-fetching]");
        if (expected is null)
        {
            Assert.Empty(shown);
            return;
        }

        Assert.Equal(expected, Assert.Single(shown).TextContent);
        Assert.Equal(error ?? string.Empty, shown[0].GetAttribute("title") ?? string.Empty);
    }

    private sealed class CountingSource : ISyncBarSource
    {
        public volatile int Backlog;

        public int FetchesWaiting { get; init; }

        public string? FetchError { get; init; }

        public int Requests { get; private set; }

        public Task<SyncBarState> ReadAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(new SyncBarState(SyncLink.Offline, Backlog, null, null, null, 0, 0) { FetchesWaiting = FetchesWaiting, FetchError = FetchError });

        public void RequestSync() => Requests++;
    }
}
