using System.Security.Claims;
using Grpc.Core;
using Program287g.ServiceDefaults.Auth;

namespace Program287g.Audit;

/// <summary>Who is writing, as the audit trail records it: the authenticated caller (<see cref="Caller"/>'s subject, role
/// and agency), the OAuth client its token was issued to, the network peer, and the RPC it called.</summary>
public sealed record AuditActor(string Subject, string Role, string? AgencyId, string? ClientId, string? Peer, string Action)
{
    /// <summary>The claims an issuer names the client by: azp (OpenID Connect) or client_id (RFC 9068).</summary>
    public static readonly IReadOnlyList<string> ClientClaims = [ClaimNames.AuthorizedParty, "client_id"];

    public static AuditActor From(ServerCallContext context)
    {
        var caller = Caller.From(context);
        var user = context.GetHttpContext().User;
        return new AuditActor(caller.Subject, caller.Role, caller.AgencyId, ClientOf(user), context.Peer, ActionOf(context.Method));
    }

    /// <summary>One record this caller's write changed. <paramref name="detail"/> holds ids and codes only (never a
    /// nominee's name, email or date of birth, never an inquiry's text): it is kept for good.</summary>
    public AuditEntry On(string kind, string recordId, string detail = "") => new(this, kind, recordId, detail);

    private static string? ClientOf(ClaimsPrincipal user) =>
        ClientClaims.Select(user.FindFirstValue).FirstOrDefault(value => !string.IsNullOrEmpty(value));

    /// <summary>"/program287g.agency.v1.AgencyService/RegisterAgency" is kept without its leading slash.</summary>
    private static string ActionOf(string method) => method.TrimStart('/');
}

/// <summary>One audit record to write: the actor, the kind and id of the record changed, and ids or codes about it.</summary>
public sealed record AuditEntry(AuditActor Actor, string RecordKind, string RecordId, string Detail);
