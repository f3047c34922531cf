namespace OneStop.Ui.Security;

/// <summary>What a signed-in person asks the desk to do; each is checked on the server.</summary>
public enum DeskAction
{
    ReadCatalogue,
    ReadDossiers,
    SaveDraft,
    ReceiveDossier,
    CollectFee,
    ChangeStatus,
    PrintSlip,
    UseDevices,
    RequestSync,

    /// <summary>Attach a scan or photo; a volunteer only to a draft (checked with the dossier, see the adapter).</summary>
    AttachFile,
    ResolveConflicts,

    /// <summary>Recover a damaged database, free storage: the commune admin only.</summary>
    ManageStorage,

    /// <summary>The commune's rates (docs/statistics.md): staff and the commune admin, not volunteers.</summary>
    ReadReports,

    /// <summary>The node's settings and first-run setup: the commune admin only.</summary>
    ManageSettings,

    /// <summary>Create, reset and disable the commune's accounts: the commune admin only.</summary>
    ManageAccounts,
}
