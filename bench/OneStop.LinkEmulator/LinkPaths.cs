namespace OneStop.LinkEmulator;

/// <summary>The two directions of a link as a connection sees them: a shared rate limiter and a delay each way.</summary>
internal sealed record LinkPaths(PathShape Up, PathShape Down, TimeSpan RoundTrip);

/// <summary>One direction: its rate limiter (null for loopback speed), its one-way delay and jitter.</summary>
internal sealed record PathShape(TokenBucket? Bucket, int SegmentBytes, TimeSpan Delay, TimeSpan Jitter);
