namespace Program287g.UnitTests.Deployment;

/// <summary>PostgreSQL by CloudNativePG and RabbitMQ by its Cluster Operator, as production renders them.</summary>
public sealed class InfrastructureTests
{
    private static readonly RenderedOverlay Production = RenderedOverlay.Of(RenderedOverlay.Production);

    [Fact]
    public void Production_runs_postgres_as_a_primary_and_at_least_one_replica_with_a_database_per_service()
    {
        var cluster = Production.Named("Cluster", ResourceNames.Postgres);
        cluster["apiVersion"].Text.ShouldBe("postgresql.cnpg.io/v1");
        cluster["spec"]["instances"].Number.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(2);
        var roles = cluster["spec"]["managed"]["roles"].Items.ToDictionary(role => role["name"].Text!);

        var databases = Production.OfKind("Database").ToList();
        databases.Select(db => db["spec"]["name"].Text).Order().ShouldBe(ResourceNames.Databases.Order());
        foreach (var database in databases)
        {
            database["apiVersion"].Text.ShouldBe("postgresql.cnpg.io/v1");
            database["spec"]["cluster"]["name"].Text.ShouldBe(cluster.Name);
            var owner = roles[database["spec"]["owner"].Text!];
            owner["login"].Text.ShouldBe("true");
            owner["passwordSecret"]["name"].Text.ShouldNotBeNullOrEmpty();
        }
        databases.Select(db => db["spec"]["owner"].Text).Distinct().Count().ShouldBe(databases.Count, "each database its own owner");
    }

    [Fact]
    public void Production_runs_rabbitmq_as_three_nodes()
    {
        var broker = Production.Named("RabbitmqCluster", ResourceNames.Messaging);
        broker["apiVersion"].Text.ShouldBe("rabbitmq.com/v1beta1");
        broker["spec"]["replicas"].Number.ShouldBe(3);
    }

    [Fact]
    public void Production_gives_postgres_and_rabbitmq_resources_and_storage()
    {
        var cluster = Production.Named("Cluster", ResourceNames.Postgres)["spec"];
        var broker = Production.Named("RabbitmqCluster", ResourceNames.Messaging)["spec"];
        foreach (var resources in new[] { cluster["resources"], broker["resources"] })
        {
            resources["requests"]["cpu"].Text.ShouldNotBeNullOrEmpty();
            resources["requests"]["memory"].Text.ShouldNotBeNullOrEmpty();
            resources["limits"]["memory"].Text.ShouldNotBeNullOrEmpty();
        }
        cluster["storage"]["size"].Text.ShouldNotBeNullOrEmpty();
        broker["persistence"]["storage"].Text.ShouldNotBeNullOrEmpty();
    }
}
