namespace OneStop.Core.Statistics;

/// <summary>How a dossier's fee was settled, for the cashless rate.</summary>
public enum FeeSettlement
{
    /// <summary>Nothing collected (yet), or the procedure has no fee.</summary>
    None,

    Cash,

    /// <summary>Bank transfer, VietQR or any other payment that is not cash.</summary>
    Cashless,

    /// <summary>The resident belongs to an exempt group: a fee was due but waived.</summary>
    Exempt,
}
