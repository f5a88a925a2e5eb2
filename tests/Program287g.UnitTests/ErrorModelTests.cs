using Google.Rpc;
using Grpc.Core;
using Program287g.ServiceDefaults.Errors;

namespace Program287g.UnitTests;

public class ErrorModelTests
{
    [Fact]
    public void Invalid_argument_lists_every_bad_field_in_a_BadRequest()
    {
        var exception = RpcErrors.InvalidArgument([new FieldError("name", "required"), new FieldError("state", "unknown")]);
        exception.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        var badRequest = exception.GetRpcStatus()!.GetDetail<BadRequest>();
        badRequest.FieldViolations.Select(v => (v.Field, v.Description)).ShouldBe([("name", "required"), ("state", "unknown")]);
        exception.Status.Detail.ShouldBe("Invalid request: name, state.");
    }

    [Fact]
    public void Already_exists_names_the_existing_record()
    {
        var exception = RpcErrors.AlreadyExists("agency", "id-1", "taken");
        exception.StatusCode.ShouldBe(StatusCode.AlreadyExists);
        exception.GetRpcStatus()!.GetDetail<ResourceInfo>().ResourceName.ShouldBe("id-1");
    }

    [Fact]
    public void Internal_errors_say_nothing_but_the_trace_id()
    {
        var exception = RpcErrors.Internal("abc123");
        exception.StatusCode.ShouldBe(StatusCode.Internal);
        exception.Status.Detail.ShouldBe("An internal error occurred (trace abc123).");
    }
}
