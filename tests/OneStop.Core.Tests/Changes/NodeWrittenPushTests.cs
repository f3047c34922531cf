using OneStop.Core.Accounts;
using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Core.Nodes;

namespace OneStop.Core.Tests.Changes;

/// <summary>The push check for the two reference types a node writes: its own settings and its commune's accounts.</summary>
public sealed class NodeWrittenPushTests
{
    private const string Node = "node-sapa-01";
    private const string Commune = "03006";

    private static FieldChange Set(string name, string json) => FieldChange.Set(name, json, new HlcTimestamp(1_700_000_000_000, 0, Node), HlcTimestamp.Zero);

    private static ChangeEntry Entry(Guid id, string type, string scope, params FieldChange[] fields) => new(Node, 1, id, type, scope, fields);

    private static ChangeEntry Account(string commune, string userName, string role) =>
        Entry(StaffAccountFields.RecordId(commune, userName), RecordTypes.StaffAccount, Commune, Set(StaffAccountFields.UserName, $"\"{userName}\""), Set(StaffAccountFields.Role, $"\"{role}\""));

    [Fact]
    public void Check_OwnNodeConfig_Accepted() =>
        Assert.Null(PushPolicy.Check(Node, Commune, [Entry(NodeConfigFields.RecordId(Node), RecordTypes.NodeConfig, Commune, Set(NodeConfigFields.OfficeName, "\"Một cửa\""))]));

    [Fact]
    public void Check_AnotherNodesConfig_OutOfScope()
    {
        var violation = PushPolicy.Check(Node, Commune, [Entry(NodeConfigFields.RecordId("node-sapa-02"), RecordTypes.NodeConfig, Commune, Set(NodeConfigFields.OfficeName, "\"x\""))]);

        Assert.Equal(PushViolationKind.OutOfScope, violation?.Kind);
        Assert.Contains("node-sapa-01", violation!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_OwnConfigNamingAnotherCommune_OutOfScope() =>
        Assert.Equal(PushViolationKind.OutOfScope, PushPolicy.Check(Node, Commune, [Entry(NodeConfigFields.RecordId(Node), RecordTypes.NodeConfig, Commune, Set(NodeConfigFields.CommuneCode, "\"00715\""))])?.Kind);

    [Theory]
    [InlineData("staff")]
    [InlineData("volunteer")]
    [InlineData("commune_admin")]
    public void Check_OwnCommuneAccountWithCommuneRole_Accepted(string role) => Assert.Null(PushPolicy.Check(Node, Commune, [Account(Commune, "cam.hoa", role)]));

    [Theory]
    [InlineData("province_admin")]
    [InlineData("admin")]
    public void Check_AccountWithProvinceRole_OutOfScope(string role) =>
        Assert.Equal(PushViolationKind.OutOfScope, PushPolicy.Check(Node, Commune, [Account(Commune, "cam.hoa", role)])?.Kind);

    [Fact]
    public void Check_AnotherCommunesAccountInOwnScope_OutOfScope() =>
        Assert.Equal(PushViolationKind.OutOfScope, PushPolicy.Check(Node, Commune, [Account("00715", "cam.hoa", "staff")])?.Kind);

    [Fact]
    public void Check_AccountInAnotherScope_OutOfScope()
    {
        var entry = Account("00715", "cam.hoa", "staff") with { Scope = "00715" };

        Assert.Equal(PushViolationKind.OutOfScope, PushPolicy.Check(Node, Commune, [entry])?.Kind);
    }

    [Fact]
    public void Check_AccountEntryWithoutUserName_OutOfScope()
    {
        var entry = Entry(StaffAccountFields.RecordId(Commune, "cam.hoa"), RecordTypes.StaffAccount, Commune, Set(StaffAccountFields.Disabled, "true"));

        Assert.Equal(PushViolationKind.OutOfScope, PushPolicy.Check(Node, Commune, [entry])?.Kind);
    }

    [Fact]
    public void Check_ProcedureFromANode_StillOutOfScope() =>
        Assert.Equal(PushViolationKind.OutOfScope, PushPolicy.Check(Node, Commune, [Entry(Guid.NewGuid(), RecordTypes.Procedure, Commune, Set("name_vi", "\"x\""))])?.Kind);
}
