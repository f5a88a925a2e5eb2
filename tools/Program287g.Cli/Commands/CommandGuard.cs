using System.Net.Sockets;
using Grpc.Core;
using Program287g.Cli.Output;

namespace Program287g.Cli.Commands;

/// <summary>Turns what can go wrong in a command into its exit code and a message on stderr.</summary>
public static class CommandGuard
{
    public static async Task<int> RunAsync(CliOutput output, Func<Task<int>> command, CancellationToken cancellationToken)
    {
        try
        {
            return await command();
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested
            && exception is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            output.WriteError("cancelled");
            return ExitCodes.Cancelled;
        }
        catch (RpcException exception) when (IsTransportFailure(exception))
        {
            output.WriteError($"cannot reach the {output.Service} service: {exception.Status.DebugException!.Message}");
            return ExitCodes.Usage;
        }
        catch (RpcException exception)
        {
            RpcErrorWriter.Write(exception, output);
            return ExitCodes.Refused;
        }
        catch (UnexpectedAnswerException exception)
        {
            output.WriteError(exception.Message);
            return ExitCodes.Refused;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            output.WriteError(exception.Message);
            return ExitCodes.Usage;
        }
    }

    // The client's own failure to talk to the server (refused connection, no HTTP/2, reset stream) carries the
    // transport's exception; a status the server sent carries none.
    private static bool IsTransportFailure(RpcException exception) =>
        exception.Status.DebugException is HttpRequestException or IOException or SocketException;
}

/// <summary>The service answered, but not as the contract says (e.g. an import stream without an outcome).</summary>
public sealed class UnexpectedAnswerException(string message) : Exception(message);
