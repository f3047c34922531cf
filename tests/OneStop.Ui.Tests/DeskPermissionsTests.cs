using OneStop.Ui.Security;

namespace OneStop.Ui.Tests;

public class DeskPermissionsTests
{
    [Theory]
    [InlineData(DeskAction.SaveDraft)]
    [InlineData(DeskAction.AttachFile)]
    public void Allows_Volunteer_MayHelpFillDrafts(DeskAction action)
    {
        Assert.True(DeskPermissions.Allows(DeskRoles.Volunteer, action));
    }

    [Theory]
    [InlineData(DeskAction.ReceiveDossier)]
    [InlineData(DeskAction.ResolveConflicts)]
    [InlineData(DeskAction.UseDevices)]
    public void Allows_Volunteer_MayNotActForTheDesk(DeskAction action)
    {
        Assert.False(DeskPermissions.Allows(DeskRoles.Volunteer, action));
    }

    [Fact]
    public void Allows_StaffAndAdmin_EveryAction_AnonymousNone()
    {
        foreach (var action in Enum.GetValues<DeskAction>())
        {
            Assert.True(DeskPermissions.Allows(DeskRoles.Staff, action));
            Assert.True(DeskPermissions.Allows(DeskRoles.CommuneAdmin, action));
            Assert.False(DeskPermissions.Allows(null, action));
        }
    }
}
