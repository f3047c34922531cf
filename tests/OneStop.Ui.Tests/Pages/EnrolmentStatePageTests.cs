using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Ui.Pages.Desk.Admin;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Ui.Tests.Pages;

public sealed class EnrolmentStatePageTests
{
    [Fact]
    public void Settings_NodeEnrolled_ShowsCertificateSubjectAndExpiryNotALink()
    {
        using var context = DeskPageContext.Create(new FakeIntakeDesk(), DeskRoles.CommuneAdmin, services => services.AddSingleton<IDeskNodeSettings>(new FakeNodeSettings()));
        // 31 Dec 2027 20:00 UTC is already 1 Jan 2028 in Vietnam: the date shown is Vietnam's.
        var notAfter = new DateTimeOffset(2027, 12, 31, 20, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        context.Services.GetRequiredService<FakeEnrolment>().Status = new DeskEnrolmentStatus(true, "node-sapa-1", "03006", notAfter, "https://hub.laocai.example:5090/", "03006")
        {
            CertificateSubject = "CN=node-sapa-1, O=03006",
        };

        var page = context.Render<Settings>();

        var enrolment = page.Find("[data-testid=enrolment]");
        Assert.Equal("true", enrolment.GetAttribute("data-enrolled"));
        Assert.Contains("Đã đăng ký", enrolment.TextContent, StringComparison.Ordinal);
        Assert.Equal("chứng thư CN=node-sapa-1, O=03006, có hiệu lực đến 01/01/2028", page.Find("[data-testid=enrolment-certificate]").TextContent);
        Assert.DoesNotContain("/enrol", enrolment.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Setup_NotEnrolled_SaysSoWithALinkToEnrol()
    {
        using var context = DeskPageContext.Create(new FakeIntakeDesk(), DeskRoles.CommuneAdmin, services => services.AddSingleton<IDeskNodeSettings>(new FakeNodeSettings()));

        var page = context.Render<Setup>();

        var enrolment = page.Find("[data-testid=enrolment]");
        Assert.Equal("false", enrolment.GetAttribute("data-enrolled"));
        Assert.Contains("Chưa đăng ký", enrolment.TextContent, StringComparison.Ordinal);
        Assert.Contains("/enrol", enrolment.InnerHtml, StringComparison.Ordinal);
    }
}
