using System.Net;
using System.Text.RegularExpressions;
using static Booking.Tests.Api.Compat.CompatHttp;

namespace Booking.Tests.Api.Compat;

/// <summary>
/// Replays seeds/wortis-salon-bookings.md over HTTP against PostgreSQL: its curl examples (with a future date, since
/// the document's 2024-02-15 is now in the past, which is itself one of its error cases), the documented shapes and
/// the errors it names.
/// </summary>
public sealed partial class WortisCompatTests(PostgresApiFixture fixture) : IClassFixture<PostgresApiFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Fact]
    public async Task The_documented_create_reservation_example_returns_201_with_the_reservation()
    {
        await CreateServiceAsync("Coiffure");
        var date = DaysAhead(8);

        // curl -X POST .../api/bookings/create-reservation -d '{date, timeSlot, prestation, variant, email, service_name}'
        var response = await _client.PostRawAsync("/api/bookings/create-reservation", $$"""
            {
                "date": "{{date}}",
                "timeSlot": "14:00-15:00",
                "prestation": "coupe_homme",
                "variant": "courte",
                "email": "test@example.com",
                "service_name": "Coiffure"
            }
            """);

        var body = await response.JsonAsync(HttpStatusCode.Created);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal("Réservation créée avec succès", body.Str("message"));
        var reservation = body.GetProperty("reservation");
        Assert.Equal(body.Str("booking_id"), reservation.Str("_id"));
        Assert.Equal(date, reservation.Str("date"));
        Assert.Equal("14:00-15:00", reservation.Str("timeSlot"));
        Assert.Equal("coupe_homme", reservation.Str("prestation"));
        Assert.Equal("courte", reservation.Str("variant"));
        Assert.Equal("test@example.com", reservation.Str("email"));
        Assert.Equal("Coiffure", reservation.Str("service_name"));
        Assert.Equal("confirmed", reservation.Str("status"));
        Assert.Matches(InstantFormat(), reservation.Str("created_at"));
    }

    [Fact]
    public async Task The_full_documented_body_with_notes_and_service_id_is_kept_on_the_reservation()
    {
        var service = await CreateServiceAsync();
        var email = ApiClient.NewEmail();

        var response = await _client.SendAsync(HttpMethod.Post, "/api/bookings/create-reservation", body: new Dictionary<string, string>
        {
            ["date"] = DaysAhead(9),
            ["timeSlot"] = "10:00-11:00",
            ["prestation"] = "coupe_homme",
            ["variant"] = "courte",
            ["email"] = email,
            ["notes"] = "Instructions particulières",
            ["service_name"] = service,
            ["service_id"] = "65f8a2b3c4d5e6f7a8b9c0d3",
        });

        var reservation = (await response.JsonAsync(HttpStatusCode.Created)).GetProperty("reservation");
        Assert.Equal("Instructions particulières", reservation.Str("notes"));
        Assert.Equal("65f8a2b3c4d5e6f7a8b9c0d3", reservation.Str("service_id"));
    }

    [Fact]
    public async Task The_documented_date_2024_02_15_is_now_in_the_past_and_returns_400()
    {
        var service = await CreateServiceAsync();

        var response = await BookAsync(service, "2024-02-15", "14:00-15:00", ApiClient.NewEmail());

        await response.AssertSeedErrorAsync(HttpStatusCode.BadRequest, "in_the_past", error: true, success: true);
    }

    [Theory]
    [InlineData("date", null)]
    [InlineData("timeSlot", null)]
    [InlineData("prestation", null)]
    [InlineData("email", null)]
    [InlineData("service_name", null)]
    [InlineData("email", "pas-un-email")]
    [InlineData("timeSlot", "14h-15h")]
    [InlineData("timeSlot", "14:00-25:00")]
    [InlineData("date", "15/02/2030")]
    [InlineData("date", "2030-02-30")]
    public async Task A_missing_or_invalid_field_returns_400_with_the_success_envelope(string field, string? value)
    {
        var service = await CreateServiceAsync();
        var body = new Dictionary<string, string?>
        {
            ["date"] = DaysAhead(10),
            ["timeSlot"] = "09:00-10:00",
            ["prestation"] = "coupe_homme",
            ["email"] = ApiClient.NewEmail(),
            ["service_name"] = service,
        };
        body[field] = value;
        if (value is null)
        {
            body.Remove(field);
        }

        var response = await _client.SendAsync(HttpMethod.Post, "/api/bookings/create-reservation", body: body);

        var problem = await response.AssertSeedErrorAsync(HttpStatusCode.BadRequest, "validation_failed", error: true, success: true);
        if (value is null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error under '{field}'");
        }
    }

    [Fact]
    public async Task An_unknown_service_name_returns_400()
    {
        var response = await BookAsync($"Inconnu {Guid.NewGuid():N}", DaysAhead(10), "09:00-10:00", ApiClient.NewEmail());

        await response.AssertSeedErrorAsync(HttpStatusCode.BadRequest, "resource_not_found", error: true, success: true);
    }

    [Fact]
    public async Task A_time_slot_outside_the_service_hours_returns_400()
    {
        var service = await CreateServiceAsync();

        var response = await BookAsync(service, DaysAhead(10), "19:00-20:00", ApiClient.NewEmail());

        await response.AssertSeedErrorAsync(HttpStatusCode.BadRequest, "outside_availability", error: true, success: true);
    }

    [Fact]
    public async Task A_taken_slot_returns_409()
    {
        var service = await CreateServiceAsync();
        var date = DaysAhead(11);
        await (await BookAsync(service, date, "14:00-15:00", ApiClient.NewEmail())).JsonAsync(HttpStatusCode.Created);

        var response = await BookAsync(service, date, "14:00-15:00", ApiClient.NewEmail());

        await response.AssertSeedErrorAsync(HttpStatusCode.Conflict, "slot_unavailable", error: true, success: true);
    }

    [Fact]
    public async Task Concurrent_requests_for_one_slot_confirm_exactly_one()
    {
        var service = await CreateServiceAsync();
        var date = DaysAhead(11);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => BookAsync(service, date, "16:00-17:00", ApiClient.NewEmail())));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }

    [Fact]
    public async Task One_email_cannot_hold_two_overlapping_reservations_even_at_two_services()
    {
        var first = await CreateServiceAsync();
        var second = await CreateServiceAsync();
        var date = DaysAhead(12);
        var email = ApiClient.NewEmail();
        await (await BookAsync(first, date, "10:00-11:00", email)).JsonAsync(HttpStatusCode.Created);

        var response = await BookAsync(second, date, "10:30-11:30", email.ToUpperInvariant());

        await response.AssertSeedErrorAsync(HttpStatusCode.Conflict, "user_conflict", error: true, success: true);
    }

    [Fact]
    public async Task Occupied_slots_lists_the_taken_slots_as_documented()
    {
        var service = await CreateServiceAsync();
        var date = DaysAhead(13);
        await (await BookAsync(service, date, "14:00-15:00", ApiClient.NewEmail())).JsonAsync(HttpStatusCode.Created);
        await (await BookAsync(service, date, "08:00-09:00", ApiClient.NewEmail())).JsonAsync(HttpStatusCode.Created);

        // curl ".../api/bookings/occupied-slots?date=2024-02-15&service=Coiffure"
        var response = await _client.GetAsync($"/api/bookings/occupied-slots?date={date}&service={Uri.EscapeDataString(service)}");

        var body = await response.JsonAsync(HttpStatusCode.OK);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal(date, body.Str("date"));
        Assert.Equal(service, body.Str("service"));
        Assert.Equal(["08:00-09:00", "14:00-15:00"], body.GetProperty("occupied_slots").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(2, body.GetProperty("total_occupied").GetInt32());
    }

    [Fact]
    public async Task A_service_with_three_chairs_lists_a_slot_as_occupied_only_once_all_three_are_taken()
    {
        var service = await CreateServiceAsync(capacity: 3);
        var date = DaysAhead(13);
        for (var i = 0; i < 2; i++)
        {
            await (await BookAsync(service, date, "09:00-10:00", ApiClient.NewEmail())).JsonAsync(HttpStatusCode.Created);
        }

        var twoTaken = await (await _client.GetAsync($"/api/bookings/occupied-slots?date={date}&service={Uri.EscapeDataString(service)}")).JsonAsync(HttpStatusCode.OK);
        await (await BookAsync(service, date, "09:00-10:00", ApiClient.NewEmail())).JsonAsync(HttpStatusCode.Created);
        var threeTaken = await (await _client.GetAsync($"/api/bookings/occupied-slots?date={date}&service={Uri.EscapeDataString(service)}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(0, twoTaken.GetProperty("total_occupied").GetInt32());
        Assert.Equal(["09:00-10:00"], threeTaken.GetProperty("occupied_slots").EnumerateArray().Select(s => s.GetString()));
    }

    [Theory]
    [InlineData("/api/bookings/occupied-slots?service=Coiffure")]
    [InlineData("/api/bookings/occupied-slots?date=2030-01-01")]
    [InlineData("/api/bookings/occupied-slots?date=01-01-2030&service=Coiffure")]
    public async Task Occupied_slots_without_a_valid_date_or_service_returns_400(string url)
    {
        var response = await _client.GetAsync(url);

        await response.AssertSeedErrorAsync(HttpStatusCode.BadRequest, error: true, success: true);
    }

    [Fact]
    public async Task Occupied_slots_of_an_unknown_service_returns_404()
    {
        var response = await _client.GetAsync($"/api/bookings/occupied-slots?date={DaysAhead(3)}&service=Inconnu-{Guid.NewGuid():N}");

        await response.AssertSeedErrorAsync(HttpStatusCode.NotFound, "resource_not_found", error: true, success: true);
    }

    [Fact]
    public async Task Cancel_with_the_booking_email_returns_200_and_frees_the_slot()
    {
        var service = await CreateServiceAsync();
        var date = DaysAhead(14);
        var email = ApiClient.NewEmail();
        var bookingId = (await (await BookAsync(service, date, "11:00-12:00", email)).JsonAsync(HttpStatusCode.Created)).Str("booking_id");

        // curl -X POST .../api/bookings/cancel -d '{"booking_id": ..., "email": ...}'
        var response = await _client.SendAsync(HttpMethod.Post, "/api/bookings/cancel", body: new { booking_id = bookingId, email });

        var body = await response.JsonAsync(HttpStatusCode.OK);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal("Réservation annulée avec succès", body.Str("message"));
        var occupied = await (await _client.GetAsync($"/api/bookings/occupied-slots?date={date}&service={Uri.EscapeDataString(service)}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, occupied.GetProperty("total_occupied").GetInt32());
        await (await BookAsync(service, date, "11:00-12:00", ApiClient.NewEmail())).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Cancelling_an_already_cancelled_reservation_returns_400()
    {
        var service = await CreateServiceAsync();
        var email = ApiClient.NewEmail();
        var bookingId = (await (await BookAsync(service, DaysAhead(14), "13:00-14:00", email)).JsonAsync(HttpStatusCode.Created)).Str("booking_id");
        await (await _client.SendAsync(HttpMethod.Post, "/api/bookings/cancel", body: new { booking_id = bookingId, email })).JsonAsync(HttpStatusCode.OK);

        var again = await _client.SendAsync(HttpMethod.Post, "/api/bookings/cancel", body: new { booking_id = bookingId, email });

        await again.AssertSeedErrorAsync(HttpStatusCode.BadRequest, "already_cancelled", error: true, success: true);
    }

    [Fact]
    public async Task Cancel_with_another_email_or_an_unknown_id_returns_404_and_keeps_the_reservation()
    {
        var service = await CreateServiceAsync();
        var date = DaysAhead(15);
        var bookingId = (await (await BookAsync(service, date, "15:00-16:00", ApiClient.NewEmail())).JsonAsync(HttpStatusCode.Created)).Str("booking_id");

        var otherEmail = await _client.SendAsync(HttpMethod.Post, "/api/bookings/cancel", body: new { booking_id = bookingId, email = ApiClient.NewEmail() });
        var unknownId = await _client.SendAsync(HttpMethod.Post, "/api/bookings/cancel", body: new { booking_id = "65f8a2b3c4d5e6f7a8b9c0d3", email = ApiClient.NewEmail() });

        await otherEmail.AssertSeedErrorAsync(HttpStatusCode.NotFound, "not_found", error: true, success: true);
        await unknownId.AssertSeedErrorAsync(HttpStatusCode.NotFound, "not_found", error: true, success: true);
        var occupied = await (await _client.GetAsync($"/api/bookings/occupied-slots?date={date}&service={Uri.EscapeDataString(service)}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, occupied.GetProperty("total_occupied").GetInt32());
    }

    [Theory]
    [InlineData("""{"email": "a@example.com"}""")]
    [InlineData("""{"booking_id": "65f8a2b3c4d5e6f7a8b9c0d3"}""")]
    [InlineData("""{"booking_id": "65f8a2b3c4d5e6f7a8b9c0d3", "email": "pas-un-email"}""")]
    public async Task Cancel_with_a_missing_or_invalid_parameter_returns_400(string json)
    {
        var response = await _client.PostRawAsync("/api/bookings/cancel", json);

        await response.AssertSeedErrorAsync(HttpStatusCode.BadRequest, error: true, success: true);
    }

    [Fact]
    public async Task Listing_by_email_returns_that_users_reservations_newest_first_as_documented()
    {
        var service = await CreateServiceAsync();
        var email = ApiClient.NewEmail();
        var first = (await (await BookAsync(service, DaysAhead(20), "09:00-10:00", email)).JsonAsync(HttpStatusCode.Created)).Str("booking_id");
        var second = (await (await BookAsync(service, DaysAhead(16), "09:00-10:00", email)).JsonAsync(HttpStatusCode.Created)).Str("booking_id");
        await (await BookAsync(service, DaysAhead(16), "10:00-11:00", ApiClient.NewEmail())).JsonAsync(HttpStatusCode.Created);
        await (await _client.SendAsync(HttpMethod.Post, "/api/bookings/cancel", body: new { booking_id = first, email })).JsonAsync(HttpStatusCode.OK);

        // curl ".../api/bookings/user/test@example.com"
        var response = await _client.GetAsync($"/api/bookings/user/{Uri.EscapeDataString(email.ToUpperInvariant())}");

        var body = await response.JsonAsync(HttpStatusCode.OK);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal(2, body.GetProperty("total").GetInt32());
        var bookings = body.GetProperty("bookings").EnumerateArray().ToList();
        Assert.Equal([second, first], bookings.Select(b => b.Str("_id")));
        Assert.Equal(["confirmed", "cancelled"], bookings.Select(b => b.Str("status")));
        Assert.All(bookings, b =>
        {
            Assert.Equal("09:00-10:00", b.Str("timeSlot"));
            Assert.Equal("coupe_homme", b.Str("prestation"));
            Assert.Matches(InstantFormat(), b.Str("created_at"));
        });
        Assert.Equal(DaysAhead(16), bookings[0].Str("date"));
    }

    [Fact]
    public async Task Listing_an_email_without_reservations_returns_an_empty_list_and_a_bad_email_400()
    {
        var empty = await (await _client.GetAsync($"/api/bookings/user/{ApiClient.NewEmail()}")).JsonAsync(HttpStatusCode.OK);
        var bad = await _client.GetAsync("/api/bookings/user/pas-un-email");

        Assert.Equal(0, empty.GetProperty("total").GetInt32());
        Assert.Equal(0, empty.GetProperty("bookings").GetArrayLength());
        await bad.AssertSeedErrorAsync(HttpStatusCode.BadRequest, "validation_failed", error: true, success: true);
    }

    private Task<HttpResponseMessage> BookAsync(string service, string date, string timeSlot, string email) =>
        _client.SendAsync(HttpMethod.Post, "/api/bookings/create-reservation", body: new
        {
            date,
            timeSlot,
            prestation = "coupe_homme",
            email,
            service_name = service,
        });

    /// <summary>A salon service open every day 08:00–18:00 in Brazzaville, created by the admin through /api/v1; a fresh name unless one is given.</summary>
    private async Task<string> CreateServiceAsync(string? name = null, int capacity = 1)
    {
        name ??= $"Coiffure {Guid.NewGuid():N}";
        var response = await _client.SendAsync(HttpMethod.Post, "/api/v1/resources", await _client.AdminTokenAsync(fixture.Host), new
        {
            kind = "service",
            name,
            capacity,
            timeZone = "Africa/Brazzaville",
            slotMinutes = 30,
            weekly = Enum.GetNames<DayOfWeek>().Select(d => new { day = d.ToLowerInvariant(), start = "08:00", end = "18:00" }),
        });
        await response.JsonAsync(HttpStatusCode.Created);
        return name;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex InstantFormat();
}
