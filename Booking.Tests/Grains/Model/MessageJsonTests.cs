using System.Text.Json;
using System.Text.Json.Nodes;
using Booking.Grains.Interfaces.Model;

namespace Booking.Tests.Grains.Model;

public sealed class MessageJsonTests
{
    private static readonly DateTimeOffset Instant = new(2027, 3, 1, 8, 30, 0, TimeSpan.Zero);

    internal static BookingRecord SampleBooking() => new()
    {
        Id = "b1",
        ResourceId = "r1",
        ResourceKind = ResourceKind.ParkingSlot,
        Date = new DateOnly(2027, 3, 1),
        Start = new TimeOnly(9, 0),
        End = new TimeOnly(0, 0),
        StartUtc = Instant,
        EndUtc = Instant.AddHours(15),
        Period = "morning",
        UserId = "u1",
        Status = BookingStatus.NoShow,
        Subject = "subject",
        Notes = "notes",
        Details = new Dictionary<string, string> { ["prestation"] = "coupe_homme" },
        CreatedAt = Instant,
        UpdatedAt = Instant,
        CancelledAt = Instant,
        CancelledBy = "u2",
        CancelReason = "why",
        CheckedInAt = Instant,
        IdempotencyKey = "k1",
        HoldId = "b1",
        HoldExpiresAt = Instant.AddMinutes(5),
    };

    internal static ResourceDefinition SampleResource() => new()
    {
        Id = "r1",
        Kind = ResourceKind.Mentor,
        Name = "Ada",
        OwnerId = "u9",
        ParentId = "site",
        Capacity = 3,
        TimeZone = "Europe/Paris",
        SlotMinutes = 30,
        Durations = [30, 60, 90, 120],
        Periods = new Dictionary<string, TimeWindow> { ["morning"] = TimeWindow.Of(new(8, 0), new(12, 0)) },
        Weekly = [WeeklyWindow.Of(DayOfWeek.Monday, new(9, 0), new(12, 0))],
        Exceptions = [ScheduleException.ClosedOn(new(2027, 5, 1)), ScheduleException.OpenOn(new(2027, 5, 2), TimeWindow.Of(new(10, 0), new(11, 0)))],
        BookingWindowDays = 60,
        MinNoticeMinutes = 120,
        CancellationCutoffMinutes = 1440,
        Price = 25.5m,
        Currency = "EUR",
        Category = "coaching",
        Tags = ["a", "b"],
        Active = false,
        Version = 4,
        CreatedAt = Instant,
        UpdatedAt = Instant,
    };

