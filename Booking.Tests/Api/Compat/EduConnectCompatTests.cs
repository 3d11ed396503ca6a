using System.Globalization;
using System.Net;

namespace Booking.Tests.Api.Compat;

/// <summary>
/// Replays seeds/educonnect-mentor-sessions.md over HTTP against PostgreSQL: the "Flux de réservation" steps 1–7, the
/// availability and session routes with their shapes, and the validations and authorisations the document names.
/// </summary>
public sealed class EduConnectCompatTests(PostgresApiFixture fixture) : IClassFixture<PostgresApiFixture>
{
    private const string Lagos = "Africa/Lagos";

    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Fact]
    public async Task The_booking_flow_steps_1_to_7_book_a_session_and_take_its_slot()
    {
        var (mentor, mentorId) = await MentorWithAvailabilitiesAsync();
        var student = await _client.SignUpAsync();

        // 1. The student looks at the mentor: their weekly availabilities.
        var availabilities = await (await _client.GetAsync($"/api/mentors/{mentorId}/availabilities")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(7, availabilities.GetProperty("availabilities").GetArrayLength());

        // 2. The modal loads the free slots: 30-minute starts over the next 7 days.
        var slots = (await (await _client.GetAsync($"/api/mentors/{mentorId}/available-slots")).JsonAsync(HttpStatusCode.OK)).GetProperty("slots").EnumerateArray().ToList();
        Assert.NotEmpty(slots);
        Assert.All(slots, s =>
        {
            Assert.True(s.GetProperty("available").GetBoolean());
            Assert.Equal($"{s.Str("date")}T{s.Str("time")}:00", s.Str("datetime"));
            var date = DateOnly.ParseExact(s.Str("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.Equal(FrenchDay(date.DayOfWeek), s.Str("day_name"));
            Assert.InRange(date, Today(), Today().AddDays(6));
            Assert.InRange(s.Str("time"), "09:00", "11:30");
        });
        Assert.Equal(slots.Count, slots.Select(s => s.Str("datetime")).Distinct().Count());

        // 3–4. The student picks a slot and fills in subject, description and duration.
        var chosen = slots[^2].Str("datetime");

        // 5–6. Confirm: the backend checks the slot and creates the session.
        var booked = await (await _client.SendAsync(HttpMethod.Post, $"/api/mentors/{mentorId}/book", student.AccessToken, new
        {
            session_date = chosen,
            duration_minutes = 30,
            subject = "Algèbre linéaire",
            description = "Préparer l'examen",
        })).JsonAsync(HttpStatusCode.Created);
        var session = booked.GetProperty("session");
        Assert.Equal(mentorId, session.Str("mentor_id"));
        Assert.Equal(student.Account.Id, session.Str("student_id"));
        Assert.Equal(chosen, session.Str("session_date"));
        Assert.Equal(30, session.GetProperty("duration_minutes").GetInt32());
        Assert.Equal("Algèbre linéaire", session.Str("subject"));
        Assert.Equal("Préparer l'examen", session.Str("description"));
        Assert.Equal("scheduled", session.Str("status"));

        // 7. The confirmation: the slot is gone from the free slots, and both parties see the session.
        var after = (await (await _client.GetAsync($"/api/mentors/{mentorId}/available-slots")).JsonAsync(HttpStatusCode.OK)).GetProperty("slots").EnumerateArray();
        Assert.DoesNotContain(after, s => s.Str("datetime") == chosen);
        foreach (var party in new[] { student.AccessToken, mentor.AccessToken })
        {
            var read = await (await _client.SendAsync(HttpMethod.Get, $"/api/mentorship/sessions/{session.Str("id")}", party)).JsonAsync(HttpStatusCode.OK);
            Assert.Equal("scheduled", read.GetProperty("session").Str("status"));
            var list = await (await _client.SendAsync(HttpMethod.Get, "/api/mentorship/sessions", party)).JsonAsync(HttpStatusCode.OK);
            Assert.Equal([session.Str("id")], list.GetProperty("sessions").EnumerateArray().Select(x => x.Str("id")));
        }

        // Steps 6–7: the mentor is notified of the booking, and their total_sessions counts it.
        var notice = await _client.WaitForNotificationAsync(mentor.AccessToken, "booking_created", session.Str("id"));
        Assert.Equal(mentorId, notice.Str("resourceId"));
        var profile = await (await _client.GetAsync($"/api/mentors/{mentorId}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, profile.GetProperty("total_sessions").GetInt32());
        Assert.Equal(mentor.Account.Id, profile.Str("user_id"));
    }

    [Fact]
    public async Task Total_sessions_counts_every_session_booked_even_once_cancelled()
    {
        var (_, mentorId) = await MentorWithAvailabilitiesAsync();
        var student = await _client.SignUpAsync();
        Assert.Equal(0, (await (await _client.GetAsync($"/api/mentors/{mentorId}")).JsonAsync(HttpStatusCode.OK)).GetProperty("total_sessions").GetInt32());
        var first = (await (await BookAsync(mentorId, student, At(2, "09:00"), 30)).JsonAsync(HttpStatusCode.Created)).GetProperty("session").Str("id");
        await (await BookAsync(mentorId, student, At(2, "10:00"), 30)).JsonAsync(HttpStatusCode.Created);
        await (await _client.SendAsync(HttpMethod.Post, $"/api/mentorship/sessions/{first}/cancel", student.AccessToken)).JsonAsync(HttpStatusCode.OK);

        var profile = await (await _client.GetAsync($"/api/mentors/{mentorId}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(2, profile.GetProperty("total_sessions").GetInt32());
    }

    [Fact]
    public async Task The_sessions_list_shows_the_callers_sessions_as_student_and_as_mentor_filtered_by_role_and_status()
    {
        var (mentor, mentorId) = await MentorWithAvailabilitiesAsync();
        var (_, otherMentorId) = await MentorWithAvailabilitiesAsync();
        var student = await _client.SignUpAsync();
        var taught = (await (await BookAsync(mentorId, student, At(2, "11:00"), 30)).JsonAsync(HttpStatusCode.Created)).GetProperty("session").Str("id");
        var learnt = (await (await BookAsync(otherMentorId, mentor, At(2, "09:00"), 60)).JsonAsync(HttpStatusCode.Created)).GetProperty("session").Str("id");
        var cancelled = (await (await BookAsync(otherMentorId, mentor, At(3, "09:00"), 30)).JsonAsync(HttpStatusCode.Created)).GetProperty("session").Str("id");
        await (await _client.SendAsync(HttpMethod.Post, $"/api/mentorship/sessions/{cancelled}/cancel", mentor.AccessToken)).JsonAsync(HttpStatusCode.OK);

        async Task<IEnumerable<string>> ListAsync(string query) =>
            (await (await _client.SendAsync(HttpMethod.Get, "/api/mentorship/sessions" + query, mentor.AccessToken)).JsonAsync(HttpStatusCode.OK))
                .GetProperty("sessions").EnumerateArray().Select(x => x.Str("id")).ToList();

        Assert.Equal([learnt, taught, cancelled], await ListAsync(""));
        Assert.Equal([taught], await ListAsync("?role=mentor"));
        Assert.Equal([learnt, cancelled], await ListAsync("?role=student"));
        Assert.Equal([cancelled], await ListAsync("?status=cancelled"));
        Assert.Equal([learnt, taught], await ListAsync("?status=scheduled"));
        await (await _client.SendAsync(HttpMethod.Get, "/api/mentorship/sessions?role=admin", mentor.AccessToken)).AssertSeedErrorAsync(HttpStatusCode.BadRequest, error: true);
        await (await _client.GetAsync("/api/mentorship/sessions")).AssertSeedErrorAsync(HttpStatusCode.Unauthorized, error: true);
    }

    [Fact]
    public async Task Availabilities_count_days_from_0_for_Monday_to_6_for_Sunday_and_replace_the_whole_set()
    {
        var (mentor, mentorId) = await MentorAsync();
        await SetAvailabilitiesAsync(mentor, Enumerable.Range(0, 7).Select(d => Availability(d, "08:00", "09:00")).ToArray());

        var response = await _client.SendAsync(HttpMethod.Post, "/api/mentors/availabilities", mentor.AccessToken, new
        {
            availabilities = new object[]
            {
                Availability(0, "09:00", "12:00"),
                Availability(0, "14:00", "18:00"),
                Availability(6, "10:00", "11:00"),
                new { day_of_week = 2, start_time = "09:00", end_time = "10:00", is_active = false },
            },
        });

        var set = await response.JsonAsync(HttpStatusCode.OK);
        var read = await (await _client.GetAsync($"/api/mentors/{mentorId}/availabilities")).JsonAsync(HttpStatusCode.OK);
        foreach (var body in new[] { set, read })
        {
            Assert.Equal(mentorId, body.Str("mentor_id"));
            var list = body.GetProperty("availabilities").EnumerateArray().ToList();
            Assert.Equal([(0, "09:00", "12:00"), (0, "14:00", "18:00"), (6, "10:00", "11:00")],
                list.Select(a => (a.GetProperty("day_of_week").GetInt32(), a.Str("start_time"), a.Str("end_time"))));
            Assert.All(list, a => Assert.True(a.GetProperty("is_active").GetBoolean()));
            Assert.All(list, a => Assert.Equal(mentorId, a.Str("mentor_id")));
        }

        var days = (await (await _client.GetAsync($"/api/mentors/{mentorId}/available-slots")).JsonAsync(HttpStatusCode.OK)).GetProperty("slots").EnumerateArray()
            .Select(s => s.Str("day_name")).Distinct().ToList();
        Assert.Subset(new HashSet<string> { "Lundi", "Dimanche" }, days.ToHashSet());
    }

    [Fact]
    public async Task Only_a_mentor_can_set_availabilities()
    {
        var member = await _client.SignUpAsync();
        var body = new { availabilities = new[] { Availability(0, "09:00", "12:00") } };

        var asMember = await _client.SendAsync(HttpMethod.Post, "/api/mentors/availabilities", member.AccessToken, body);
        var anonymous = await _client.SendAsync(HttpMethod.Post, "/api/mentors/availabilities", body: body);

        await asMember.AssertSeedErrorAsync(HttpStatusCode.Forbidden, "forbidden", error: true);
        await anonymous.AssertSeedErrorAsync(HttpStatusCode.Unauthorized, error: true);
    }

    [Theory]
    [InlineData(0, "09:00", "12:00", 0, "11:00", "13:00")]
    [InlineData(1, "12:00", "09:00", 2, "09:00", "10:00")]
    [InlineData(7, "09:00", "12:00", 2, "09:00", "10:00")]
    [InlineData(1, "9h", "12:00", 2, "09:00", "10:00")]
    public async Task Overlapping_backwards_or_malformed_availabilities_return_400_and_change_nothing(int day1, string start1, string end1, int day2, string start2, string end2)
    {
        var (mentor, mentorId) = await MentorWithAvailabilitiesAsync();

        var response = await _client.SendAsync(HttpMethod.Post, "/api/mentors/availabilities", mentor.AccessToken, new
        {
            availabilities = new[] { Availability(day1, start1, end1), Availability(day2, start2, end2) },
        });

        await response.AssertSeedErrorAsync(HttpStatusCode.BadRequest, error: true);
        var read = await (await _client.GetAsync($"/api/mentors/{mentorId}/availabilities")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(7, read.GetProperty("availabilities").GetArrayLength());
    }

    [Fact]
    public async Task Booking_a_taken_slot_returns_409()
    {
        var (_, mentorId) = await MentorWithAvailabilitiesAsync();
        var first = await _client.SignUpAsync();
        var second = await _client.SignUpAsync();
        await (await BookAsync(mentorId, first, At(3, "10:00"), 60)).JsonAsync(HttpStatusCode.Created);

        var response = await BookAsync(mentorId, second, At(3, "10:30"), 30);

        await response.AssertSeedErrorAsync(HttpStatusCode.Conflict, "slot_unavailable", error: true);
    }

    [Fact]
    public async Task Concurrent_bookings_of_one_slot_confirm_exactly_one_and_the_others_get_409()
    {
        var (_, mentorId) = await MentorWithAvailabilitiesAsync();
        var students = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _client.SignUpAsync()));

        var responses = await Task.WhenAll(students.Select(s => BookAsync(mentorId, s, At(4, "09:00"), 60)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }

    [Fact]
    public async Task A_student_cannot_hold_two_overlapping_sessions_even_with_two_mentors()
    {
        var (_, firstMentor) = await MentorWithAvailabilitiesAsync();
        var (_, secondMentor) = await MentorWithAvailabilitiesAsync();
        var student = await _client.SignUpAsync();
        await (await BookAsync(firstMentor, student, At(3, "09:00"), 60)).JsonAsync(HttpStatusCode.Created);

        var response = await BookAsync(secondMentor, student, At(3, "09:30"), 30);

        await response.AssertSeedErrorAsync(HttpStatusCode.Conflict, "user_conflict", error: true);
    }

    [Theory]
    [InlineData(-1, "10:00", 60, "in_the_past")]
    [InlineData(3, "19:00", 60, "outside_availability")]
    [InlineData(3, "11:30", 60, "outside_availability")]
    [InlineData(3, "10:15", 30, "misaligned_slot")]
    public async Task A_session_in_the_past_outside_availability_or_off_the_grid_returns_400(int days, string time, int minutes, string code)
    {
        var (_, mentorId) = await MentorWithAvailabilitiesAsync();
        var student = await _client.SignUpAsync();

        var response = await BookAsync(mentorId, student, At(days, time), minutes);

        await response.AssertSeedErrorAsync(HttpStatusCode.BadRequest, code, error: true);
    }

    [Theory]
    [InlineData(45)]
    [InlineData(150)]
    [InlineData(0)]
    public async Task A_duration_other_than_30_60_90_or_120_returns_400(int minutes)
    {
        var (_, mentorId) = await MentorWithAvailabilitiesAsync();
        var student = await _client.SignUpAsync();

        var response = await BookAsync(mentorId, student, At(3, "09:00"), minutes);

        var problem = await response.AssertSeedErrorAsync(HttpStatusCode.BadRequest, "validation_failed", error: true);
        Assert.True(problem.GetProperty("errors").TryGetProperty("duration_minutes", out _));
    }

    [Theory]
    [InlineData("""{"session_date": "2030-01-01T10:00:00", "duration_minutes": 60}""", "subject")]
    [InlineData("""{"subject": "Maths", "duration_minutes": 60}""", "session_date")]
    public async Task A_missing_subject_or_date_returns_400(string json, string field)
    {
        var (_, mentorId) = await MentorWithAvailabilitiesAsync();
        var student = await _client.SignUpAsync();

        var response = await _client.PostRawAsync($"/api/mentors/{mentorId}/book", json, student.AccessToken);

        var problem = await response.AssertSeedErrorAsync(HttpStatusCode.BadRequest, "validation_failed", error: true);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_mentor_cannot_book_a_session_with_themselves()
    {
        var (mentor, mentorId) = await MentorWithAvailabilitiesAsync();

        var response = await BookAsync(mentorId, mentor, At(3, "09:00"), 60);

        await response.AssertSeedErrorAsync(HttpStatusCode.BadRequest, "self_booking", error: true);
    }

    [Fact]
    public async Task Booking_needs_a_token_and_an_existing_mentor()
    {
        var (_, mentorId) = await MentorWithAvailabilitiesAsync();
        var student = await _client.SignUpAsync();
        var body = new { session_date = At(3, "09:00"), duration_minutes = 60, subject = "Maths" };

        var anonymous = await _client.SendAsync(HttpMethod.Post, $"/api/mentors/{mentorId}/book", body: body);
        var unknown = await _client.SendAsync(HttpMethod.Post, $"/api/mentors/{Guid.NewGuid():N}/book", student.AccessToken, body);

        await anonymous.AssertSeedErrorAsync(HttpStatusCode.Unauthorized, error: true);
        await unknown.AssertSeedErrorAsync(HttpStatusCode.NotFound, "resource_not_found", error: true);
        await (await _client.GetAsync($"/api/mentors/{Guid.NewGuid():N}/availabilities")).AssertSeedErrorAsync(HttpStatusCode.NotFound, error: true);
        await (await _client.GetAsync($"/api/mentors/{Guid.NewGuid():N}/available-slots")).AssertSeedErrorAsync(HttpStatusCode.NotFound, error: true);
    }

    [Fact]
    public async Task An_instant_with_an_offset_is_read_in_the_mentors_time_zone()
    {
        var (_, mentorId) = await MentorWithAvailabilitiesAsync();
        var student = await _client.SignUpAsync();
        var date = Today().AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // 08:00 UTC is 09:00 in Lagos.
        var booked = await (await _client.SendAsync(HttpMethod.Post, $"/api/mentors/{mentorId}/book", student.AccessToken, new { session_date = $"{date}T08:00:00Z", duration_minutes = 30, subject = "Maths" })).JsonAsync(HttpStatusCode.Created);

        Assert.Equal($"{date}T09:00:00", booked.GetProperty("session").Str("session_date"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Either_party_can_cancel_and_the_slot_is_free_again(bool byMentor)
    {
        var (mentor, mentorId) = await MentorWithAvailabilitiesAsync();
        var student = await _client.SignUpAsync();
        var sessionId = (await (await BookAsync(mentorId, student, At(5, "11:00"), 30)).JsonAsync(HttpStatusCode.Created)).GetProperty("session").Str("id");

        var cancelled = await (await _client.SendAsync(HttpMethod.Post, $"/api/mentorship/sessions/{sessionId}/cancel", byMentor ? mentor.AccessToken : student.AccessToken))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal("cancelled", cancelled.GetProperty("session").Str("status"));
        var read = await (await _client.SendAsync(HttpMethod.Get, $"/api/mentorship/sessions/{sessionId}", student.AccessToken)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("cancelled", read.GetProperty("session").Str("status"));
        var other = await _client.SignUpAsync();
        await (await BookAsync(mentorId, other, At(5, "11:00"), 30)).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Cancelling_a_cancelled_session_returns_409()
    {
        var (_, mentorId) = await MentorWithAvailabilitiesAsync();
        var student = await _client.SignUpAsync();
        var sessionId = (await (await BookAsync(mentorId, student, At(5, "10:00"), 30)).JsonAsync(HttpStatusCode.Created)).GetProperty("session").Str("id");
        await (await _client.SendAsync(HttpMethod.Post, $"/api/mentorship/sessions/{sessionId}/cancel", student.AccessToken)).JsonAsync(HttpStatusCode.OK);

        var again = await _client.SendAsync(HttpMethod.Post, $"/api/mentorship/sessions/{sessionId}/cancel", student.AccessToken);

        await again.AssertSeedErrorAsync(HttpStatusCode.Conflict, "already_cancelled", error: true);
    }

    [Fact]
    public async Task Only_the_student_and_the_mentor_can_see_or_cancel_a_session()
    {
        var (_, mentorId) = await MentorWithAvailabilitiesAsync();
        var student = await _client.SignUpAsync();
        var stranger = await _client.SignUpAsync();
        var sessionId = (await (await BookAsync(mentorId, student, At(6, "09:00"), 30)).JsonAsync(HttpStatusCode.Created)).GetProperty("session").Str("id");

        var read = await _client.SendAsync(HttpMethod.Get, $"/api/mentorship/sessions/{sessionId}", stranger.AccessToken);
        var cancel = await _client.SendAsync(HttpMethod.Post, $"/api/mentorship/sessions/{sessionId}/cancel", stranger.AccessToken);
        var anonymous = await _client.GetAsync($"/api/mentorship/sessions/{sessionId}");

        await read.AssertSeedErrorAsync(HttpStatusCode.NotFound, "not_found", error: true);
        await cancel.AssertSeedErrorAsync(HttpStatusCode.NotFound, "not_found", error: true);
        await anonymous.AssertSeedErrorAsync(HttpStatusCode.Unauthorized, error: true);
        var still = await (await _client.SendAsync(HttpMethod.Get, $"/api/mentorship/sessions/{sessionId}", student.AccessToken)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("scheduled", still.GetProperty("session").Str("status"));
    }

    private Task<HttpResponseMessage> BookAsync(string mentorId, SignedIn student, string sessionDate, int minutes) =>
        _client.SendAsync(HttpMethod.Post, $"/api/mentors/{mentorId}/book", student.AccessToken, new { session_date = sessionDate, duration_minutes = minutes, subject = "Maths" });

    /// <summary>A provider who created (and so owns) a mentor resource through /api/v1, with no availability yet.</summary>
    private async Task<(SignedIn Mentor, string MentorId)> MentorAsync()
    {
        var mentor = await _client.SignUpProviderAsync(fixture.Host);
        var created = await (await _client.SendAsync(HttpMethod.Post, "/api/v1/resources", mentor.AccessToken, new
        {
            kind = "mentor",
            name = "Ada",
            timeZone = Lagos,
            slotMinutes = 30,
            durations = new[] { 30, 60, 90, 120 },
        })).JsonAsync(HttpStatusCode.Created);
        return (mentor, created.Str("id"));
    }

    /// <summary>A mentor available every day 09:00–12:00, set through the seed's own route.</summary>
    private async Task<(SignedIn Mentor, string MentorId)> MentorWithAvailabilitiesAsync()
    {
        var (mentor, id) = await MentorAsync();
        await SetAvailabilitiesAsync(mentor, Enumerable.Range(0, 7).Select(d => Availability(d, "09:00", "12:00")).ToArray());
        return (mentor, id);
    }

    private async Task SetAvailabilitiesAsync(SignedIn mentor, object[] availabilities) =>
        await (await _client.SendAsync(HttpMethod.Post, "/api/mentors/availabilities", mentor.AccessToken, new { availabilities })).JsonAsync(HttpStatusCode.OK);

    private static object Availability(int day, string start, string end) => new { day_of_week = day, start_time = start, end_time = end, is_active = true };

    private static DateOnly Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(Lagos)).DateTime);

    /// <summary>A session date <paramref name="days"/> from today in Lagos at <paramref name="time"/>, as a slot's datetime.</summary>
    private static string At(int days, string time) => $"{Today().AddDays(days):yyyy-MM-dd}T{time}:00";

    private static string FrenchDay(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "Lundi",
        DayOfWeek.Tuesday => "Mardi",
        DayOfWeek.Wednesday => "Mercredi",
        DayOfWeek.Thursday => "Jeudi",
        DayOfWeek.Friday => "Vendredi",
        DayOfWeek.Saturday => "Samedi",
        _ => "Dimanche",
    };
}
