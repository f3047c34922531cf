namespace OneStop.Core.Slips;

/// <summary>The outcome of checking a slip's QR text.</summary>
public enum SlipCheck
{
    /// <summary>Well formed and signed by the key it was checked with.</summary>
    Valid,

    /// <summary>Not a slip code at all, or a slip code with a part missing or re-encoded.</summary>
    Malformed,

    /// <summary>Well formed, but the signature does not match: the content was changed or another key signed it.</summary>
    BadSignature,
}
