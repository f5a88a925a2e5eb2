using Google.Rpc;
using Grpc.Core;

namespace Program287g.Console.Services;

/// <summary>What a service said when it refused a call, in the terms a page shows: a heading for the kind of refusal,
/// the service's own message, and each bad field with the service's words for it (the BadRequest detail of the error
/// model), so that a form can put each next to the field it names.</summary>
public sealed record ServiceProblem(StatusCode Code, string Message, IReadOnlyDictionary<string, string> Fields)
{
    public static ServiceProblem From(RpcException exception)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var violations = exception.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations ?? [];
        foreach (var violation in violations)
        {
            fields[violation.Field] = fields.TryGetValue(violation.Field, out var earlier)
                ? $"{earlier} {violation.Description}"
                : violation.Description;
        }
        return new ServiceProblem(exception.StatusCode, exception.Status.Detail, fields);
    }

    public string Heading => Code switch
    {
        StatusCode.InvalidArgument => "Some fields need correcting",
        StatusCode.NotFound => "Not found",
        StatusCode.PermissionDenied => "Not allowed for your role or agency",
        StatusCode.Unauthenticated => "Your sign-in has expired: sign in again",
        StatusCode.FailedPrecondition => "Not possible in the record's present state",
        StatusCode.AlreadyExists => "Already recorded",
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => "The service did not answer: try again shortly",
        _ => "The service refused the request",
    };

    /// <summary>The service's words for one field, or null: bind to an input's ErrorText.</summary>
    public string? For(string field) => Fields.GetValueOrDefault(field);

    public bool Has(string field) => Fields.ContainsKey(field);

    /// <summary>Bad fields that no input on the form shows, so that none goes unsaid.</summary>
    public IEnumerable<KeyValuePair<string, string>> FieldsOtherThan(IEnumerable<string> shown)
    {
        var shownSet = shown.ToHashSet(StringComparer.Ordinal);
        return Fields.Where(field => !shownSet.Contains(field.Key));
    }
}
