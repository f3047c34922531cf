using System.Globalization;
using OneStop.Core.Calendar;
using OneStop.Core.Clock;
using OneStop.Edge.Dossiers;

namespace OneStop.Edge.Clock;

/// <summary>
/// The time legal dates (receipt, due date, payment, result) are stamped with, for every door: hub time when the
/// hub was reached in this run, a trusted clock module, the wall clock when nothing contradicts it; otherwise the
/// date a person confirmed, and without one the write is refused before anything is stored.
/// </summary>
public sealed class LegalClock(ClockWatch watch, TimeProvider time)
{
    /// <exception cref="IntakeException">The clock is suspect and no date was confirmed.</exception>
    public LegalStamp Stamp(string act, DateOnly? confirmedDate, string by)
    {
        var assessment = watch.Assess();
        var estimate = DateTimeOffset.FromUnixTimeMilliseconds(assessment.BestEstimateMs).ToOffset(AppointmentCalculator.VietnamOffset);
        var moment = ClockHealthPolicy.LegalMoment(assessment, confirmedDate, AppointmentCalculator.VietnamOffset)
            ?? throw Refusal(estimate);
        var confirmation = assessment.ConfirmationRequired
            ? new LegalDateConfirmation(act, confirmedDate!.Value, by, estimate, time.GetUtcNow())
            : null;
        return new LegalStamp(moment, confirmation);
    }

    /// <summary>
    /// The best moment the node knows for a fact that is not itself a legal act (when a dossier left the pending
    /// pile): the confirmed date when a person gave one, else the estimate; never refused, so a decision is not held
    /// up by the clock, and never the bare wall clock of a box that lost its time.
    /// </summary>
    public DateTimeOffset BestMoment(DateOnly? confirmedDate)
    {
        var assessment = watch.Assess();
        return ClockHealthPolicy.LegalMoment(assessment, confirmedDate, AppointmentCalculator.VietnamOffset)
            ?? DateTimeOffset.FromUnixTimeMilliseconds(assessment.BestEstimateMs).ToOffset(AppointmentCalculator.VietnamOffset);
    }

    /// <summary>The moment to stamp with when a door has no clock judgement (tests that build services by hand).</summary>
    public static LegalStamp Unjudged(TimeProvider time) => new(time.GetUtcNow(), null);

    private static IntakeException Refusal(DateTimeOffset estimate)
    {
        var day = estimate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return new IntakeException(
            LegalDateFields.ConfirmedDate,
            $"Đồng hồ của máy có thể đang sai. Hãy xác nhận ngày hôm nay (ước tính: {day}) trước khi tiếp nhận hồ sơ, thu phí hoặc trả kết quả.",
            $"The node's clock may be wrong. Confirm today's date (estimate: {day}) before receiving a dossier, collecting a fee or returning a result: send {LegalDateFields.ConfirmedDate} (yyyy-MM-dd).");
    }
}
