using OneStop.Core.Dossiers;
using OneStop.Core.Statistics;

namespace OneStop.Core.Tests.Statistics;

public class DossierFactsReaderTests
{
    private static KeyValuePair<string, string> F(string name, string json) => new(name, json);

    [Fact]
    public void Read_ReceivedLateEveningUtc_TakesTheVietnamDate()
    {
        // 18:30 UTC on 7 September is 01:30 on 8 September in Vietnam (UTC+7).
        var facts = DossierFactsReader.Read("00004",
        [
            F(DossierFields.ProcedureCode, "\"hotich.khaisinh\""),
            F(DossierFields.Status, "\"received\""),
            F(DossierFields.ReceivedAt, "\"2026-09-07T18:30:00.0000000+00:00\""),
            F(DossierFields.DueDate, "\"2026-09-08\""),
            F(DossierFields.Channel, "\"online\""),
            F(DossierFields.DataReused, "true"),
        ]);

        Assert.Equal(new DateOnly(2026, 9, 8), facts.ReceivedOn);
        Assert.Equal(new DateOnly(2026, 9, 8), facts.DueOn);
        Assert.Equal(FilingChannel.Online, facts.Channel);
        Assert.True(facts.DataReused);
        Assert.Equal(DossierStatus.Received, facts.Status);
    }

    [Fact]
    public void Read_CashAndTransferPayments_CountsAsCash()
    {
        var facts = DossierFactsReader.Read("00004",
        [
            F(DossierFields.Status, "\"approved\""),
            F("payments/0190a000-0000-7000-8000-000000000001", "{\"method\":\"bank_transfer\",\"amount_vnd\":5000}"),
            F("payments/0190a000-0000-7000-8000-000000000002", "{\"method\":\"cash\",\"amount_vnd\":3000}"),
        ]);

        Assert.Equal(FeeSettlement.Cash, facts.Fee);
    }

    [Fact]
    public void Read_TransferOnly_IsCashless_AndExemptWinsOverNothingPaid()
    {
        var transfer = DossierFactsReader.Read("00004", [F("payments/0190a000-0000-7000-8000-000000000001", "{\"method\":\"bank_transfer\"}")]);
        var exempt = DossierFactsReader.Read("00004", [F(DossierFields.FeeExempt, "true")]);

        Assert.Equal(FeeSettlement.Cashless, transfer.Fee);
        Assert.Equal(FeeSettlement.Exempt, exempt.Fee);
    }

    [Fact]
    public void Read_DraftWithAReceivedAtLeftOver_IsNotReceived()
    {
        var facts = DossierFactsReader.Read("00004", [F(DossierFields.Status, "\"draft\""), F(DossierFields.ReceivedAt, "\"2026-09-07T01:00:00+00:00\"")]);

        Assert.Null(facts.ReceivedOn);
    }

    [Fact]
    public void Read_MalformedValues_AreIgnoredNotThrown()
    {
        var facts = DossierFactsReader.Read("00004", [F(DossierFields.Status, "{not json"), F(DossierFields.Channel, "42"), F("payments/x", "[")]);

        Assert.Equal(DossierStatus.Draft, facts.Status);
        Assert.Equal(FilingChannel.Desk, facts.Channel);
        Assert.Equal(FeeSettlement.None, facts.Fee);
    }
}
