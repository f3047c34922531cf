using System.Globalization;
using System.Security.Cryptography;
using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Core.Privacy;

namespace OneStop.Core.Tests.Privacy;

/// <summary>The cipher reuses its AES-GCM instances across values; the hub seals from many requests at once.</summary>
public class PersonalDataCipherConcurrencyTests
{
    private static readonly byte[] Key = SHA256.HashData("concurrency data key"u8);
    private static readonly HlcTimestamp Version = new(1_764_558_000_000, 0, "node-a");

    [Fact]
    public async Task Seal_ManyThreadsAtOnce_EveryValueOpensToItselfUnderAFreshCipher()
    {
        var cipher = new PersonalDataCipher(Key);
        var values = Enumerable.Range(0, 4_000)
            .Select(i => (Id: Guid.CreateVersion7(), Json: "\"Nguyễn Văn " + i.ToString(CultureInfo.InvariantCulture) + new string('x', i % 97) + "\""))
            .ToList();

        var sealedWrites = await Task.WhenAll(values.Select(v => Task.Run(() =>
            cipher.Seal(v.Id, RecordTypes.Dossier, FieldChange.Set("applicant_name", v.Json, Version, HlcTimestamp.Zero)))));
        var openedHere = await Task.WhenAll(values.Select((v, i) => Task.Run(() => cipher.Open(v.Id, sealedWrites[i]).Json)));

        // Another instance shares no AES-GCM state with the first: what it opens was sealed correctly.
        var fresh = new PersonalDataCipher(Key);
        for (var i = 0; i < values.Count; i++)
        {
            Assert.StartsWith("\"" + FieldEnvelope.Prefix, sealedWrites[i].Json, StringComparison.Ordinal);
            Assert.Equal(values[i].Json, fresh.Open(values[i].Id, sealedWrites[i]).Json);
            Assert.Equal(values[i].Json, openedHere[i]);
        }
    }

    [Fact]
    public void TryOpenJson_AfterAFailedOpen_NextValueStillOpens()
    {
        // A tag failure must not leave the reused instance in a state that fails the next value.
        var cipher = new PersonalDataCipher(Key);
        var id = Guid.CreateVersion7();
        var good = cipher.Seal(id, RecordTypes.Dossier, FieldChange.Set("applicant_name", "\"Lò Thị Hoa\"", Version, HlcTimestamp.Zero));

        Assert.Throws<CryptographicException>(() => cipher.TryOpenJson(Guid.CreateVersion7(), "applicant_name", good.Json!, out _));
        Assert.True(cipher.TryOpenJson(id, "applicant_name", good.Json!, out var plain));
        Assert.Equal("\"Lò Thị Hoa\"", plain);
    }
}
