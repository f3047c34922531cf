using System.Text;

namespace OneStop.Bench.Harness;

/// <summary>What the footprint and budget scenarios ask of a starting or working edge.</summary>
internal static class EdgeRequests
{
    /// <summary>Polls GET /signin until it answers 200; returns the timestamp of that answer.</summary>
    public static async Task<long> FirstPageAsync(SyncRig rig, TimeProvider time)
    {
        while (true)
        {
            try
            {
                using var response = await rig.Http.GetAsync(rig.EdgeApi("/signin"));
                if (response.IsSuccessStatusCode)
                {
                    return time.GetTimestamp();
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), time);
        }
    }

    /// <summary>Saves <paramref name="count"/> dossiers one after another through POST /api/dossiers; each one's milliseconds.</summary>
    public static async Task<List<double>> SaveAsync(SyncRig rig, DossierFactory factory, int count, TimeProvider time)
    {
        var latencies = new List<double>();
        for (var i = 0; i < count; i++)
        {
            using var content = new StringContent(factory.Next().ToJsonString(), Encoding.UTF8, "application/json");
            var start = time.GetTimestamp();
            using var response = await rig.Http.PostAsync(rig.EdgeApi("/api/dossiers"), content);
            latencies.Add(time.GetElapsedTime(start).TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }

        return latencies;
    }
}
