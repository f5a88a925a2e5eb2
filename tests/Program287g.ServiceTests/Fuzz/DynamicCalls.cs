using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Program287g.ServiceDefaults.Grpc;

namespace Program287g.ServiceTests.Fuzz;

/// <summary>Calls any method of a service from its descriptor alone, whatever its kind, with messages built at run time,
/// and answers the status it ended with and the responses it sent.</summary>
public static class DynamicCalls
{
    public static async Task<(StatusCode Code, IReadOnlyList<IMessage> Responses)> CallAsync(CallInvoker invoker,
        MethodDescriptor method, IReadOnlyList<IMessage> requests, string? token)
    {
        var definition = new Method<IMessage, IMessage>(Kind(method), method.Service.FullName, method.Name,
            Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.InputType.Parser.ParseFrom(bytes)),
            Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.OutputType.Parser.ParseFrom(bytes)));
        var headers = new Metadata();
        if (token is not null)
        {
            headers.Add("Authorization", $"Bearer {token}");
        }
        var options = new CallOptions(headers, DateTime.UtcNow.AddSeconds(30));
        var responses = new List<IMessage>();
        try
        {
            switch (definition.Type)
            {
                case MethodType.Unary:
                    responses.Add(await invoker.AsyncUnaryCall(definition, null, options, requests[0]));
                    break;
                case MethodType.ServerStreaming:
                    using (var call = invoker.AsyncServerStreamingCall(definition, null, options, requests[0]))
                    {
                        await ReadAllAsync(call.ResponseStream, responses);
                    }
                    break;
                default:
                    using (var call = invoker.AsyncDuplexStreamingCall(definition, null, options))
                    {
                        // Read while writing, as a client must: the server may end the call (refuse the caller, or the
                        // first message) while requests are still on their way, and how it ended is read here.
                        var reading = ReadAllAsync(call.ResponseStream, responses);
                        await call.RequestStream.SendAllAsync(requests.ToAsyncEnumerable(), reading, CancellationToken.None);
                        await reading;
                    }
                    break;
            }
            return (StatusCode.OK, responses);
        }
        catch (RpcException exception)
        {
            return (exception.StatusCode, responses);
        }
    }

    private static async Task ReadAllAsync(IAsyncStreamReader<IMessage> stream, List<IMessage> responses)
    {
        await foreach (var response in stream.ReadAllAsync())
        {
            responses.Add(response);
        }
    }

    private static MethodType Kind(MethodDescriptor method) => (method.IsClientStreaming, method.IsServerStreaming) switch
    {
        (false, false) => MethodType.Unary,
        (false, true) => MethodType.ServerStreaming,
        (true, false) => MethodType.ClientStreaming,
        _ => MethodType.DuplexStreaming,
    };

    /// <summary>Every agency id a response carries, at any depth (fields named agency_id).</summary>
    public static IEnumerable<string> AgencyIds(IMessage message)
    {
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            var value = field.Accessor.GetValue(message);
            var values = field.IsRepeated && value is System.Collections.IEnumerable many && value is not string
                ? many.Cast<object>()
                : [value];
            foreach (var item in values)
            {
                switch (item)
                {
                    case string id when field.Name == "agency_id" && id.Length > 0:
                        yield return id;
                        break;
                    case IMessage nested:
                        foreach (var found in AgencyIds(nested))
                        {
                            yield return found;
                        }
                        break;
                }
            }
        }
    }
}
