using Google.Protobuf;
using Program287g.Cli.Output;

namespace Program287g.Cli.Commands;

/// <summary>The shape of most commands: one call; with --json its whole response (every field, so scripts see what
/// the service said), else what the command prints for people. Failures become exit codes in <see cref="CommandGuard"/>.</summary>
public static class ServiceCall
{
    public static Task<int> PrintAsync<TResponse>(CliOutput output, Func<Task<TResponse>> call, Action<TResponse, CliOutput> human,
        CancellationToken cancellationToken) where TResponse : IMessage =>
        CommandGuard.RunAsync(output, async () =>
        {
            var response = await call();
            if (output.Json)
            {
                output.WriteJson(ProtoJson.From(response)!);
            }
            else
            {
                human(response, output);
            }
            return ExitCodes.Ok;
        }, cancellationToken);

    /// <summary>For people: the one record the response carries, field by field.</summary>
    public static Action<TResponse, CliOutput> Record<TResponse>(Func<TResponse, IMessage?> record) =>
        (response, output) => RecordView.Write(record(response), output);
}
