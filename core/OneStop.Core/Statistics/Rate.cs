using System.Globalization;

namespace OneStop.Core.Statistics;

/// <summary>A share reported with its counts, so a reader can check it and two reports can be added up.</summary>
public readonly record struct Rate(int Numerator, int Denominator)
{
    /// <summary>Null when nothing was counted: "no dossiers" is not 0 %.</summary>
    public double? Value => Denominator == 0 ? null : (double)Numerator / Denominator;

    public static Rate operator +(Rate left, Rate right) => new(left.Numerator + right.Numerator, left.Denominator + right.Denominator);

    /// <summary>Percent with one decimal, or an en dash when nothing was counted.</summary>
    public string ToPercent(IFormatProvider? provider = null) =>
        Value is { } value ? (value * 100).ToString("0.0", provider ?? CultureInfo.InvariantCulture) + " %" : "–";
}
