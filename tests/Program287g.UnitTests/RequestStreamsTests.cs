using Grpc.Core;
using Program287g.ServiceDefaults.Grpc;

namespace Program287g.UnitTests;

/// <summary>SendAllAsync against a request stream held in memory: the logic of when it stops writing. The hang it
/// prevents needs a real HTTP/2 stream and a race; the fuzz and CLI tests drive it through the real service.</summary>
public sealed class RequestStreamsTests
{
    [Fact]
    public async Task Every_message_is_written_in_order_and_the_stream_completed()
    {
        var stream = new RecordingStream();
        var answers = new TaskCompletionSource();

        var sent = await stream.SendAllAsync(new[] { "header", "chunk 1", "chunk 2" }.ToAsyncEnumerable(), answers.Task, CancellationToken.None);

        sent.ShouldBeTrue();
        stream.Written.ShouldBe(["header", "chunk 1", "chunk 2"]);
        stream.Completed.ShouldBeTrue();
    }

    [Fact]
    public async Task A_write_still_waiting_when_the_call_ends_is_cancelled_and_nothing_more_is_sent()
    {
        var stream = new RecordingStream { StallOn = "chunk 1" };
        var answers = new TaskCompletionSource();

        var sending = stream.SendAllAsync(new[] { "header", "chunk 1", "chunk 2" }.ToAsyncEnumerable(), answers.Task, CancellationToken.None);
        await stream.Stalled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        sending.IsCompleted.ShouldBeFalse("the write waits while the call goes on");
        answers.SetException(new RpcException(new Status(StatusCode.InvalidArgument, "header.kind")));

        (await sending.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeFalse();
        stream.Written.ShouldBe(["header"]);
        stream.StalledWriteCancelled.ShouldBeTrue();
        stream.Completed.ShouldBeFalse();
    }

    [Fact]
    public async Task A_write_to_a_call_that_ended_between_writes_stops_the_sending()
    {
        var stream = new RecordingStream { RefuseFrom = "chunk 1" };

        var sent = await stream.SendAllAsync(new[] { "header", "chunk 1", "chunk 2" }.ToAsyncEnumerable(), new TaskCompletionSource().Task,
            CancellationToken.None);

        sent.ShouldBeFalse();
        stream.Written.ShouldBe(["header"]);
        stream.Completed.ShouldBeFalse();
    }

    [Fact]
    public async Task The_caller_s_own_cancellation_is_not_taken_for_the_call_ending()
    {
        using var caller = new CancellationTokenSource();
        var stream = new RecordingStream { RefuseFrom = "chunk 1", OnRefuse = caller.Cancel };

        await Should.ThrowAsync<RpcException>(() => stream.SendAllAsync(new[] { "header", "chunk 1" }.ToAsyncEnumerable(),
            new TaskCompletionSource().Task, caller.Token));
    }

    /// <summary>Records what is written; can hold one write until it is cancelled (a full HTTP/2 window), or refuse
    /// writes from one message on (an ended call).</summary>
    private sealed class RecordingStream : IClientStreamWriter<string>
    {
        public List<string> Written { get; } = [];
        public bool Completed { get; private set; }
        public string? StallOn { get; init; }
        public string? RefuseFrom { get; init; }
        public Action? OnRefuse { get; init; }
        public TaskCompletionSource Stalled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool StalledWriteCancelled { get; private set; }
        private bool _refusing;

        public WriteOptions? WriteOptions { get; set; }

        public Task WriteAsync(string message) => WriteAsync(message, CancellationToken.None);

        public async Task WriteAsync(string message, CancellationToken cancellationToken)
        {
            if (message == RefuseFrom || _refusing)
            {
                _refusing = true;
                OnRefuse?.Invoke();
                throw new RpcException(new Status(StatusCode.Cancelled, "the call has ended"));
            }
            if (message == StallOn)
            {
                Stalled.SetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    StalledWriteCancelled = true;
                    throw new RpcException(new Status(StatusCode.Cancelled, "cancelled"));
                }
            }
            Written.Add(message);
        }

        public Task CompleteAsync()
        {
            Completed = true;
            return Task.CompletedTask;
        }
    }
}
