using System.Text.Json;
using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Core.Dossiers;
using OneStop.Core.Merge;
using OneStop.Ui.Ports;

namespace OneStop.Edge.Ui;

/// <summary>
/// A dossier's status timeline from the writes its record holds (<see cref="FieldHistory"/>): every status write any
/// office made, each paired with the "who" written in the same change (same version) when the desk recorded one.
/// </summary>
internal static class DeskDossierHistory
{
    public static IReadOnlyList<DeskStatusChange> Read(StoredRecord record)
    {
        var who = new Dictionary<HlcTimestamp, string>();
        foreach (var field in new[] { DeskDossierFields.ReceivedBy, DossierFields.StatusBy })
        {
            foreach (var write in FieldHistory.Writes(record, field))
            {
                if (Text(write) is { } name)
                {
                    who[write.Version] = name;
                }
            }
        }

        var reasons = new Dictionary<HlcTimestamp, string>();
        foreach (var write in FieldHistory.Writes(record, StatusReasons.Field))
        {
            if (Text(write) is { } reason)
            {
                reasons[write.Version] = reason;
            }
        }

        var history = new List<DeskStatusChange>();
        foreach (var write in FieldHistory.Writes(record, DossierFields.Status))
        {
            if (DossierStatusNames.TryParse(Text(write), out var status))
            {
                history.Add(new DeskStatusChange(status, DateTimeOffset.FromUnixTimeMilliseconds(write.Version.WallMs), write.Version.Node, who.GetValueOrDefault(write.Version))
                {
                    Reason = reasons.GetValueOrDefault(write.Version),
                });
            }
        }

        return history;
    }

    private static string? Text(FieldChange write)
    {
        if (write.Deleted || write.Json is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<string>(write.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
