using OneStop.Core.Changes;

namespace OneStop.Core.Slips;

/// <summary>
/// A node's public signing key as a record of its commune, so the hub (and anyone it serves) can check that node's
/// slips and results offline: it travels with the node's pushes like any record, over the node's authenticated link.
/// </summary>
public static class SigningKeyRecord
{
    public const string Type = "signing_key";
    public const string NodeId = "node_id";

    /// <summary>DER SubjectPublicKeyInfo, base64.</summary>
    public const string PublicKey = "public_key_spki";

    /// <summary>One record per node, the same id on every replica.</summary>
    public static Guid IdFor(string nodeId) => NameBasedIds.For("signing-key:" + nodeId);
}
