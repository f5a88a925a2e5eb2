using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Program287g.ServiceDefaults.Errors;

namespace Program287g.ServiceDefaults.Auth;

/// <summary>A call the authorization policies refuse answers as gRPC, not as a bare HTTP 401 or 403 (which a client can
/// only report as "Bad gRPC response. HTTP status code: 403"): UNAUTHENTICATED or PERMISSION_DENIED with a message that
/// says which roles the RPC is for and which one the caller has, as a trailers-only response. Other requests (probes)
/// keep ASP.NET Core's default answer.</summary>
public sealed class GrpcAuthorizationResultHandler(IOptions<TokenSettings> settings) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || !IsGrpc(context.Request))
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }
        // Built as every other refusal is (RpcErrors), so it carries the same google.rpc.Status details trailer.
        var refusal = authorizeResult.Forbidden
            ? RpcErrors.PermissionDenied(Forbidden(context, policy))
            : RpcErrors.Unauthenticated("A valid bearer token is required (missing, expired or not issued by the trusted issuer).");
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)refusal.StatusCode).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(refusal.Status.Detail);
        foreach (var entry in refusal.Trailers)
        {
            context.Response.Headers[entry.Key] = entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes) : entry.Value;
        }
        return Task.CompletedTask;
    }

    private string Forbidden(HttpContext context, AuthorizationPolicy policy)
    {
        var allowed = policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Distinct().ToList();
        var caller = Caller.From(context.User, settings.Value);
        var rpc = context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "This call";
        var role = string.IsNullOrEmpty(caller.Role) ? "no role of this program" : caller.Role;
        return allowed.Count == 0
            ? $"{rpc} is not allowed for the caller ({role})."
            : $"{rpc} is for {string.Join(" or ", allowed)}; the caller is {role}.";
    }

    private static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
}
