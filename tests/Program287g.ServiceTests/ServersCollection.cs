using Program287g.Testing;

namespace Program287g.ServiceTests;

/// <summary>One PostgreSQL and one RabbitMQ for the whole assembly: started once (about 8 s natively), shared by
/// every test class, each of which gets databases of its own.</summary>
[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<TestInfrastructure>
{
    public const string Name = "servers";
}
