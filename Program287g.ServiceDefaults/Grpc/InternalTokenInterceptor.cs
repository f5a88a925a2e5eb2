using Grpc.Core;
using Grpc.Core.Interceptors;
using Program287g.ServiceDefaults.Auth;

namespace Program287g.ServiceDefaults.Grpc;

/// <summary>Gives each outgoing call that carries no Authorization header of its own the calling service's
/// internal-system bearer token. The token is added as per-call credentials, which may wait for it asynchronously
/// (a client-credentials request to the issuer when the kept one is due for renewal).</summary>
public sealed class InternalTokenInterceptor(InternalTokenProvider tokens) : Interceptor
{
    private readonly CallCredentials _credentials = CallCredentials.FromInterceptor(async (context, metadata) =>
        metadata.Add("Authorization", $"Bearer {await tokens.TokenAsync(context.CancellationToken)}"));

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithToken(context));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithToken(context));

    private ClientInterceptorContext<TRequest, TResponse> WithToken<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class where TResponse : class
    {
        if (context.Options.Headers?.Get("authorization") is not null || context.Options.Credentials is not null)
        {
            return context;
        }
        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithCredentials(_credentials));
    }
}
