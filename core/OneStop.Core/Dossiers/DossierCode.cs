namespace OneStop.Core.Dossiers;

/// <summary>
/// The dossier code people read and type: the first 12 hex digits of the id, upper case. Ids are UUIDv7, so those
/// digits are the creation time in milliseconds: unique in practice within a commune, and the desk searches by them.
/// </summary>
public static class DossierCode
{
    public const int Length = 12;

    public static string Of(Guid id) => id.ToString("N")[..Length].ToUpperInvariant();
}
