using System.Text.Json;
using OneStop.Core.Dossiers;
using OneStop.Storage;

namespace OneStop.Edge.Dossiers;

/// <summary>A dossier as screens and the HTTP API show it.</summary>
public sealed record DossierView(Guid Id, string Scope, string ProcedureCode, string ApplicantName, string Status, string? CreatedAt, IReadOnlyDictionary<string, string> Form)
{
    /// <summary>How the dossier was filed (docs/statistics.md); older dossiers without it were filed at the desk.</summary>
    public string Channel { get; init; } = "desk";

    /// <summary>When it was decided or withdrawn, for the on-time rate.</summary>
    public string? ClosedAt { get; init; }
    /// <summary>The legal dates (ISO 8601 and yyyy-MM-dd), and every date a person confirmed while the clock was suspect.</summary>
    public string? ReceivedAt { get; init; }

    public string? DueDate { get; init; }

    public string? ResultReturnedAt { get; init; }

    public IReadOnlyList<Clock.LegalDateConfirmation> LegalDates { get; init; } = [];

    /// <summary>The random code on the slip that residents type at the public site (<see cref="Core.Dossiers.PublicCode"/>); null on older dossiers.</summary>
    public string? PublicCode { get; init; }

    public static DossierView From(RecordData record)
    {
        using var document = JsonDocument.Parse(record.DataJson);
        var root = document.RootElement;
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name.StartsWith(DossierFields.FormPrefix, StringComparison.Ordinal))
            {
                form[property.Name[DossierFields.FormPrefix.Length..]] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()!
                    : property.Value.GetRawText();
            }
        }

        return new DossierView(
            record.Id,
            record.Scope,
            Text(root, DossierFields.ProcedureCode),
            Text(root, DossierFields.ApplicantName),
            Text(root, DossierFields.Status),
            root.TryGetProperty(DossierFields.CreatedAt, out var created) ? created.GetString() : null,
            form)
        {
            Channel = Text(root, DossierFields.Channel) is { Length: > 0 } channel ? channel : "desk",
            ClosedAt = Text(root, DossierFields.ClosedAt) is { Length: > 0 } closed ? closed : null,
            ReceivedAt = Optional(root, Ui.DeskDossierFields.ReceivedAt),
            DueDate = Optional(root, Ui.DeskDossierFields.DueDate),
            ResultReturnedAt = Optional(root, Clock.LegalDateFields.ResultReturnedAt),
            PublicCode = Optional(root, Core.Dossiers.PublicCode.Field),
        };
    }

    private static string? Optional(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
}
