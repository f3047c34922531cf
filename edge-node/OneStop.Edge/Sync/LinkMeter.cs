using OneStop.Core.Changes;

namespace OneStop.Edge.Sync;

/// <summary>
/// What this node measures of its link, for <see cref="PushPacing"/>: the round trip as the lowest of the recent
/// Hellos (a Hello carries little, so its time is the round trip plus the hub's bookkeeping), and the push goodput
/// as delivery-rate samples: for each batch, the bytes acknowledged since the reply that preceded its sending,
/// over the time since that reply. Measured from an earlier reply rather than between replies, a burst of replies
/// (the hub committing batches that arrived together) cannot make a huge sample. Lives as long as the connection.
/// </summary>
public sealed class LinkMeter(TimeProvider time)
{
    private const int HelloSamples = 8;

    private readonly Queue<double> _hellos = new();
    private readonly Lock _gate = new();
    private double _carriedGoodput;
    private double _roundGoodput;
    private int _roundSamples;
    private long _delivered;
    private long _lastReplyAt;

    /// <summary>The estimate to plan the next batch with.</summary>
    public LinkEstimate Current
    {
        get
        {
            lock (_gate)
            {
                return new(_hellos.Count == 0 ? -1 : _hellos.Min(), Math.Max(_carriedGoodput, _roundGoodput));
            }
        }
    }

    public void NoteHello(TimeSpan roundTrip)
    {
        lock (_gate)
        {
            _hellos.Enqueue(roundTrip.TotalSeconds);
            if (_hellos.Count > HelloSamples)
            {
                _hellos.Dequeue();
            }
        }
    }

    /// <summary>A push starts: samples are taken from now on.</summary>
    public void StartPush()
    {
        lock (_gate)
        {
            _delivered = 0;
            _lastReplyAt = time.GetTimestamp();
            _roundGoodput = 0;
            _roundSamples = 0;
        }
    }

    /// <summary>A batch is sent: what it will be measured against.</summary>
    public (long Delivered, long At) Sent()
    {
        lock (_gate)
        {
            return (_delivered, _lastReplyAt);
        }
    }

    /// <summary>The hub acknowledged a batch of <paramref name="bytes"/> sent at <paramref name="sent"/>.</summary>
    public void Acknowledged(int bytes, (long Delivered, long At) sent)
    {
        lock (_gate)
        {
            _delivered += bytes;
            _lastReplyAt = time.GetTimestamp();
            var seconds = time.GetElapsedTime(sent.At, _lastReplyAt).TotalSeconds;
            if (seconds > 0)
            {
                _roundGoodput = Math.Max(_roundGoodput, (_delivered - sent.Delivered) / seconds);
                _roundSamples++;
            }
        }
    }

    /// <summary>
    /// A push ended. A push of a few batches gives no rate worth keeping (its first samples include the round trip);
    /// a longer one replaces what the previous pushes measured, so the estimate follows a link that changed.
    /// </summary>
    public void EndPush()
    {
        lock (_gate)
        {
            if (_roundSamples >= 4)
            {
                _carriedGoodput = _roundGoodput;
            }

            _roundGoodput = 0;
            _roundSamples = 0;
        }
    }
}
