using Google.Rpc;
using Grpc.Core;

namespace Program287g.Testing;

/// <summary>Reads the error model's details off an <see cref="RpcException"/>.</summary>
public static class GrpcErrors
{
    public static IReadOnlyList<string> BadFields(this RpcException exception) =>
        exception.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];

    public static ResourceInfo? Resource(this RpcException exception) => exception.GetRpcStatus()?.GetDetail<ResourceInfo>();
}
