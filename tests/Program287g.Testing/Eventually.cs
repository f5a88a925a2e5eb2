namespace Program287g.Testing;

/// <summary>Polls until an action succeeds or a deadline passes. For waiting on servers and asynchronous effects,
/// never as a stand-in for a clock in logic tests.</summary>
public static class Eventually
{
    public static async Task SucceedsAsync(Func<Task> action, TimeSpan timeout, Func<string>? diagnostics = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                await action();
                return;
            }
            catch (Exception exception) when (DateTime.UtcNow < deadline)
            {
                _ = exception;
                await Task.Delay(100);
            }
            catch (Exception exception)
            {
                throw new TimeoutException(
                    $"Still failing after {timeout.TotalSeconds:0}s: {exception.Message}\n{diagnostics?.Invoke()}", exception);
            }
        }
    }

    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> accept, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        T last;
        do
        {
            last = await probe();
            if (accept(last))
            {
                return last;
            }
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"No acceptable value after {timeout.TotalSeconds:0}s; the last was {last}.");
    }
}
