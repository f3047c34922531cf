namespace OneStop.Core.Audit;

/// <summary>What an audit entry records someone doing. Stored as these words, so they never change meaning.</summary>
public static class AuditActions
{
    /// <summary>Opened a resident's dossier (its detail page, or a lookup at the hub).</summary>
    public const string Viewed = "viewed";

    /// <summary>Changed a dossier: a field, its status, a payment, an attachment.</summary>
    public const string Changed = "changed";

    /// <summary>Printed a slip, receipt or result.</summary>
    public const string Printed = "printed";

    /// <summary>Took data out: a report download, an attachment download, a backup.</summary>
    public const string Exported = "exported";

    public const string SignedIn = "signed-in";

    public const string SignedOut = "signed-out";

    /// <summary>A wrong password, or a try on a locked account.</summary>
    public const string SignInFailed = "sign-in-failed";

    /// <summary>An administrator's act: accounts, settings, nodes, catalogue.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Viewed, Changed, Printed, Exported, SignedIn, SignedOut, SignInFailed, Admin];
}
