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
    public void Allows_StaffEveryActionButTheAdminsOwn_AdminEvery_AnonymousNone()
    {
        foreach (var action in Enum.GetValues<DeskAction>())
        {
            Assert.Equal(action is not (DeskAction.ManageStorage or DeskAction.ManageSettings or DeskAction.ManageAccounts), DeskPermissions.Allows(DeskRoles.Staff, action));
            Assert.True(DeskPermissions.Allows(DeskRoles.CommuneAdmin, action));
            Assert.False(DeskPermissions.Allows(null, action));
        }
    }

    [Fact]
    public void Allows_ManageStorage_CommuneAdminOnly()
    {
        // Swapping the database file or freeing attachment content is the commune admin's call, not a clerk's.
        Assert.True(DeskPermissions.Allows(DeskRoles.CommuneAdmin, DeskAction.ManageStorage));
        Assert.False(DeskPermissions.Allows(DeskRoles.Staff, DeskAction.ManageStorage));
        Assert.False(DeskPermissions.Allows(DeskRoles.Volunteer, DeskAction.ManageStorage));
    }

    [Theory]
    [InlineData(DeskRoles.Staff)]
    [InlineData(DeskRoles.Volunteer)]
    public void Allows_SettingsAndAccounts_CommuneAdminOnly(string role)
    {
        Assert.False(DeskPermissions.Allows(role, DeskAction.ManageSettings));
        Assert.False(DeskPermissions.Allows(role, DeskAction.ManageAccounts));
        Assert.True(DeskPermissions.Allows(DeskRoles.CommuneAdmin, DeskAction.ManageAccounts));
    }
}
