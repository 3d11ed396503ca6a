using Booking.Grains.Interfaces.Errors;
using Booking.Silo.Bookings.Postgres;
using Booking.Web.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Npgsql;
using Orleans.Storage;

namespace Booking.Tests.Api;

/// <summary>What a client learns from each kind of failure (no HTTP needed: the mapping is a pure function).</summary>
public sealed class ExceptionProblemMapperTests
{
    public static TheoryData<Exception> Unavailable() =>
    [
        new NpgsqlException("Failed to connect to 127.0.0.1:5432"),
        new PostgresException("the database system is shutting down", "FATAL", "FATAL", "57P03"),
        new SqliteException("database is locked", 5),
        new SqliteException("unable to open database file", 14),
        new TimeoutException("IUserAccountGrain.SignInAsync got no answer within 00:00:30."),
        new SiloUnavailableException("Silo silo died."),
        new InvalidOperationException("wrapped", new NpgsqlException("connection refused")),
    ];

    [Theory]
    [MemberData(nameof(Unavailable))]
    public void An_unreachable_store_or_silo_is_a_503_unavailable(Exception exception)
    {
        var problem = ExceptionProblemMapper.Map(exception);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, problem.Status);
        Assert.Equal("unavailable", problem.Extensions["code"]);
        Assert.DoesNotContain(exception.Message, problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sql_error_that_is_not_about_reaching_the_store_is_a_500_that_reveals_nothing()
    {
        var exception = new PostgresException("syntax error at or near \"SELEC\"", "ERROR", "ERROR", "42601");

        var problem = ExceptionProblemMapper.Map(exception);

        Assert.Equal(StatusCodes.Status500InternalServerError, problem.Status);
        Assert.Equal("internal_error", problem.Extensions["code"]);
        Assert.Equal("An unexpected error occurred.", problem.Detail);
    }

    [Fact]
    public void An_unexpected_exception_is_a_500_without_its_message()
    {
        var problem = ExceptionProblemMapper.Map(new InvalidOperationException("secret connection string Password=hunter2"));

        Assert.Equal(StatusCodes.Status500InternalServerError, problem.Status);
        Assert.DoesNotContain("hunter2", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Domain_refusals_keep_their_code_and_message_with_the_status_of_their_kind()
    {
        Assert.Equal((409, "email_taken"), Describe(new EmailTakenException("taken")));
        Assert.Equal((401, "invalid_credentials"), Describe(new InvalidCredentialsException("no")));
        Assert.Equal((404, "user_not_found"), Describe(new AccountNotFoundException("gone")));
        Assert.Equal((403, "email_domain_not_allowed"), Describe(new EmailDomainNotAllowedException("no")));
        Assert.Equal((400, "validation_failed"), Describe(new DomainValidationException("bad")));
        Assert.Equal("taken", ExceptionProblemMapper.Map(new EmailTakenException("taken")).Detail);
    }

    [Fact]
    public void A_lost_write_race_is_a_409_to_retry()
    {
        Assert.Equal((409, "concurrent_update"), Describe(new InconsistentStateException("stale")));
    }

    [Fact]
    public void A_fence_refusal_that_escapes_the_grains_is_a_409_with_the_refusal_code_in_any_of_its_forms()
    {
        var fences = new PostgresBookingFences();
        var userFence = new PostgresException(
            "conflicting key value violates exclusion constraint \"bookings_user_no_overlap\"", "ERROR", "ERROR", PostgresErrorCodes.ExclusionViolation,
            constraintName: PostgresBookingTables.UserFence);
        var wrappedByOrleans = new OrleansException("Error from storage provider PostgresGrainStorage during WriteStateAsync", userFence);
        var resourceFence = new InvalidOperationException("wrapped", new PostgresException(
            "conflicting key value violates exclusion constraint", "ERROR", "ERROR", PostgresErrorCodes.ExclusionViolation,
            constraintName: PostgresBookingTables.ExclusiveResourceFence));

        foreach (var exception in new Exception[] { userFence, wrappedByOrleans, new AggregateException(wrappedByOrleans) })
        {
            var problem = ExceptionProblemMapper.Map(exception, fences);
            Assert.Equal((409, "user_conflict"), (problem.Status, problem.Extensions["code"]));
            Assert.DoesNotContain("bookings_user_no_overlap", problem.Detail, StringComparison.Ordinal);
        }

        Assert.Equal((409, "slot_unavailable"), (ExceptionProblemMapper.Map(resourceFence, fences).Status, ExceptionProblemMapper.Map(resourceFence, fences).Extensions["code"]));
        var otherConstraint = new PostgresException("conflicting key value", "ERROR", "ERROR", PostgresErrorCodes.ExclusionViolation, constraintName: "some_other_fence");
        Assert.Equal(500, ExceptionProblemMapper.Map(otherConstraint, fences).Status);
        Assert.Equal(500, ExceptionProblemMapper.Map(new InvalidOperationException(userFence.Message), fences).Status);
    }

    private static (int?, object?) Describe(Exception exception)
    {
        var problem = ExceptionProblemMapper.Map(exception);
        return (problem.Status, problem.Extensions["code"]);
    }
}
