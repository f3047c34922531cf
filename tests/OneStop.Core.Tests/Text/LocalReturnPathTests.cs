using OneStop.Core.Text;

namespace OneStop.Core.Tests.Text;

public class LocalReturnPathTests
{
    // Open-redirect forms from OWASP's unvalidated-redirects cheat sheet: absolute, protocol-relative, backslash-relative.
    [Theory]
    [InlineData("https://evil.example/signin")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("evil")]
    [InlineData("")]
    [InlineData(null)]
    public void OrDefault_NotALocalPath_Fallback(string? returnUrl) =>
        Assert.Equal("/home", LocalReturnPath.OrDefault(returnUrl, "/home"));

    [Fact]
    public void OrDefault_LocalPathWithQuery_Kept() =>
        Assert.Equal("/dossiers?status=received", LocalReturnPath.OrDefault("/dossiers?status=received", "/home"));
}
