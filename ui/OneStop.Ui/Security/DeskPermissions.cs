namespace OneStop.Ui.Security;

/// <summary>
/// The one table of who may do what. Screens read it to disable buttons; the desk adapters read it
/// again before every action, because a disabled button is no protection against a crafted request.
/// </summary>
public static class DeskPermissions
{
    private static readonly DeskAction[] VolunteerActions =
    [
        DeskAction.ReadCatalogue,
        DeskAction.ReadDossiers,
        DeskAction.SaveDraft,
        DeskAction.RequestSync,
        DeskAction.AttachFile,
    ];

    private static readonly DeskAction[] CommuneAdminOnlyActions = [DeskAction.ManageStorage, DeskAction.ManageSettings, DeskAction.ManageAccounts];

    public static bool Allows(string? role, DeskAction action) => role switch
    {
        DeskRoles.CommuneAdmin => true,
        DeskRoles.Staff => !CommuneAdminOnlyActions.Contains(action),
        DeskRoles.Volunteer => VolunteerActions.Contains(action),
        _ => false,
    };
}
