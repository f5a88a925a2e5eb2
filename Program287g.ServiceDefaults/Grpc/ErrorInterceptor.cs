using System.Diagnostics;
using FluentValidation;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Program287g.ServiceDefaults.Errors;

namespace Program287g.ServiceDefaults.Grpc;

/// <summary>Validates every request that has a validator, and turns anything thrown that is not already an
/// <see cref="RpcException"/> into the error model: bad input into INVALID_ARGUMENT with each field, a cancelled
/// call into CANCELLED, and a bug into INTERNAL with a trace id (never UNKNOWN, never the exception's text).</summary>
public sealed class ErrorInterceptor(IServiceProvider services, ILogger<ErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await ValidateAsync(request, context.CancellationToken);
            return await continuation(request, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Translate(exception, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await ValidateAsync(request, context.CancellationToken);
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Translate(exception, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Translate(exception, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Translate(exception, context);
        }
    }

    private async Task ValidateAsync<TRequest>(TRequest request, CancellationToken cancellationToken)
    {
        if (request is Google.Protobuf.IMessage message && TextFieldGuard.Check(message) is { Count: > 0 } nulFields)
        {
            throw RpcErrors.InvalidArgument(nulFields);
        }
        if (services.GetService(typeof(IValidator<TRequest>)) is IValidator<TRequest> validator)
        {
            var result = await validator.ValidateAsync(request, cancellationToken);
            if (!result.IsValid)
            {
                throw RpcErrors.InvalidArgument(result.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)));
            }
        }
    }

    private RpcException Translate(Exception exception, ServerCallContext context)
    {
        if (exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            return new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled or its deadline passed."));
        }
        if (exception is System.Data.Common.DbException { IsTransient: true } or TimeoutException)
        {
            // The database is restarting or out of reach: the caller's to retry, not a bug. Nothing is half done (a
            // transaction commits whole or not at all). Logged without the exception's text, which may quote data.
            logger.LogWarning("{Method} could not reach its database ({Error})", context.Method, exception.GetType().Name);
            return new RpcException(new Status(StatusCode.Unavailable, "The service's database is unavailable; try again shortly."));
        }
        var traceId = Activity.Current?.TraceId.ToString() ?? context.GetHttpContext().TraceIdentifier;
        logger.LogError(exception, "Unhandled error in {Method} (trace {TraceId})", context.Method, traceId);
        return RpcErrors.Internal(traceId);
    }
}
