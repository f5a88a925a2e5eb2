using Program287g.ServiceDefaults.Auth;
using Program287g.ServiceDefaults.Errors;

namespace Program287g.Notification.Grpc;

/// <summary>Which agency's records a caller's listing covers: an agency user sees its own agency's only.</summary>
internal static class AgencyScope
{
    /// <summary>An agency user's own agency (PERMISSION_DENIED when it asks for another), else the filter's, if any.</summary>
    public static Guid? Of(Caller caller, string requested)
    {
        if (!caller.IsAgencyUser)
        {
            return requested.Length > 0 ? Guid.Parse(requested) : null;
        }
        if (requested.Length > 0)
        {
            caller.EnsureMayActFor(requested);
        }
        return Own(caller);
    }

    public static Guid Own(Caller caller) => Guid.TryParse(caller.AgencyId, out var own)
        ? own
        : throw RpcErrors.PermissionDenied("The agency user's token names no agency.");
}
