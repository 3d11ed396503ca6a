using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Booking.Grains.Interfaces.Accounts;

namespace Booking.Tests.Api.Compat;

/// <summary>
/// Replays seeds/flexpark-parking.md over HTTP against PostgreSQL: its endpoint list with the documented bodies and
/// answers, and its concurrency rule — concurrent reservations of one slot and period give exactly one success and 409
/// for the others; <c>day</c> conflicts with <c>morning</c> and <c>afternoon</c>; one place per employee per period.
/// </summary>
public sealed class FlexParkCompatTests(FlexParkApiFixture fixture) : IClassFixture<FlexParkApiFixture>
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Fact]
    public async Task Register_then_login_returns_a_bearer_access_token_that_opens_the_api()
    {
        var email = Employee();

        var registered = await (await _client.PostAsJsonAsync("/auth/register", new { email, firstname = "Camille", lastname = "Martin", password = ApiClient.Password }))
            .JsonAsync(HttpStatusCode.Created);
        var login = await _client.PostAsJsonAsync("/auth/login", new { email, password = ApiClient.Password });

        Assert.Equal(email, registered.Str("email"));
        Assert.Equal("Camille", registered.Str("firstname"));
        Assert.Equal("Martin", registered.Str("lastname"));
        Assert.Equal("employee", registered.Str("role"));
        Assert.True(UserId.IsValid(registered.Str("id")));
        var token = await login.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["access_token", "token_type"], token.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("bearer", token.Str("token_type"));
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, "/parkings", token.Str("access_token"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, "/api/v1/me", token.Str("access_token"))).StatusCode);
    }

    [Fact]
    public async Task Only_company_addresses_and_pre_registered_employees_may_register()
    {
        var outsider = await _client.PostAsJsonAsync("/auth/register", new { email = ApiClient.NewEmail(), firstname = "Eve", lastname = "Outsider", password = ApiClient.Password });
        var contractor = await _client.PostAsJsonAsync("/auth/register", new { email = FlexParkApiFixture.PreRegistered, firstname = "Sam", lastname = "Contractor", password = ApiClient.Password });
        var again = await _client.PostAsJsonAsync("/auth/register", new { email = FlexParkApiFixture.PreRegistered, firstname = "Sam", lastname = "Again", password = ApiClient.Password });

        await outsider.AssertSeedErrorAsync(HttpStatusCode.Forbidden, "email_domain_not_allowed");
        await contractor.JsonAsync(HttpStatusCode.Created);
        await again.AssertSeedErrorAsync(HttpStatusCode.Conflict, "email_taken");
    }

    [Fact]
    public async Task Register_without_a_password_as_the_seed_does_sends_a_code_that_sets_one()
    {
        var email = Employee();

        var registered = await (await _client.PostAsJsonAsync("/auth/register", new { email, firstname = "Lou", lastname = "Durand" })).JsonAsync(HttpStatusCode.Created);

        var id = registered.Str("id");
        var code = await Booking.Tests.Messages.OutboxMail.ResetCodeAsync(fixture.Host.Services, id);
        await (await _client.PostAsJsonAsync("/api/v1/auth/password/reset/confirm", new { token = code, newPassword = "chosen-password-1" })).EnsureSuccessAsync();
        await (await _client.PostAsJsonAsync("/auth/login", new { email, password = "chosen-password-1" })).JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Login_with_a_wrong_password_or_no_body_is_refused()
    {
        var employee = await EmployeeAsync();

        var wrong = await _client.PostAsJsonAsync("/auth/login", new { email = employee.Email, password = "wrong-password" });
        var missing = await _client.PostAsJsonAsync("/auth/login", new { email = employee.Email });

        await wrong.AssertSeedErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await missing.AssertSeedErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task An_admin_creates_a_parking_and_employees_list_it_and_its_free_slots()
    {
        var admin = await AdminAsync();
        var employee = await EmployeeAsync();

        var created = await (await _client.SendAsync(HttpMethod.Post, "/parkings", admin, new { site_name = "Siège Lyon", address = "1 place Bellecour", total_slots = 3 }))
            .JsonAsync(HttpStatusCode.Created);
        var refused = await _client.SendAsync(HttpMethod.Post, "/parkings", employee.Token, new { site_name = "Rogue", total_slots = 1 });

        Assert.Equal("Siège Lyon", created.Str("site_name"));
        Assert.Equal(3, created.GetProperty("total_slots").GetInt32());
        await refused.AssertSeedErrorAsync(HttpStatusCode.Forbidden);
        var parkings = await (await _client.SendAsync(HttpMethod.Get, "/parkings", employee.Token)).JsonAsync(HttpStatusCode.OK);
        var listed = Assert.Single(parkings.EnumerateArray(), p => p.Str("id") == created.Str("id"));
        Assert.Equal("1 place Bellecour", listed.Str("address"));
        var slots = (await (await _client.SendAsync(HttpMethod.Get, $"/parkings/{created.Str("id")}/slots?date={Date(3)}&period=morning", employee.Token)).JsonAsync(HttpStatusCode.OK))
            .EnumerateArray().ToList();
        Assert.Equal(["1", "2", "3"], slots.Select(s => s.Str("slot_number")));
        Assert.All(slots, s =>
        {
            Assert.Equal(created.Str("id"), s.Str("parking_id"));
            Assert.True(s.GetProperty("is_active").GetBoolean());
            Assert.Equal("free", s.Str("status"));
            Assert.Equal("morning", s.Str("period"));
        });
    }

    [Fact]
    public async Task Reserving_a_slot_returns_the_reservation_id_and_confirmed_and_marks_the_slot_taken_for_that_period()
    {
        var (parking, slots) = await ParkingAsync(2);
        var employee = await EmployeeAsync();

        // POST /reservations {"slot_id": 12, "date": "2025-12-10", "period": "morning"} → {"reservation_id": 123, "status": "confirmed"}
        var response = await ReserveAsync(employee, slots[0], Date(4), "morning");

        var body = await response.JsonAsync(HttpStatusCode.Created);
        Assert.False(string.IsNullOrEmpty(body.Str("reservation_id")));
        Assert.Equal("confirmed", body.Str("status"));
        Assert.Equal(["taken", "free"], await StatusesAsync(employee, parking, Date(4), "morning"));
        Assert.Equal(["taken", "free"], await StatusesAsync(employee, parking, Date(4), "day"));
        Assert.Equal(["free", "free"], await StatusesAsync(employee, parking, Date(4), "afternoon"));
        Assert.Equal(["free", "free"], await StatusesAsync(employee, parking, Date(5), "morning"));
    }

    [Fact]
    public async Task Concurrent_reservations_of_one_slot_and_period_confirm_exactly_one_and_the_others_get_409()
    {
        var (_, slots) = await ParkingAsync(1);
        var employees = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => EmployeeAsync()));

        var responses = await Task.WhenAll(employees.Select(e => ReserveAsync(e, slots[0], Date(6), "morning")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await refused.AssertSeedErrorAsync(HttpStatusCode.Conflict, "slot_unavailable");
        }

        var winner = employees[Array.FindIndex(responses, r => r.StatusCode == HttpStatusCode.Created)];
        var mine = await (await _client.SendAsync(HttpMethod.Get, "/reservations/me", winner.Token)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(slots[0], Assert.Single(mine.EnumerateArray()).Str("slot_id"));
    }

    [Fact]
    public async Task Concurrent_day_and_half_day_reservations_of_one_slot_confirm_exactly_one()
    {
        var (_, slots) = await ParkingAsync(1);
        var employees = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => EmployeeAsync()));
        string[] periods = ["day", "morning", "afternoon", "day", "morning", "afternoon"];

        var responses = await Task.WhenAll(employees.Select((e, i) => ReserveAsync(e, slots[0], Date(7), periods[i])));

        var won = periods.Where((_, i) => responses[i].StatusCode == HttpStatusCode.Created).ToList();
        Assert.True(won is ["day"] || won.Order().SequenceEqual(["afternoon", "morning"]), $"confirmed: {string.Join(", ", won)}");
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }

    [Fact]
    public async Task Day_conflicts_with_morning_and_afternoon_on_one_slot()
    {
        var (_, slots) = await ParkingAsync(1);
        var first = await EmployeeAsync();
        var second = await EmployeeAsync();
        await (await ReserveAsync(first, slots[0], Date(8), "morning")).JsonAsync(HttpStatusCode.Created);

        var day = await ReserveAsync(second, slots[0], Date(8), "day");
        var afternoon = await ReserveAsync(second, slots[0], Date(8), "afternoon");
        var dayAfter = await ReserveAsync(first, slots[0], Date(9), "day");
        var morningAfter = await ReserveAsync(second, slots[0], Date(9), "morning");

        await day.AssertSeedErrorAsync(HttpStatusCode.Conflict, "slot_unavailable");
        await afternoon.JsonAsync(HttpStatusCode.Created);
        await dayAfter.JsonAsync(HttpStatusCode.Created);
        await morningAfter.AssertSeedErrorAsync(HttpStatusCode.Conflict, "slot_unavailable");
    }

    [Fact]
    public async Task An_employee_holds_one_place_per_period()
    {
        var (_, slots) = await ParkingAsync(3);
        var employee = await EmployeeAsync();
        await (await ReserveAsync(employee, slots[0], Date(10), "morning")).JsonAsync(HttpStatusCode.Created);

        var secondMorning = await ReserveAsync(employee, slots[1], Date(10), "morning");
        var day = await ReserveAsync(employee, slots[2], Date(10), "day");
        var afternoon = await ReserveAsync(employee, slots[1], Date(10), "afternoon");

        await secondMorning.AssertSeedErrorAsync(HttpStatusCode.Conflict, "user_conflict");
        await day.AssertSeedErrorAsync(HttpStatusCode.Conflict, "user_conflict");
        await afternoon.JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Reservations_me_lists_the_callers_reservations_with_the_table_columns()
    {
        var (parking, slots) = await ParkingAsync(2);
        var employee = await EmployeeAsync();
        var other = await EmployeeAsync();
        var later = (await (await ReserveAsync(employee, slots[1], Date(12), "day")).JsonAsync(HttpStatusCode.Created)).Str("reservation_id");
        var sooner = (await (await ReserveAsync(employee, slots[0], Date(11), "afternoon")).JsonAsync(HttpStatusCode.Created)).Str("reservation_id");
        await (await ReserveAsync(other, slots[0], Date(11), "morning")).JsonAsync(HttpStatusCode.Created);

        var mine = (await (await _client.SendAsync(HttpMethod.Get, "/reservations/me", employee.Token)).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();

        Assert.Equal([sooner, later], mine.Select(r => r.Str("id")));
        Assert.All(mine, r =>
        {
            Assert.Equal(employee.Id, r.Str("employee_id"));
            Assert.Equal(parking, r.Str("parking_id"));
            Assert.Equal("confirmed", r.Str("status"));
        });
        Assert.Equal((slots[0], Date(11), "afternoon"), (mine[0].Str("slot_id"), mine[0].Str("date"), mine[0].Str("period")));
    }

    [Fact]
    public async Task Deleting_ones_own_reservation_frees_the_slot_and_anyone_elses_is_404()
    {
        var (_, slots) = await ParkingAsync(1);
        var owner = await EmployeeAsync();
        var other = await EmployeeAsync();
        var id = (await (await ReserveAsync(owner, slots[0], Date(13), "morning")).JsonAsync(HttpStatusCode.Created)).Str("reservation_id");

        var byOther = await _client.SendAsync(HttpMethod.Delete, $"/reservations/{id}", other.Token);
        var byOwner = await _client.SendAsync(HttpMethod.Delete, $"/reservations/{id}", owner.Token);
        var again = await _client.SendAsync(HttpMethod.Delete, $"/reservations/{id}", owner.Token);

        await byOther.AssertSeedErrorAsync(HttpStatusCode.NotFound, "not_found");
        var cancelled = await byOwner.JsonAsync(HttpStatusCode.OK);
        Assert.Equal((id, "cancelled"), (cancelled.Str("reservation_id"), cancelled.Str("status")));
        await again.AssertSeedErrorAsync(HttpStatusCode.Conflict, "already_cancelled");
        await (await ReserveAsync(other, slots[0], Date(13), "morning")).JsonAsync(HttpStatusCode.Created);
        var mine = (await (await _client.SendAsync(HttpMethod.Get, "/reservations/me", owner.Token)).JsonAsync(HttpStatusCode.OK)).EnumerateArray();
        Assert.Equal("cancelled", Assert.Single(mine).Str("status"));
    }

    [Fact]
    public async Task Reservation_errors_unknown_slot_unknown_period_ended_period_and_no_token()
    {
        var (_, slots) = await ParkingAsync(1);
        var employee = await EmployeeAsync();

        var unknownSlot = await _client.SendAsync(HttpMethod.Post, "/reservations", employee.Token, new { slot_id = 12, date = Date(3), period = "morning" });
        var unknownPeriod = await ReserveAsync(employee, slots[0], Date(3), "evening");
        var ended = await ReserveAsync(employee, slots[0], Date(-1), "day");
        var anonymous = await _client.SendAsync(HttpMethod.Post, "/reservations", body: new { slot_id = slots[0], date = Date(3), period = "morning" });
        var badDate = await _client.PostRawAsync("/reservations", $$"""{"slot_id": "{{slots[0]}}", "date": "10/12/2025", "period": "morning"}""", employee.Token);

        await unknownSlot.AssertSeedErrorAsync(HttpStatusCode.NotFound, "resource_not_found");
        await unknownPeriod.AssertSeedErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        await ended.AssertSeedErrorAsync(HttpStatusCode.BadRequest, "in_the_past");
        await anonymous.AssertSeedErrorAsync(HttpStatusCode.Unauthorized);
        await badDate.AssertSeedErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Slots_of_an_unknown_parking_are_404_and_of_an_unknown_period_400()
    {
        var (parking, _) = await ParkingAsync(1);
        var employee = await EmployeeAsync();

        await (await _client.SendAsync(HttpMethod.Get, $"/parkings/{Guid.NewGuid():N}/slots", employee.Token)).AssertSeedErrorAsync(HttpStatusCode.NotFound, "site_not_found");
        await (await _client.SendAsync(HttpMethod.Get, $"/parkings/{parking}/slots?period=evening", employee.Token)).AssertSeedErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        var today = await (await _client.SendAsync(HttpMethod.Get, $"/parkings/{parking}/slots", employee.Token)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("day", Assert.Single(today.EnumerateArray()).Str("period"));
    }

    [Fact]
    public async Task An_admin_message_to_a_parking_reaches_the_employees_booked_there_and_a_general_one_everyone()
    {
        var admin = await AdminAsync();
        var (parking, slots) = await ParkingAsync(1);
        var booked = await EmployeeAsync();
        var elsewhere = await EmployeeAsync();
        await (await ReserveAsync(booked, slots[0], Date(2), "day")).JsonAsync(HttpStatusCode.Created);
        var title = $"Travaux {Guid.NewGuid():N}";

        var toParking = await (await _client.SendAsync(HttpMethod.Post, "/notifications/send", admin, new { title, message = "Niveau -2 fermé vendredi.", parking_id = parking }))
            .JsonAsync(HttpStatusCode.OK);
        var general = await (await _client.SendAsync(HttpMethod.Post, "/notifications/send", admin, new { message = "Bonne année !" })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(("sent", 1), (toParking.Str("status"), toParking.GetProperty("recipients").GetInt32()));
        Assert.True(general.GetProperty("recipients").GetInt32() >= 3);
        static bool Has(JsonElement inbox, string title) => inbox.GetProperty("items").EnumerateArray().Any(n => n.Str("kind") == "broadcast" && n.Str("title") == title);
        Assert.True(Has(await _client.ReadNotificationsAsync(booked.Token), title));
        Assert.False(Has(await _client.ReadNotificationsAsync(elsewhere.Token), title));
        Assert.True(Has(await _client.ReadNotificationsAsync(elsewhere.Token), "FlexPark"));
    }

    [Fact]
    public async Task Sending_a_message_needs_an_admin_a_message_and_a_known_parking()
    {
        var admin = await AdminAsync();
        var employee = await EmployeeAsync();

        var byEmployee = await _client.SendAsync(HttpMethod.Post, "/notifications/send", employee.Token, new { message = "Hello" });
        var noMessage = await _client.SendAsync(HttpMethod.Post, "/notifications/send", admin, new { title = "Empty" });
        var unknownParking = await _client.SendAsync(HttpMethod.Post, "/notifications/send", admin, new { message = "Hello", parking_id = 12 });

        await byEmployee.AssertSeedErrorAsync(HttpStatusCode.Forbidden);
        await noMessage.AssertSeedErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        await unknownParking.AssertSeedErrorAsync(HttpStatusCode.NotFound, "site_not_found");
    }

    [Fact]
    public async Task Health_answers()
    {
        var health = await _client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static string Employee() => ApiClient.NewEmail("employee").Replace("@example.com", "@" + FlexParkApiFixture.CompanyDomain, StringComparison.Ordinal);

    /// <summary>A date <paramref name="days"/> from today, UTC (the parkings here are in UTC).</summary>
    private static string Date(int days) => CompatHttp.DaysAhead(days);

    private async Task<(string Email, string Id, string Token)> EmployeeAsync()
    {
        var email = Employee();
        var registered = await (await _client.PostAsJsonAsync("/auth/register", new { email, firstname = "Alex", lastname = "Employee", password = ApiClient.Password }))
            .JsonAsync(HttpStatusCode.Created);
        var token = await (await _client.PostAsJsonAsync("/auth/login", new { email, password = ApiClient.Password })).JsonAsync(HttpStatusCode.OK);
        return (email, registered.Str("id"), token.Str("access_token"));
    }

    private async Task<string> AdminAsync() =>
        (await (await _client.PostAsJsonAsync("/auth/login", new { email = fixture.Host.AdminEmail, password = ApiHost.AdminPassword })).JsonAsync(HttpStatusCode.OK)).Str("access_token");

    /// <summary>A parking of <paramref name="slots"/> slots created by the admin through the seed's route, and its slot ids in order.</summary>
    private async Task<(string Parking, List<string> Slots)> ParkingAsync(int slots)
    {
        var admin = await AdminAsync();
        var parking = (await (await _client.SendAsync(HttpMethod.Post, "/parkings", admin, new { site_name = $"P-{Guid.NewGuid():N}", address = "Zone A", total_slots = slots }))
            .JsonAsync(HttpStatusCode.Created)).Str("id");
        var list = await (await _client.SendAsync(HttpMethod.Get, $"/parkings/{parking}/slots?date={Date(1)}", admin)).JsonAsync(HttpStatusCode.OK);
        return (parking, [.. list.EnumerateArray().Select(s => s.Str("id"))]);
    }

    private Task<HttpResponseMessage> ReserveAsync((string Email, string Id, string Token) employee, string slot, string date, string period) =>
        _client.SendAsync(HttpMethod.Post, "/reservations", employee.Token, new { slot_id = slot, date, period });

    private async Task<List<string>> StatusesAsync((string Email, string Id, string Token) employee, string parking, string date, string period) =>
        [.. (await (await _client.SendAsync(HttpMethod.Get, $"/parkings/{parking}/slots?date={date}&period={period}", employee.Token)).JsonAsync(HttpStatusCode.OK))
            .EnumerateArray().Select(s => s.Str("status"))];
}
