using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using OneStop.Core.Dossiers;
using OneStop.Ui.Pages.Desk;
using OneStop.Ui.Security;

namespace OneStop.Ui.Tests.Pages;

/// <summary>
/// The result's submit waits for the picked file: the browser tells the circuit about a chosen file in a message of
/// its own, so a click sent right after the pick could arrive first and be told "no file was chosen" (seen in CI).
/// </summary>
public sealed class ResultPanelTests
{
    [Fact]
    public void Render_NoFilePickedYet_SubmitDisabled_EnabledOncePicked()
    {
        using var context = DeskPageContext.Create(new FakeIntakeDesk(), DeskRoles.Staff);
        var panel = context.Render<ResultPanel>(p => p.Add(c => c.DossierId, Guid.CreateVersion7()).Add(c => c.Status, DossierStatus.Approved));

        Assert.True(panel.Find("[data-testid=result-submit]").HasAttribute("disabled"));

        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("%PDF-1.4", "trich-luc.pdf", contentType: "application/pdf"));

        Assert.False(panel.Find("[data-testid=result-submit]").HasAttribute("disabled"));
        Assert.Empty(panel.FindAll("[data-testid=result-error]"));
    }
}
