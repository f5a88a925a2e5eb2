using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Program287g.ServiceDefaults.Auth;

namespace Program287g.ServiceDefaults.Grpc;

/// <summary>Gives each outgoing call that carries no Authorization header of its own the calling service's
/// internal-system bearer token. The token is added as per-call credentials, which may wait for it asynchronously
/// (a client-credentials request to the issuer when the kept one is due for renewal).</summary>
public sealed class InternalTokenInterceptor(InternalTokenProvider tokens, ILogger<InternalTokenInterceptor> logger) : Interceptor
{
    private readonly CallCredentials _credentials =
        CallCredentials.FromInterceptor((context, metadata) => AddTokenAsync(tokens, logger, context, metadata));

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

    /// <summary>Without a token the call is UNAVAILABLE to whoever called this service (the issuer may be down, or
    /// refuse this service's client); why is logged here, not told to them.</summary>
    private static async Task AddTokenAsync(InternalTokenProvider tokens, ILogger logger, AuthInterceptorContext context, Metadata metadata)
    {
        string token;
        try
        {
            token = await tokens.TokenAsync(context.CancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "No internal-system token for a call to {Service}", context.ServiceUrl);
            throw new RpcException(new Status(StatusCode.Unavailable, "This service could not get its token for a call to another service."));
        }
        metadata.Add("Authorization", $"Bearer {token}");
    }
}
