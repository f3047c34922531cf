using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Dossiers;
using OneStop.Ui.Components;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Ui.Tests.Pages;

/// <summary>A file a resident attached online is listed on the desk before its content arrives, and opens like any other once it has.</summary>
public sealed class DossierAttachmentsArrivingTests
{
    private static readonly Guid Dossier = Guid.CreateVersion7();

    [Fact]
    public void Render_ContentStillComingFromHub_NamedWithoutLinkAndSaysItIsArriving_HeldOneHasItsDownloadLink()
    {
        var held = new DeskAttachment(Guid.CreateVersion7(), Dossier, "to-khai.pdf", "application/pdf", 40_000);
        var arriving = new DeskAttachment(Guid.CreateVersion7(), Dossier, "giay-chung-sinh.jpg", "image/jpeg", 300_000) { Held = false };
        using var context = DeskPageContext.Create(new FakeIntakeDesk(), DeskRoles.Staff, s => s.AddSingleton<IDeskAttachments>(new Listed([held, arriving])));

        var list = context.Render<DossierAttachments>(p => p.Add(c => c.DossierId, Dossier).Add(c => c.Status, DossierStatus.Draft).Add(c => c.Role, DeskRoles.Staff));

        var link = Assert.Single(list.FindAll("[data-testid=attachment-list] a"));
        Assert.Equal($"/dossiers/{Dossier}/attachments/{held.Id}", link.GetAttribute("href"));
        Assert.Equal("giay-chung-sinh.jpg", list.Find("[data-testid=attachment-arriving]").TextContent);
        Assert.Contains("Đang tải tệp về từ tỉnh", list.Find("[data-testid=attachment-list]").TextContent, StringComparison.Ordinal);
    }

    private sealed class Listed(IReadOnlyList<DeskAttachment> items) : IDeskAttachments
    {
        public long MaxBytes => 1024 * 1024;

        public Task<IReadOnlyList<DeskAttachment>> ListAsync(Guid dossierId, CancellationToken cancellationToken = default) => Task.FromResult(items);

        public Task<DeskAttachment> AddAsync(Guid dossierId, string fileName, string contentType, byte[] content, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<DeskAttachmentContent?> ReadAsync(Guid dossierId, Guid attachmentId, CancellationToken cancellationToken = default) => Task.FromResult<DeskAttachmentContent?>(null);
    }
}
