using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStop.Edge.Ui;

namespace OneStop.Edge.Tests;

/// <summary>The node's options are checked by validators generated at build time, with the rules their attributes state.</summary>
public sealed class OptionsValidatorsTests
{
    [Fact]
    public void AddEdgeUi_BankBinOfTwoDigits_RefusedNamingTheSetting()
    {
        using var services = Build(new() { ["Edge:Ui:BankBin"] = "12" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EdgeUiOptions>>().Value);

        Assert.Contains("BankBin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddEdgeUi_AccountWithoutPasswordHash_Refused()
    {
        using var services = Build(new() { ["Edge:Ui:Accounts:0:UserName"] = "canbo", ["Edge:Ui:Accounts:0:Role"] = "staff" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EdgeUiOptions>>().Value);

        Assert.Contains("PasswordHash", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddEdgeUi_ValidSettings_BoundWithoutTheReflectionValidator()
    {
        using var services = Build(new() { ["Edge:Ui:BankBin"] = "970418", ["Edge:Ui:Accounts:0:UserName"] = "canbo", ["Edge:Ui:Accounts:0:Role"] = "staff", ["Edge:Ui:Accounts:0:PasswordHash"] = "AQAAAA" });

        var options = services.GetRequiredService<IOptions<EdgeUiOptions>>().Value;

        Assert.Equal(("970418", "canbo"), (options.BankBin, options.Accounts.Single().UserName));
        Assert.DoesNotContain(services.GetServices<IValidateOptions<EdgeUiOptions>>(), v => v is DataAnnotationValidateOptions<EdgeUiOptions>);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddEdgeUi();
        return builder.Services.BuildServiceProvider();
    }
}
