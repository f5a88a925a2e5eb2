using Grpc.Core;

namespace Program287g.ServiceDefaults.Grpc;

/// <summary>Sending the request stream of a client-streaming or duplex call while its answers are read.</summary>
public static class RequestStreams
{
    /// <summary>Writes each message, then completes the stream, unless the call ends first: <paramref name="answers"/>
    /// is the caller's read of the response stream, and once it has ended (the service refused the header, or the
    /// caller) no write is waited for any longer. Without that a write can wait for ever: a write larger than the
    /// HTTP/2 stream's window waits for the service to take more, the service that ended the call takes nothing, and
    /// grpc-dotnet does not cancel a pending write of a call that ended with a status (its deadline timer is gone with
    /// the call). The fuzz test's random ImportIceList calls (3 MiB chunks after a refused header among them) hung so
    /// within 1,000 to 3,700 calls in four runs of four, and hung CI once.</summary>
    /// <returns>True when every message was sent and the stream completed; false when the call ended before, in which
    /// case <paramref name="answers"/> says how.</returns>
    public static async Task<bool> SendAllAsync<TRequest>(this IClientStreamWriter<TRequest> requests,
        IAsyncEnumerable<TRequest> messages, Task answers, CancellationToken cancellationToken)
    {
        using var stopWriting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            await foreach (var message in messages.WithCancellation(cancellationToken))
            {
                var write = requests.WriteAsync(message, stopWriting.Token);
                if (await Task.WhenAny(write, answers) != write)
                {
                    // Cancelling the write cancels the call, which has ended already; the write then ends too.
                    await stopWriting.CancelAsync();
                    await write.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously,
                        TaskScheduler.Default);
                    return false;
                }
                await write;
            }
            await requests.CompleteAsync();
            return true;
        }
        catch (Exception exception) when (exception is RpcException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            // The call ended between two writes: a write to an ended call fails at once (RpcException, or
            // InvalidOperationException when the stream was completed meanwhile).
            return false;
        }
    }
}
