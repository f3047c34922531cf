using OneStop.Core.Changes;
using OneStop.Core.Clock;

namespace OneStop.Core.Tests.Changes;

/// <summary>The push checks the hub store used to make inline: which incarnation a batch names, and where each seq stands.</summary>
public sealed class PushPlacementTests
{
    private static ChangeEntry Entry(long seq, string incarnation) =>
        new("node-a", seq, Guid.CreateVersion7(), RecordTypes.Dossier, "03006",
            [FieldChange.Set("applicant_name", "\"A\"", new HlcTimestamp(1_700_000_000_000, 0, "node-a"), HlcTimestamp.Zero)])
        {
            OriginIncarnation = incarnation,
        };

    [Fact]
    public void Check_EntryOfAnotherIncarnation_RefusedAsForgedNamingIt()
    {
        var violation = PushPolicy.Check("node-a", "03006", "inc-2", [Entry(1, "inc-2"), Entry(2, "inc-1")]);

        Assert.Equal(PushViolationKind.ForgedOrigin, violation?.Kind);
        Assert.Contains("entry 2", violation!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EveryEntryOfThePushedIncarnation_Accepted() =>
        Assert.Null(PushPolicy.Check("node-a", "03006", "inc-2", [Entry(1, "inc-2"), Entry(2, "inc-2")]));

    [Theory]
    [InlineData(3, 5, PushPlace.Held)]
    [InlineData(5, 5, PushPlace.Held)]
    [InlineData(6, 5, PushPlace.Next)]
    [InlineData(7, 5, PushPlace.Gap)]
    [InlineData(1, 0, PushPlace.Next)]
    public void Place_SeqAgainstAcknowledgement_HeldNextOrGap(long seq, long acked, PushPlace expected) =>
        Assert.Equal(expected, PushPolicy.Place(seq, acked));
}
