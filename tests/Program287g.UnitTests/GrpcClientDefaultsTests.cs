using Grpc.Core;
using Grpc.Core.Interceptors;
using Program287g.ServiceDefaults.Grpc;

namespace Program287g.UnitTests;

public class GrpcClientDefaultsTests
{
    [Fact]
    public void Only_the_named_idempotent_methods_are_retried_and_only_when_unavailable()
    {
        var config = GrpcClientDefaults.RetryPolicyFor("program287g.agency.v1.AgencyService/GetAgency");

        var retried = config.MethodConfigs.ShouldHaveSingleItem();
        retried.Names.Select(n => $"{n.Service}/{n.Method}").ShouldBe(["program287g.agency.v1.AgencyService/GetAgency"]);
        retried.RetryPolicy!.RetryableStatusCodes.ShouldBe([StatusCode.Unavailable]);
        retried.RetryPolicy.MaxAttempts.ShouldBe(3);
    }

    [Fact]
    public void Without_idempotent_methods_nothing_is_retried() =>
        GrpcClientDefaults.RetryPolicyFor().MethodConfigs.ShouldBeEmpty();

    [Fact]
    public void A_call_without_a_deadline_gets_the_default_one()
    {
        var deadline = SentDeadline(new CallOptions());
        deadline.ShouldNotBeNull();
        (deadline.Value - DateTime.UtcNow).ShouldBeInRange(TimeSpan.FromSeconds(9), GrpcClientDefaults.DefaultDeadline);
    }

    [Fact]
    public void A_call_with_a_deadline_keeps_it()
    {
        var own = DateTime.UtcNow.AddSeconds(42);
        SentDeadline(new CallOptions(deadline: own)).ShouldBe(own);
    }

    private static DateTime? SentDeadline(CallOptions options)
    {
        var method = new Method<string, string>(MethodType.Unary, "svc", "m",
            Marshallers.Create(s => System.Text.Encoding.UTF8.GetBytes(s), b => System.Text.Encoding.UTF8.GetString(b)),
            Marshallers.Create(s => System.Text.Encoding.UTF8.GetBytes(s), b => System.Text.Encoding.UTF8.GetString(b)));
        DateTime? seen = null;
        new DefaultDeadlineInterceptor(GrpcClientDefaults.DefaultDeadline).AsyncUnaryCall("request",
            new ClientInterceptorContext<string, string>(method, null, options),
            (_, context) =>
            {
                seen = context.Options.Deadline;
                return new AsyncUnaryCall<string>(Task.FromResult(""), Task.FromResult(new Metadata()),
                    () => Status.DefaultSuccess, () => [], () => { });
            });
        return seen;
    }
}
