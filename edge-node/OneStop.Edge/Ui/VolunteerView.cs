using System.Security.Claims;
using System.Text.Json;
using OneStop.Core.Dossiers;
using OneStop.Core.Identity;
using OneStop.Storage;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Edge.Ui;

/// <summary>
/// What a volunteer may see of the dossiers: only the drafts they made, and CCCD numbers masked on everything
/// shown to them. Applied in the desk adapter, so every page that reads dossiers gets it, whatever it renders.
/// </summary>
internal static class VolunteerView
{
    public static bool IsVolunteer(ClaimsPrincipal user) => user.Role() == DeskRoles.Volunteer;

    /// <summary>Whether <paramref name="user"/> may read this dossier at all.</summary>
    public static bool MaySee(ClaimsPrincipal user, RecordData record)
    {
        if (!IsVolunteer(user))
        {
            return true;
        }

        using var document = JsonDocument.Parse(record.DataJson);
        var root = document.RootElement;
        return Text(root, DossierFields.Status) == DossierStatus.Draft.ToName()
            && Text(root, DossierFields.CreatedBy) is { } by
            && string.Equals(by, user.UserName(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The dossier as shown to <paramref name="user"/>: CCCD numbers masked for a volunteer.</summary>
    public static DeskDossier Shown(ClaimsPrincipal user, DeskDossier dossier) =>
        !IsVolunteer(user) ? dossier : dossier with
        {
            ApplicantName = CccdMask.MaskAll(dossier.ApplicantName),
            Answers = dossier.Answers.ToDictionary(a => a.Key, a => CccdMask.MaskAll(a.Value), StringComparer.Ordinal),
        };

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
