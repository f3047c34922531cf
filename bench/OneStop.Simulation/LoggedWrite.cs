using OneStop.Core.Changes;

namespace OneStop.Simulation;

/// <summary>A write a store acknowledged (WriteAsync or WriteAsHubAsync returned), with the log entry it made.</summary>
public sealed record LoggedWrite(string Origin, long Seq, ChangeEntry Entry, long Step);
