using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Program287g.ServiceDefaults.Errors;

/// <summary>The one error model: every refusal is an <see cref="RpcException"/> carrying a google.rpc.Status, with
/// a BadRequest listing each bad field for INVALID_ARGUMENT and a ResourceInfo naming the record for NOT_FOUND and
/// ALREADY_EXISTS. Clients read the details with <c>GetRpcStatus()</c> (Grpc.StatusProto).</summary>
public static class RpcErrors
{
    public static RpcException InvalidArgument(IEnumerable<FieldError> errors)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(errors.Select(e =>
            new BadRequest.Types.FieldViolation { Field = e.Field, Description = e.Description }));
        var fields = string.Join(", ", badRequest.FieldViolations.Select(v => v.Field).Distinct());
        return Build(Code.InvalidArgument, $"Invalid request: {fields}.", badRequest);
    }

    public static RpcException InvalidArgument(string field, string description) =>
        InvalidArgument([new FieldError(field, description)]);

    public static RpcException NotFound(string resourceType, string name) =>
        Build(Code.NotFound, $"No {resourceType} '{name}'.",
            new ResourceInfo { ResourceType = resourceType, ResourceName = name });

    public static RpcException AlreadyExists(string resourceType, string existingName, string description) =>
        Build(Code.AlreadyExists, description,
            new ResourceInfo { ResourceType = resourceType, ResourceName = existingName, Description = description });

    public static RpcException FailedPrecondition(string description) =>
        Build(Code.FailedPrecondition, description);

    public static RpcException PermissionDenied(string description) => Build(Code.PermissionDenied, description);

    public static RpcException Unauthenticated(string description) => Build(Code.Unauthenticated, description);

    /// <summary>What a caller sees of a bug: no stack trace, no message that could leak data; the log has the rest.</summary>
    public static RpcException Internal(string traceId) =>
        Build(Code.Internal, $"An internal error occurred (trace {traceId}).");

    private static RpcException Build(Code code, string message, params Google.Protobuf.IMessage[] details)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        status.Details.AddRange(details.Select(Any.Pack));
        return status.ToRpcException();
    }
}

/// <summary>One bad field: its path in the request (proto field names, e.g. "point_of_contact.email") and why.</summary>
public sealed record FieldError(string Field, string Description);
