using System.Net;
using System.Net.Sockets;

namespace OneStop.LinkEmulator.Tests;

/// <summary>The far end of the emulated link: a loopback server that echoes, sinks or sends what a test asks.</summary>
internal sealed class LoopbackPeer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task _loop;

    public LoopbackPeer(Func<NetworkStream, Task> serve)
    {
        _listener.Start();
        _loop = Task.Run(async () =>
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync();
                }
                catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
                {
                    return;
                }

                _ = Task.Run(async () =>
                {
                    using (client)
                    {
                        try
                        {
                            await serve(client.GetStream());
                        }
                        catch (IOException)
                        {
                            // The link cut the connection; that is what some tests want.
                        }
                    }
                });
            }
        });
    }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    public static async Task EchoAsync(NetworkStream stream)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            await stream.WriteAsync(buffer.AsMemory(0, read));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _loop;
    }
}
