using Npgsql;

namespace Booking.Tests.Infrastructure;

public sealed class PostgresDatabaseTests(PostgresDatabase fixture) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_created_database_answers_queries_and_is_gone_after_disposal()
    {
        var database = await PostgresDatabase.CreateAsync();
        var name = database.DatabaseName;
        try
        {
            await using (var command = database.DataSource.CreateCommand("SELECT 1"))
            {
                Assert.Equal(1, await command.ExecuteScalarAsync());
            }
            await using (var command = database.DataSource.CreateCommand("SELECT current_database()"))
            {
                Assert.Equal(name, await command.ExecuteScalarAsync());
            }
            Assert.True(await DatabaseExistsAsync(name));
        }
        finally
        {
            await database.DisposeAsync();
        }

        Assert.False(await DatabaseExistsAsync(name));
    }

    [Fact]
    public async Task Disposal_drops_the_database_even_while_a_connection_to_it_is_open()
    {
        var database = await PostgresDatabase.CreateAsync();
        var name = database.DatabaseName;
        await using var open = new NpgsqlConnection(database.ConnectionString);
        await open.OpenAsync();

        await database.DisposeAsync();

        Assert.False(await DatabaseExistsAsync(name));
    }

    [Fact]
    public async Task Each_database_is_new_and_empty()
    {
        await using var other = await PostgresDatabase.CreateAsync();
        Assert.NotEqual(fixture.DatabaseName, other.DatabaseName);

        await using (var create = fixture.DataSource.CreateCommand("CREATE TABLE only_in_the_fixture (id int)"))
        {
            await create.ExecuteNonQueryAsync();
        }
        await using var count = other.DataSource.CreateCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'");
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public void Without_BOOKING_TEST_POSTGRES_the_error_says_how_to_run_the_tests()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PostgresDatabase.AdminConnectionStringFrom(null));
        Assert.Contains("bash scripts/test.sh", error.Message, StringComparison.Ordinal);
        Assert.Contains("BOOKING_TEST_POSTGRES", error.Message, StringComparison.Ordinal);
    }

    private static async Task<bool> DatabaseExistsAsync(string name)
    {
        await using var connection = new NpgsqlConnection(PostgresDatabase.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
