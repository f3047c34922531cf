using Microsoft.AspNetCore.Components.Authorization;
using OneStop.Core.Identity;
using OneStop.Edge.Devices;
using OneStop.Hardware;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Edge.Ui;

/// <summary>The ID-card port over the node's reader; whoever may fill a form may read a card into it.</summary>
public sealed class EdgeDeskIdCard(DeviceSet devices, ScanInbox scans, IdCardPresence presence, AuthenticationStateProvider authentication) : IDeskIdCard
{
    public async Task<DeskIdCardRead> ReadAsync(CccdChipKey? key, CancellationToken cancellationToken = default)
    {
        await authentication.RequireAsync(DeskAction.SaveDraft);
        key ??= CccdQrParser.TryParse(scans.Last?.Text, out var front, out _) && front is not null ? CccdChipKey.FromQr(front) : null;
        if (key is null)
        {
            return DeskIdCardRead.Failed(DeskIdCardFailure.NoKey);
        }

        // BAC and secure messaging take a few hundred milliseconds over the PN532's serial link.
        var result = await Task.Run(() => devices.CardReader.ReadCard(CccdChipDetails.ToBacKey(key)), cancellationToken);
        if (!result.Succeeded || result.Value is null)
        {
            return DeskIdCardRead.Failed(FailureOf(result.Error));
        }

        return CccdChipDetails.ToCccd(result.Value) is { } card ? new DeskIdCardRead(card, null) : DeskIdCardRead.Failed(DeskIdCardFailure.Unreadable);
    }

    public IDisposable OnCardPresented(Func<Task> presented) => presence.Watch(presented);

    // The hardware layer reports failures as text; these prefixes are its own (CardReadGuard, EmrtdReader), and a
    // reader that lost its link is told apart by its health, which the guard marks disconnected.
    private DeskIdCardFailure FailureOf(string? error) =>
        error switch
        {
            _ when !devices.CardReader.ReadHealth().Connected => DeskIdCardFailure.ReaderFault,
            { } e when e.StartsWith("no card", StringComparison.Ordinal) => DeskIdCardFailure.NoCard,
            { } e when e.StartsWith("access denied", StringComparison.Ordinal) => DeskIdCardFailure.Refused,
            _ => DeskIdCardFailure.Unreadable,
        };
}
