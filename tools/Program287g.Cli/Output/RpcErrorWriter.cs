using Google.Rpc;
using Grpc.Core;

namespace Program287g.Cli.Output;

/// <summary>Prints a refusal the way the services build it (ServiceDefaults' RpcErrors): the status code, the
/// message, each bad field of a google.rpc.BadRequest and the record a google.rpc.ResourceInfo names.</summary>
public static class RpcErrorWriter
{
    /// <summary>Prints the refusal; <paramref name="about"/> names what was refused when a command makes several calls.</summary>
    public static void Write(RpcException exception, CliOutput output, string? about = null)
    {
        output.WriteError($"{(about is null ? "" : about + ": ")}the {output.Service} service refused: {Summary(exception)}");
        var status = exception.GetRpcStatus();
        if (status?.GetDetail<BadRequest>() is { } badRequest)
        {
            foreach (var violation in badRequest.FieldViolations)
            {
                output.Error.WriteLine($"  {violation.Field}: {violation.Description}");
            }
        }
        if (status?.GetDetail<ResourceInfo>() is { } resource)
        {
            output.Error.WriteLine($"  {resource.ResourceType} '{resource.ResourceName}'");
        }
        if (exception.StatusCode is StatusCode.Unauthenticated)
        {
            output.Error.WriteLine(
                $"  pass a valid token with --token or {AgreementClientFactory.TokenVariable}, or leave both unset to mint one from the AppHost's key");
        }
    }

    /// <summary>"NOT_FOUND: No document '…'."</summary>
    public static string Summary(RpcException exception) =>
        $"{Formats.ShortName((Code)(int)exception.StatusCode)}: {exception.Status.Detail}";
}
