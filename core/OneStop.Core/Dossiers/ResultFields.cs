namespace OneStop.Core.Dossiers;

/// <summary>Fields of a dossier that describe its digital result, written together when the result is attached.</summary>
public static class ResultFields
{
    /// <summary>Id of the attachment record that holds the result document.</summary>
    public const string Attachment = "result_attachment";

    /// <summary>SHA-256 of the result document (hex), the hash the result QR vouches for.</summary>
    public const string Sha256 = "result_sha256";

    /// <summary>The signed result QR text (<see cref="Slips.ResultSeal"/>).</summary>
    public const string Seal = "result_seal";
}
