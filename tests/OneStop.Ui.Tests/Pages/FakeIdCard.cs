using OneStop.Core.Identity;
using OneStop.Ui.Ports;

namespace OneStop.Ui.Tests.Pages;

/// <summary>A reader whose chip opens only with one key; a test puts the card on it and sees the form react.</summary>
internal sealed class FakeIdCard : IDeskIdCard
{
    private readonly List<Func<Task>> _watchers = [];

    /// <summary>The card's holder and the key that opens it; null = no card on the reader.</summary>
    public (CccdQrData Holder, CccdChipKey Key)? Card { get; set; }

    /// <summary>The key the last QR scan gives (what the edge derives from the scanner's inbox), or null.</summary>
    public CccdChipKey? ScannedKey { get; set; }

    public List<CccdChipKey?> Reads { get; } = [];

    public int Watchers => _watchers.Count;

    public Task<DeskIdCardRead> ReadAsync(CccdChipKey? key, CancellationToken cancellationToken = default)
    {
        Reads.Add(key);
        key ??= ScannedKey;
        return Task.FromResult(key is null ? DeskIdCardRead.Failed(DeskIdCardFailure.NoKey)
            : Card is not { } card ? DeskIdCardRead.Failed(DeskIdCardFailure.NoCard)
            : card.Key != key ? DeskIdCardRead.Failed(DeskIdCardFailure.Refused)
            : new DeskIdCardRead(card.Holder, null));
    }

    public IDisposable OnCardPresented(Func<Task> presented)
    {
        _watchers.Add(presented);
        return new Unwatch(() => _watchers.Remove(presented));
    }

    /// <summary>Puts the card on the reader and runs the watchers as the edge's presence service would.</summary>
    public async Task PresentAsync(CccdQrData holder, CccdChipKey key)
    {
        Card = (holder, key);
        foreach (var watcher in _watchers.ToList())
        {
            await watcher();
        }
    }

    private sealed class Unwatch(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
