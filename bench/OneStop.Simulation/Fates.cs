namespace OneStop.Simulation;

/// <summary>What the network does with one push.</summary>
public enum PushFate
{
    Deliver,
    DropRequest,

    /// <summary>The hub applies the batch but the node never hears the ack: a crash between write and ack.</summary>
    DropReply,
    Duplicate,
    Delay,
}

/// <summary>What the network does with one pull reply.</summary>
public enum PullFate
{
    Deliver,
    Drop,
    Duplicate,
    Delay,
}
