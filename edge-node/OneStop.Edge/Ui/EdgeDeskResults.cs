using Microsoft.AspNetCore.Components.Authorization;
using OneStop.Core.Audit;
using OneStop.Core.Forms;
using OneStop.Core.Slips;
using OneStop.Edge.Audit;
using OneStop.Edge.DigitalResults;
using OneStop.Edge.Dossiers;
using OneStop.Edge.Store;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Edge.Ui;

/// <summary>The result port over <see cref="ResultService"/>; issuing is for those who may change a dossier's status.</summary>
public sealed class EdgeDeskResults(ResultService results, EdgeStore store, AuthenticationStateProvider authentication, Audit.EdgeAuditLog? audit = null) : IDeskResults
{
    public async Task<DeskResult?> FindAsync(Guid dossierId, CancellationToken cancellationToken = default)
    {
        await authentication.RequireAsync(DeskAction.ReadDossiers);
        return await results.FindAsync(dossierId, cancellationToken) is { } found ? Map(found) : null;
    }

    public async Task<DeskResult> IssueAsync(Guid dossierId, string fileName, string contentType, byte[] content, CancellationToken cancellationToken = default)
    {
        var user = await authentication.RequireAsync(DeskAction.ChangeStatus);
        try
        {
            var issued = Map(await results.IssueAsync(dossierId, fileName, contentType, content, cancellationToken));
            await audit.RecordAsync(user, AuditActions.Changed, dossierId.ToString(), "result issued", cancellationToken);
            return issued;
        }
        catch (IntakeException ex)
        {
            throw new DeskValidationException([.. ex.Errors.Select(e => new FieldError("result", e.Code, e.MessageVi, e.MessageEn))]);
        }
    }

    public Task<ResultVerification> VerifyAsync(string scanned, CancellationToken cancellationToken = default) =>
        ResultKeys.VerifyAsync(scanned, (id, ct) => store.GetAsync(id, ct), cancellationToken);

    private static DeskResult Map(IssuedResult result) => new(result.AttachmentId, result.FileName, result.Sha256, result.SealedText);
}
