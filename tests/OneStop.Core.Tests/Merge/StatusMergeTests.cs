using OneStop.Core.Changes;
using OneStop.Core.Dossiers;
using OneStop.Core.Merge;
using static OneStop.Core.Tests.Merge.Writes;

namespace OneStop.Core.Tests.Merge;

public sealed class StatusMergeTests
{
    private static readonly string Status = DossierFields.Status;

    private static FieldChange StatusWrite(string status, long wall, string node, long replacedWall = 0, string replacedNode = "") =>
        Set(Status, status, V(wall, node), replacedWall == 0 ? default : V(replacedWall, replacedNode));

    private static readonly FieldChange Received = StatusWrite("received", 100, "a");

    [Fact]
    public void Apply_ResultReturnedThenConcurrentNewerProcessing_StaysResultReturned()
    {
        // Node b's clock is far ahead: its stale "processing" carries the newer version.
        var returned = StatusWrite("result_returned", 200, "a", 100, "a");
        var processing = StatusWrite("processing", 900, "b", 100, "a");

        foreach (var order in new[] { new[] { returned, processing }, new[] { processing, returned } })
        {
            var (record, conflicts) = ApplyAll([Dossier(Received), .. order.Select(write => Dossier(write))]);

            Assert.Equal(Json("result_returned"), record.GetJson(Status));
            Assert.Empty(conflicts);
        }
    }

    [Fact]
    public void Apply_ConcurrentApprovedAndRejected_LaterWinsAndConflictKept()
    {
        var approved = StatusWrite("approved", 300, "a", 100, "a");
        var rejected = StatusWrite("rejected", 301, "b", 100, "a");

        var (record, conflicts) = ApplyAll([Dossier(Received), Dossier(approved), Dossier(rejected)]);

        Assert.Equal(Json("rejected"), record.GetJson(Status));
        var conflict = Assert.Single(conflicts);
        Assert.Equal(rejected, conflict.Winner);
        Assert.Equal(approved, conflict.Loser);
    }

    [Fact]
    public void Apply_ConcurrentWithdrawnAndApproved_DecisionStandsAndConflictKept()
    {
        var approved = StatusWrite("approved", 300, "a", 100, "a");
        var withdrawn = StatusWrite("withdrawn", 500, "b", 100, "a");

        var (record, conflicts) = ApplyAll([Dossier(Received), Dossier(withdrawn), Dossier(approved)]);

        Assert.Equal(Json("approved"), record.GetJson(Status));
        var conflict = Assert.Single(conflicts);
        Assert.Equal(approved, conflict.Winner);
        Assert.Equal(withdrawn, conflict.Loser);
    }

    [Fact]
    public void Apply_ConcurrentWithdrawnAndOlderProcessing_WithdrawnStandsWithoutConflict()
    {
        var withdrawn = StatusWrite("withdrawn", 300, "a", 100, "a");
        var processing = StatusWrite("processing", 400, "b", 100, "a");

        var (record, conflicts) = ApplyAll([Dossier(Received), Dossier(withdrawn), Dossier(processing)]);

        Assert.Equal(Json("withdrawn"), record.GetJson(Status));
        Assert.Empty(conflicts);
    }

    [Fact]
    public void Apply_ProcessingWrittenAfterSeeingSupplementRequested_LaterWins()
    {
        var supplement = StatusWrite("supplement_requested", 300, "a", 100, "a");
        var processing = StatusWrite("processing", 400, "b", 300, "a");

        var (record, conflicts) = ApplyAll([Dossier(Received), Dossier(processing), Dossier(supplement)]);

        Assert.Equal(Json("processing"), record.GetJson(Status));
        Assert.Empty(conflicts);
    }

    [Fact]
    public void Apply_ConcurrentProcessingAndSupplementRequested_LastWriterWinsWithConflict()
    {
        var processing = StatusWrite("processing", 200, "a", 100, "a");
        var supplement = StatusWrite("supplement_requested", 250, "b", 100, "a");

        var (record, conflicts) = ApplyAll([Dossier(Received), Dossier(supplement), Dossier(processing)]);

        Assert.Equal(Json("supplement_requested"), record.GetJson(Status));
        Assert.Single(conflicts);
    }

    [Fact]
    public void Apply_StatusOnOtherRecordType_PlainLastWriterWins()
    {
        var returned = StatusWrite("result_returned", 200, "a", 100, "a");
        var processing = StatusWrite("processing", 900, "b", 100, "a");

        var (record, _) = ApplyAll([Entry(RecordTypes.Payment, returned), Entry(RecordTypes.Payment, processing)]);

        Assert.Equal(Json("processing"), record.GetJson(Status));
    }

    [Theory]
    [InlineData(DossierStatus.Draft, DossierStatus.ResultReturned, true)]
    [InlineData(DossierStatus.Processing, DossierStatus.Withdrawn, true)]
    [InlineData(DossierStatus.Approved, DossierStatus.Withdrawn, false)]
    [InlineData(DossierStatus.Withdrawn, DossierStatus.Processing, false)]
    [InlineData(DossierStatus.SupplementRequested, DossierStatus.Processing, true)]
    public void Leads_StateMachinePaths_Followed(DossierStatus from, DossierStatus to, bool expected)
    {
        Assert.Equal(expected, DossierStatusRank.Leads(from, to));
    }

    [Fact]
    public void Of_EveryTransitionOfTheStateMachine_NeverLowersRank()
    {
        foreach (var from in Enum.GetValues<DossierStatus>())
        {
            foreach (var to in DossierStateMachine.AllowedFrom(from))
            {
                Assert.True(DossierStatusRank.Of(to) >= DossierStatusRank.Of(from), $"{from} -> {to}");
            }
        }
    }

    [Theory]
    [InlineData("\"approved\"", true)]
    [InlineData("approved", true)]
    [InlineData("\"nonsense\"", false)]
    [InlineData("\"unterminated", false)]
    public void TryRead_StatusJson_ParsedOrRefused(string json, bool expected)
    {
        Assert.Equal(expected, DossierStatusRank.TryRead(FieldChange.Set(Status, json, V(1, "a"), default), out _));
    }
}
