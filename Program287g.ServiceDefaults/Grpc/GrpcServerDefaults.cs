using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Program287g.ServiceDefaults.Grpc;

public static partial class GrpcServerDefaults
{
    /// <summary>gRPC with the error interceptor, detailed errors off (the interceptor decides what callers see),
    /// server reflection (for buf curl) and grpc.health.v1 answering SERVING only when every registered health
    /// check passes: the database, its migrations and the broker.</summary>
    public static TBuilder AddGrpcServerDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddGrpc(options =>
        {
            options.Interceptors.Add<ErrorInterceptor>();
            options.EnableDetailedErrors = false;
            options.MaxReceiveMessageSize = 16 * 1024 * 1024;
        });
        builder.Services.AddGrpcReflection();
        // One message per field: "must not be empty" says enough without "must contain letters" after it.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        builder.Services.AddGrpcHealthChecks(options =>
        {
            options.Services.Map("", registration => !registration.Tags.Contains(HealthTags.Live));
        });

        // Field paths in errors use the proto's snake_case names, the names callers see in the .proto files.
        ValidatorOptions.Global.PropertyNameResolver = (_, member, expression) => ProtoFieldPath(member, expression);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, expression) => ProtoFieldPath(member, expression);
        return builder;
    }

    public static WebApplication MapGrpcServerDefaults(this WebApplication app)
    {
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService().AllowAnonymous();
        return app;
    }

    /// <summary>Each rule's path, worked out once: FluentValidation asks for it every time the rule runs, and the
    /// validators (singletons) hold a bounded set of rules. A profile of RegisterAgency put the uncached walk at 3%.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(System.Reflection.MemberInfo?, System.Linq.Expressions.LambdaExpression?), string?>
        FieldPaths = new();

    /// <summary>"PointOfContact.Email" becomes "point_of_contact.email".</summary>
    private static string? ProtoFieldPath(System.Reflection.MemberInfo? member, System.Linq.Expressions.LambdaExpression? expression)
    {
        if (FieldPaths.TryGetValue((member, expression), out var known))
        {
            return known;
        }
        var path = WorkOutFieldPath(member, expression);
        if (FieldPaths.Count < 10_000) // a validator built per call would otherwise grow it without end
        {
            FieldPaths[(member, expression)] = path;
        }
        return path;
    }

    private static string? WorkOutFieldPath(System.Reflection.MemberInfo? member, System.Linq.Expressions.LambdaExpression? expression)
    {
        var path = expression is null ? member?.Name : FluentValidation.Internal.PropertyChain.FromExpression(expression).ToString();
        return string.IsNullOrEmpty(path) ? member?.Name : string.Join('.', path.Split('.').Select(ToSnakeCase));
    }

    public static string ToSnakeCase(string name) => UpperAfterLower().Replace(name, "$1_$2").ToLowerInvariant();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex UpperAfterLower();
}
