namespace OneStop.Protocol;

/// <summary>
/// Request metadata that identifies a node to the hub. The bearer key is the seam where enrolment's
/// mutual TLS takes over: the hub's authenticator is the only reader.
/// </summary>
public static class NodeHeaders
{
    public const string NodeId = "onestop-node-id";
    public const string Authorization = "authorization";
}
