namespace Program287g.AppHost.Infrastructure;

/// <summary>A server run from the machine's own binaries that hands its clients a connection string.</summary>
public sealed class NativeServerResource(string name, string command, string workingDirectory, ReferenceExpression connectionString)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public ReferenceExpression ConnectionStringExpression => connectionString;
}

/// <summary>One service's database on the native PostgreSQL server; shown under the server in the dashboard and
/// marked running once the server's readiness check has created it.</summary>
public sealed class NativeDatabaseResource(string name, NativeServerResource server, ReferenceExpression connectionString)
    : Resource(name), IResourceWithParent<NativeServerResource>, IResourceWithConnectionString
{
    public NativeServerResource Parent => server;

    public ReferenceExpression ConnectionStringExpression => connectionString;
}
