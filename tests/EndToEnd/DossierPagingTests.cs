using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OneStop.EndToEnd.Tests;

/// <summary>Issue 9, item 6: GET /api/dossiers on a real node never cuts a list silently; it pages with a cursor and a total.</summary>
public sealed partial class DossierPagingTests
{
    [Fact]
    public async Task ListDossiers_MoreThanOnePage_TotalAndNextLinkReachEveryDossierOnce()
    {
        await using var cluster = new SyncCluster();
        await cluster.StartEdgeAsync();
        var created = new List<Guid>();
        foreach (var name in new[] { "Hờ A Páo", "Vàng Thị Dua", "Thào Seo Lử" })
        {
            created.Add(await cluster.CreateDossierAsync(name));
        }

        var seen = new List<Guid>();
        var pages = 0;
        var next = "/api/dossiers?limit=2";
        while (next is not null && pages < 10)
        {
            using var response = await cluster.Edge.Http.GetAsync(cluster.Edge.Api(next));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.TryGetValues("X-Total-Count", out var total), "no X-Total-Count header");
            Assert.Equal(created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(total));
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var items = body.RootElement.EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ToList();
            Assert.InRange(items.Count, 1, 2);
            seen.AddRange(items);
            pages++;
            next = response.Headers.TryGetValues("Link", out var links) && NextLink().Match(string.Join(',', links)) is { Success: true } match
                ? match.Groups[1].Value
                : null;
        }

        Assert.Equal(2, pages);
        Assert.Equal(created.Order(), seen.Order());
    }

    [GeneratedRegex("<([^>]+)>;\\s*rel=\"next\"")]
    private static partial Regex NextLink();
}
