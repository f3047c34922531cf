using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Core.Payments;
using OneStop.Edge.Catalogue;
using OneStop.Edge.Nodes;
using OneStop.Edge.Payments;
using OneStop.Edge.Store;
using OneStop.Edge.Sync;
using OneStop.Edge.Ui;
using OneStop.Hardware;

namespace OneStop.Edge.Tests;

/// <summary>The desk's VietQR pays into the account the province published for the commune, the node's own setting only when there is none.</summary>
public sealed class PublishedBankAccountAtDeskTests : IAsyncLifetime
{
    private const string Commune = "03006";
    private const long FeeVnd = 50_000;
    private readonly TempStore _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));
    private readonly EdgeUiOptions _ui = new() { BankBin = "970415", BankAccount = "1111222233", BankAccountName = "MAY XA TU DAT" };
    private EdgeStore _store = null!;
    private IOptions<EdgeOptions> _options = null!;
    private EdgePublishedBankAccount _published = null!;
    private long _hubSeq;

    public async Task InitializeAsync()
    {
        _store = await _temp.OpenAsync(_time);
        _options = Options.Create(new EdgeOptions { NodeId = _temp.NodeId, CommuneCode = Commune });
        _published = new EdgePublishedBankAccount(_store, _options, _time);
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Settings_ProvincePublishedAnAccount_VietQrPaysIntoItWithAValidCrc()
    {
        await PullPublicationAsync(Commune, "970436", "0123456789", "UBND XA BAN LAU");
        await _published.ReadAsync(default);
        var desk = await DeskAsync();

        var bank = desk.Settings.Bank!;
        var payload = VietQr.Build(new VietQrRequest(bank.BankBin, bank.AccountNumber, FeeVnd, "HS 0123456789ab"));

        var decoded = VietQrParser.Parse(payload);
        Assert.True(decoded.IsValid, decoded.ErrorCode);
        Assert.Equal(("970436", "0123456789", (long?)FeeVnd), (decoded.Payload!.BankBin, decoded.Payload.AccountNumber, decoded.Payload.AmountVnd));
        Assert.Equal("UBND XA BAN LAU", bank.AccountName);
        Assert.Equal("6304", payload[^8..^4]);
        Assert.Equal(Crc16CcittFalse(payload[..^4]).ToString("X4", CultureInfo.InvariantCulture), payload[^4..]);
    }

    [Fact]
    public async Task Settings_NothingPublished_FallsBackToTheNodesOwnAccount()
    {
        await _published.ReadAsync(default);
        var desk = await DeskAsync();

        var decoded = VietQrParser.Parse(VietQr.Build(new VietQrRequest(desk.Settings.Bank!.BankBin, desk.Settings.Bank.AccountNumber, FeeVnd)));

        Assert.Equal(("970415", "1111222233"), (decoded.Payload!.BankBin, decoded.Payload.AccountNumber));
    }

    [Fact]
    public async Task Settings_ProvincePublishesAgain_TheLaterAccountIsInForce()
    {
        await PullPublicationAsync(Commune, "970436", "0123456789", "UBND XA BAN LAU");
        await PullPublicationAsync(Commune, "970418", "9988776655", "UBND XA BAN LAU");

        var account = await _published.ReadAsync(default);

        Assert.Equal(new PublishedBankAccount("970418", "9988776655", "UBND XA BAN LAU"), account);
    }

    [Fact]
    public async Task Read_PublicationWithoutBin_NotUsedSoTheNodeKeepsItsOwn()
    {
        await PullPublicationAsync(Commune, bin: null, "0123456789", "UBND XA BAN LAU");

        Assert.Null(await _published.ReadAsync(default));
        Assert.Equal("970415", (await DeskAsync()).Settings.Bank!.BankBin);
    }

    // As the sync agent applies what it pulled: the hub's entry, in the commune's scope.
    private async Task PullPublicationAsync(string commune, string? bin, string account, string name)
    {
        var version = new HlcTimestamp(_time.GetUtcNow().ToUnixTimeMilliseconds() + (++_hubSeq * 1000), 0, "hub");
        var fields = new[] { (CommuneBankAccountRecords.BankBin, bin), (CommuneBankAccountRecords.AccountNumber, account), (CommuneBankAccountRecords.AccountName, name) }
            .Where(f => f.Item2 is not null)
            .Select(f => FieldChange.Set(f.Item1, JsonSerializer.Serialize(f.Item2), version, HlcTimestamp.Zero))
            .ToList();
        var entry = new ChangeEntry("hub", _hubSeq, CommuneBankAccountRecords.RecordId(commune), RecordTypes.CommuneBankAccount, commune, fields);
        await _store.ApplyPulledAsync([new HubLogEntry(_hubSeq, entry)], _hubSeq);
    }

    private async Task<EdgeIntakeDesk> DeskAsync()
    {
        var ui = Options.Create(_ui);
        var settings = new EdgeNodeSettings(_store, _options, ui, Options.Create(new SyncOptions()), Options.Create(new HardwareOptions()), _time);
        await settings.ReadAsync(default);

        // Settings needs no dossier service and no signed-in user: neither is part of what is tested here.
        return new EdgeIntakeDesk(null!, new CatalogueService(_store), _store, new CatalogueOptionLists(_options), null!, _options, ui, _time, settings, publishedBank: _published);
    }

    // CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF), written from the EMVCo definition rather than taken from VietQr.
    private static int Crc16CcittFalse(string text)
    {
        var crc = 0xFFFF;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(text))
        {
            crc ^= b << 8;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
        }

        return crc;
    }

    [Fact]
    public void Crc16CcittFalse_StandardCheckString_Gives29B1() => Assert.Equal(0x29B1, Crc16CcittFalse("123456789"));
}
