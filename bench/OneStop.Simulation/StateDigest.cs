using System.Security.Cryptography;
using System.Text;
using OneStop.Core.Changes;
using OneStop.Storage;

namespace OneStop.Simulation;

/// <summary>A SHA-256 over the hub's records (full field maps) and open conflict ids: equal digests, equal end states.</summary>
public static class StateDigest
{
    public static async Task<string> OfHubAsync(SimulationWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var text = new StringBuilder();
        var log = await world.Hub.Store.ReadLogAfterAsync(world.Commune, 0, int.MaxValue);
        foreach (var id in log.Select(entry => entry.Change.RecordId).Distinct().Order())
        {
            if (await world.Hub.Store.GetAsync(id) is { } record)
            {
                var sorted = new SortedDictionary<string, FieldChange>(record.Fields.ToDictionary(), StringComparer.Ordinal);
                text.Append(id).Append('\n').Append(ChangeCodec.EncodeFields(sorted)).Append('\n');
            }
        }

        foreach (var conflict in (await world.Hub.Store.ListConflictsAsync(world.Commune)).Select(c => c.Id).Order())
        {
            text.Append(conflict).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
