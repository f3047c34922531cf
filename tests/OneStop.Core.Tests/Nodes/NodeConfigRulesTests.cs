using OneStop.Core.Nodes;

namespace OneStop.Core.Tests.Nodes;

public sealed class NodeConfigRulesTests
{
    private static Dictionary<string, string?> Valid() => new(StringComparer.Ordinal)
    {
        [NodeConfigFields.CommuneCode] = "03006",
        [NodeConfigFields.CommuneName] = "Xã Sa Pa",
        [NodeConfigFields.OfficeName] = "Bộ phận Một cửa — UBND xã Sa Pa",
        [NodeConfigFields.PublicAddress] = "http://192.168.1.20:5080",
        [NodeConfigFields.BankBin] = "970405",
        [NodeConfigFields.BankAccount] = "1234567890",
        [NodeConfigFields.BankAccountName] = "UBND XA SA PA",
        [NodeConfigFields.PrinterProfile] = "58mm",
        [NodeConfigFields.HubAddress] = "https://hub.laocai.gov.vn",
        [NodeConfigFields.SyncIntervalSeconds] = "15",
    };

    [Fact]
    public void Validate_CompleteSettings_NoErrors() => Assert.Empty(NodeConfigRules.Validate(Valid()));

    [Fact]
    public void Validate_NothingSet_NoErrors() => Assert.Empty(NodeConfigRules.Validate(new Dictionary<string, string?>()));

    [Theory]
    [InlineData(NodeConfigFields.PublicAddress, "192.168.1.20:5080", NodeConfigRules.ErrorAddress)]
    [InlineData(NodeConfigFields.PublicAddress, "ftp://192.168.1.20", NodeConfigRules.ErrorAddress)]
    [InlineData(NodeConfigFields.PublicAddress, "/status", NodeConfigRules.ErrorAddress)]
    [InlineData(NodeConfigFields.PublicAddress, "http://x.vn/?a=1", NodeConfigRules.ErrorAddress)]
    [InlineData(NodeConfigFields.HubAddress, "hub.laocai.gov.vn", NodeConfigRules.ErrorAddress)]
    [InlineData(NodeConfigFields.CommuneCode, "3006", NodeConfigRules.ErrorCommuneCode)]
    [InlineData(NodeConfigFields.BankBin, "97040", NodeConfigRules.ErrorBankBin)]
    [InlineData(NodeConfigFields.BankBin, "97040a", NodeConfigRules.ErrorBankBin)]
    [InlineData(NodeConfigFields.BankAccount, "12 34", NodeConfigRules.ErrorBankAccount)]
    [InlineData(NodeConfigFields.PrinterProfile, "110mm", NodeConfigRules.ErrorPrinterProfile)]
    [InlineData(NodeConfigFields.SyncIntervalSeconds, "0", NodeConfigRules.ErrorSyncInterval)]
    [InlineData(NodeConfigFields.SyncIntervalSeconds, "3601", NodeConfigRules.ErrorSyncInterval)]
    [InlineData(NodeConfigFields.SyncIntervalSeconds, "-15", NodeConfigRules.ErrorSyncInterval)]
    [InlineData(NodeConfigFields.SyncIntervalSeconds, "mười", NodeConfigRules.ErrorSyncInterval)]
    public void Validate_OneBadField_NamesThatFieldOnly(string field, string value, string expected)
    {
        var values = Valid();
        values[field] = value;

        var errors = NodeConfigRules.Validate(values);

        Assert.Equal(expected, Assert.Single(errors, e => e.Key == field).Value);
        Assert.Single(errors);
    }

    [Fact]
    public void Validate_BinWithoutAccount_AccountIncomplete()
    {
        var values = Valid();
        values[NodeConfigFields.BankAccount] = " ";

        Assert.Equal(NodeConfigRules.ErrorBankIncomplete, NodeConfigRules.Validate(values)[NodeConfigFields.BankAccount]);
    }

    [Fact]
    public void RecordId_SameNode_SameIdAndOtherNodeDiffers()
    {
        Assert.Equal(NodeConfigFields.RecordId("node-sapa-01"), NodeConfigFields.RecordId("node-sapa-01"));
        Assert.NotEqual(NodeConfigFields.RecordId("node-sapa-01"), NodeConfigFields.RecordId("node-sapa-02"));
    }
}
