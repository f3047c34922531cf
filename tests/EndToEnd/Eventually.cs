namespace OneStop.EndToEnd.Tests;

/// <summary>
/// Waits for a condition on another process (which cannot signal us) by asking it again at a short
/// interval, and fails with a description and the processes' logs when the deadline passes.
/// </summary>
internal static class Eventually
{
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, Func<string> describe)
    {
        using var cts = new CancellationTokenSource(timeout);
        T? last = default;
        while (!cts.IsCancellationRequested)
        {
            try
            {
                last = await probe();
                if (done(last))
                {
                    return last;
                }
            }
            catch (HttpRequestException)
            {
                // The other process is not listening yet or just went down: ask again.
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(25), cts.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        throw new TimeoutException($"Condition not met within {timeout.TotalSeconds} s; last value: {last}\n{describe()}");
    }
}
