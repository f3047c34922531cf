using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Slips;
using OneStop.Ui.Localisation;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Ui.Tests.Pages;

/// <summary>A bunit context with the desk's services: the fake intake port, idle devices and attachments, a fixed clock.</summary>
internal static class DeskPageContext
{
    // A Tuesday in Vietnam, mid-morning: dates in the forms are checked against it.
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    /// <param name="desk">The intake port.</param>
    /// <param name="role">The signed-in person's role.</param>
    /// <param name="services">More services, added after the defaults (so they replace them) and before the context hands out any (bunit refuses them later).</param>
    public static BunitContext Create(FakeIntakeDesk desk, string role, Action<IServiceCollection>? services = null)
    {
        var context = new BunitContext();
        context.Services.AddSingleton<Loc>();
        context.Services.AddSingleton<IIntakeDesk>(desk);
        context.Services.AddSingleton<IDeskDevices>(new IdleDevices());
        context.Services.AddSingleton(new FakeIdCard());
        context.Services.AddSingleton<IDeskIdCard>(sp => sp.GetRequiredService<FakeIdCard>());
        context.Services.AddSingleton(new FakeEnrolment());
        context.Services.AddSingleton<IDeskEnrolment>(sp => sp.GetRequiredService<FakeEnrolment>());
        context.Services.AddSingleton<IDeskAttachments>(new NoAttachments());
        context.Services.AddSingleton<IDeskResults>(new NoResults());
        context.Services.AddSingleton(new FakeDossierSearch());
        context.Services.AddSingleton<IDeskDossierSearch>(sp => sp.GetRequiredService<FakeDossierSearch>());
        context.Services.AddSingleton(new FakeDossierEdits(desk));
        context.Services.AddSingleton<IDeskDossierEdits>(sp => sp.GetRequiredService<FakeDossierEdits>());
        context.Services.AddSingleton(new FakeConflicts());
        context.Services.AddSingleton<IDeskConflicts>(sp => sp.GetRequiredService<FakeConflicts>());
        context.Services.AddSingleton(new FakeDeskFeedback());
        context.Services.AddSingleton<IDeskFeedback>(sp => sp.GetRequiredService<FakeDeskFeedback>());
        context.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        context.AddTrustedClock(Now);
        services?.Invoke(context.Services);
        var authorization = context.AddAuthorization();
        authorization.SetAuthorized(role == DeskRoles.Volunteer ? "tnv" : "canbo");
        authorization.SetRoles(role);
        context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return context;
    }

    private sealed class IdleDevices : IDeskDevices
    {
        public Task<IReadOnlyList<DeskDeviceStatus>> ListAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<DeskDeviceStatus>>([]);

        public Task<DeskPrintResult> PrintSlipAsync(Guid dossierId, string statusUrl, CancellationToken cancellationToken = default) => Task.FromResult(new DeskPrintResult(true, null));

        public Task<bool> SimulateAsync(DeviceSimulation action, string? value, CancellationToken cancellationToken = default) => Task.FromResult(false);

        public Task<string?> ReadLastScanAsync(CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);
    }

    private sealed class NoAttachments : IDeskAttachments
    {
        public long MaxBytes => 1024;

        public Task<IReadOnlyList<DeskAttachment>> ListAsync(Guid dossierId, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<DeskAttachment>>([]);

        public Task<DeskAttachment> AddAsync(Guid dossierId, string fileName, string contentType, byte[] content, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<DeskAttachmentContent?> ReadAsync(Guid dossierId, Guid attachmentId, CancellationToken cancellationToken = default) => Task.FromResult<DeskAttachmentContent?>(null);
    }

    /// <summary>No result issued yet: the dossier page's result panel offers to issue one (its own tests are the edge's).</summary>
    private sealed class NoResults : IDeskResults
    {
        public Task<DeskResult?> FindAsync(Guid dossierId, CancellationToken cancellationToken = default) => Task.FromResult<DeskResult?>(null);

        public Task<DeskResult> IssueAsync(Guid dossierId, string fileName, string contentType, byte[] content, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<ResultVerification> VerifyAsync(string scanned, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
