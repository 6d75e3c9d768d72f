namespace Alpr.Edge.IntegrationTests.CentralStore;

/// <summary>Every PostgreSQL test shares one server (started once, stopped at the end); each test gets a database of its own.</summary>
[CollectionDefinition(Collection)]
public sealed class PostgresTests : ICollectionFixture<PostgresServer>
{
    public const string Collection = "PostgreSQL server";
}
