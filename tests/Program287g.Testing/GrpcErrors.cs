using Google.Rpc;
using Grpc.Core;

namespace Program287g.Testing;

/// <summary>Reads the error model's details off an <see cref="RpcException"/>.</summary>
public static class GrpcErrors
{
    public static IReadOnlyList<string> BadFields(this RpcException exception) =>
        exception.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];

    /// <summary>What the refusal says of one bad field.</summary>
    public static string? BadFieldDescription(this RpcException exception, string field) =>
        exception.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.FirstOrDefault(v => v.Field == field)?.Description;

    public static ResourceInfo? Resource(this RpcException exception) => exception.GetRpcStatus()?.GetDetail<ResourceInfo>();
}