    [Fact]
    public void A_booking_record_keeps_its_wire_names_and_enum_spellings()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(SampleBooking()))!.AsObject();

        var expected = new[]
        {
            "id", "resourceId", "resourceKind", "date", "start", "end", "startUtc", "endUtc", "period", "userId", "status",
            "subject", "notes", "details", "createdAt", "updatedAt", "cancelledAt", "cancelledBy", "cancelReason",
            "checkedInAt", "idempotencyKey", "holdId", "holdExpiresAt",
        };
        Assert.Equal(expected.Order(), json.Select(p => p.Key).Order());
        Assert.Equal("no_show", (string?)json["status"]);
        Assert.Equal("parking_slot", (string?)json["resourceKind"]);
        Assert.Equal("2027-03-01", (string?)json["date"]);
        Assert.Equal("09:00", (string?)json["start"]);
        Assert.Equal("00:00", (string?)json["end"]);
    }

    [Fact]
    public void A_resource_definition_writes_weekdays_and_local_times_as_the_api_does()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(SampleResource()))!.AsObject();

        Assert.Equal("mentor", (string?)json["kind"]);
        Assert.Equal("monday", (string?)json["weekly"]![0]!["day"]);
        Assert.Equal("09:00", (string?)json["weekly"]![0]!["start"]);
        Assert.Equal("08:00", (string?)json["periods"]!["morning"]!["start"]);
        Assert.True((bool?)json["exceptions"]![0]!["closed"]);
        Assert.Equal("10:00", (string?)json["exceptions"]![1]!["windows"]![0]!["start"]);
    }

    [Fact]
    public void A_resource_definition_read_with_only_kind_and_name_gets_the_documented_defaults()
    {
        var resource = JsonSerializer.Deserialize<ResourceDefinition>("""{"id":"r","kind":"service","name":"Coupe"}""")!;

        Assert.Equal(1, resource.Capacity);
        Assert.Equal("UTC", resource.TimeZone);
        Assert.Equal(30, resource.SlotMinutes);
        Assert.Equal(90, resource.BookingWindowDays);
        Assert.True(resource.Active);
        Assert.Empty(resource.Weekly);
    }

    [Fact]
    public void A_book_request_reads_optional_times_in_hh_mm()
    {
        var request = JsonSerializer.Deserialize<BookRequest>(
            """{"userId":"u","resourceId":"r","date":"2027-03-01","start":"09:30","durationMinutes":60}""")!;

        Assert.Equal(new TimeOnly(9, 30), request.Start);
        Assert.Null(request.End);
        Assert.Equal(60, request.DurationMinutes);
        Assert.Contains("\"start\":\"09:30\"", JsonSerializer.Serialize(request), StringComparison.Ordinal);
    }

    [Fact]
    public void A_weekday_given_as_a_number_is_refused()
    {
        Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize<WeeklyWindow>("""{"day":1,"start":"09:00","end":"10:00"}"""));
    }

    public static TheoryData<object> Messages() => new()
    {
        SampleBooking(),
        SampleResource(),
        new BookRequest
        {
            UserId = "u", ResourceId = "r", Date = new(2027, 3, 1), Start = new(9, 0), End = new(10, 0), Period = "day",
            DurationMinutes = 60, Subject = "s", Notes = "n", Details = new Dictionary<string, string> { ["k"] = "v" },
            IdempotencyKey = "k", HoldId = "h",
        },
        BookingOutcome.Success(SampleBooking()) with { Replayed = true },
        BookingOutcome.Failure(new BookingError
        {
            Code = BookingErrorCodes.SlotUnavailable,
            Message = "taken",
            Alternatives = [new FreeSlot { Date = new(2027, 3, 1), Start = new(10, 0), End = new(11, 0), StartUtc = Instant, EndUtc = Instant.AddHours(1), Period = "p" }],
        }),
        ResourceOutcome.Success(SampleResource()),
        new ResourceSchedule { Weekly = [WeeklyWindow.Of(DayOfWeek.Sunday, new(9, 0), new(0, 0))], Exceptions = [ScheduleException.ClosedOn(new(2027, 1, 1))] },
        new DayOccupancy
        {
            ResourceId = "r", Date = new(2027, 3, 1), Capacity = 3, Bookings = [SampleBooking()],
            Taken = [new OccupancySegment { Start = new(9, 0), End = new(9, 30), Booked = 2, Remaining = 1 }],
        },
        new CancelRequest { BookingId = "b", ByUserId = "u", Reason = "r", ByOwnerOrAdmin = true },
        new StatusChangeRequest { BookingId = "b", ByUserId = "u", Change = BookingStatusChange.CheckIn, ByOwnerOrAdmin = true },
        new UserLeaseRequest { LeaseId = "l", ResourceId = "r", ResourceKind = ResourceKind.Service, StartUtc = Instant, EndUtc = Instant.AddHours(1), Period = "p" },
        UserLeaseOutcome.Conflict("b", "busy"),
        new SiteSlotStatus { ResourceId = "r", Number = "A1", Free = true },
        new Booking.Grains.Projections.BookingRowsChanged([SampleBooking()], Capacity: 3),
        new CreateSiteRequest
        {
            Name = "HQ", Address = "1 rue", SlotCount = 3, SlotNumbers = ["A1"], TimeZone = "Europe/Paris",
            Periods = new Dictionary<string, TimeWindow> { ["day"] = TimeWindow.Of(new(7, 0), new(20, 0)) },
            Weekly = [WeeklyWindow.Of(DayOfWeek.Friday, new(7, 0), new(20, 0))], BookingWindowDays = 10, CancellationCutoffMinutes = 5, OwnerId = "o",
        },
        SiteOutcome.Success(new SiteDefinition
        {
            Id = "s", Name = "HQ", Address = "a", TimeZone = "Europe/Paris", Version = 2, CreatedAt = Instant,
            Periods = new Dictionary<string, TimeWindow> { ["day"] = TimeWindow.Of(new(7, 0), new(20, 0)) },
            Slots = [new SiteSlot { ResourceId = "r", Number = "A1" }],
        }),
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void A_message_survives_a_json_round_trip_unchanged(object message)
    {
        var type = message.GetType();
        var json = JsonSerializer.Serialize(message, type);

        var back = JsonSerializer.Deserialize(json, type);

        Assert.Equal(json, JsonSerializer.Serialize(back, type));
    }
}
