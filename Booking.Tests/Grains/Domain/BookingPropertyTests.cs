using Booking.Grains.Domain;
using Booking.Grains.Interfaces.Model;
using FsCheck;
using FsCheck.Fluent;
using static Booking.Tests.Grains.Domain.Fixtures;

namespace Booking.Tests.Grains.Domain;

/// <summary>Properties of the acceptance function over random resources and random sequences of requests and cancellations.</summary>
public sealed class BookingPropertyTests
{
    /// <summary>An ordinary Monday, the spring-forward Sunday and the fall-back Sunday in Paris.</summary>
    private static readonly DateOnly[] Dates = [Monday, new(2027, 3, 28), new(2027, 10, 31)];

    private static readonly DateTimeOffset Start = new(2027, 2, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] PeriodNames = ["morning", "afternoon", "day", "evening"];

    /// <summary>One generated step: a booking request in one of the three forms, or the cancellation of an earlier booking.</summary>
    public sealed record Step(int Form, int StartSlot, int LengthSlots, int PeriodIndex, int CancelIndex)
    {
        public override string ToString() => Form switch
        {
            0 => $"book[{StartSlot},+{LengthSlots}]",
            1 => $"book[{StartSlot},{LengthSlots}slots]",
            2 => $"period[{PeriodNames[PeriodIndex]}]",
            _ => $"cancel[{CancelIndex}]",
        };
    }

    public sealed record Scenario(int Capacity, int SlotMinutes, bool AllDay, int DateIndex, int NowHours, int? Duration, Step[] Steps)
    {
        public DateOnly Date => Dates[DateIndex];

        public DateTimeOffset Now => Start.AddHours(NowHours);

        public ResourceDefinition Resource => new()
        {
            Id = "r",
            Kind = ResourceKind.Service,
            Name = "r",
            Capacity = Capacity,
            TimeZone = Paris,
            SlotMinutes = SlotMinutes,
            BookingWindowDays = null,
            Periods = new Dictionary<string, TimeWindow>
            {
                ["morning"] = TimeWindow.Of(new(8, 0), new(12, 0)),
                ["afternoon"] = TimeWindow.Of(new(12, 0), new(18, 0)),
                ["day"] = TimeWindow.Of(new(8, 0), new(18, 0)),
                ["evening"] = TimeWindow.Of(new(18, 0), new(23, 0)),
            },
            Weekly = [.. Enum.GetValues<DayOfWeek>().Select(d => AllDay
                ? WeeklyWindow.Of(d, new(0, 0), new(0, 0))
                : WeeklyWindow.Of(d, new(8, 0), new(18, 0)))],
        };

        public override string ToString() =>
            $"capacity={Capacity} slot={SlotMinutes} allDay={AllDay} date={Date:yyyy-MM-dd} now={Now:O} duration={Duration} steps=[{string.Join(" ", Steps.Select(s => s.ToString()))}]";
    }

    private static Gen<Step> StepGen =>
        from form in Gen.Frequency((3, Gen.Constant(0)), (3, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3)))
        from startSlot in Gen.Choose(0, 95)
        from lengthSlots in Gen.Choose(1, 8)
        from period in Gen.Choose(0, PeriodNames.Length - 1)
        from cancel in Gen.Choose(0, 40)
        select new Step(form, startSlot, lengthSlots, period, cancel);

    private static Arbitrary<Scenario> Scenarios =>
        (from capacity in Gen.Choose(1, 3)
         from slot in Gen.Elements(15, 30, 60)
         from allDay in Gen.Elements(true, false)
         from dateIndex in Gen.Choose(0, Dates.Length - 1)
         from nowHours in Gen.Choose(0, 24 * 30 * 10)
         from duration in Gen.Elements<int?>(null, 15, 30, 60, 90, 120)
         from count in Gen.Choose(0, 40)
         from steps in Gen.ArrayOf(StepGen, count)
         select new Scenario(capacity, slot, allDay, dateIndex, nowHours, duration, steps)).ToArbitrary();

    /// <summary>Plays the scenario: every request goes through the rules; accepted ones are kept; cancellations cancel.</summary>
    private static (List<BookingRecord> Bookings, List<(BookRequest Request, BookingDecision Decision, List<BookingRecord> Before)> Decisions) Play(Scenario scenario)
    {
        var resource = scenario.Resource;
        var bookings = new List<BookingRecord>();
        var decisions = new List<(BookRequest, BookingDecision, List<BookingRecord>)>();
        foreach (var step in scenario.Steps)
        {
            if (step.Form == 3)
            {
                if (bookings.Count > 0)
                {
                    var i = step.CancelIndex % bookings.Count;
                    bookings[i] = bookings[i] with { Status = BookingStatus.Cancelled };
                }

                continue;
            }

            var start = LocalMinutes.ToTime(step.StartSlot * 15 % LocalMinutes.Day);
            var request = step.Form switch
            {
                0 => new BookRequest { UserId = "u", ResourceId = "r", Date = scenario.Date, Start = start, End = LocalMinutes.ToTime(Math.Min(LocalMinutes.Day, LocalMinutes.StartOf(start) + (step.LengthSlots * scenario.SlotMinutes))) },
                1 => new BookRequest { UserId = "u", ResourceId = "r", Date = scenario.Date, Start = start, DurationMinutes = step.LengthSlots * scenario.SlotMinutes },
                _ => new BookRequest { UserId = "u", ResourceId = "r", Date = scenario.Date, Period = PeriodNames[step.PeriodIndex] },
            };

            var before = bookings.ToList();
            var decision = BookingRules.Decide(resource, request, bookings, scenario.Now);
            decisions.Add((request, decision, before));
            if (decision.IsAccepted)
            {
                bookings.Add(ToRecord(resource, request, decision.Interval));
            }
        }

        return (bookings, decisions);
    }

    /// <summary>Active bookings overlapping the instant <paramref name="at"/>, counted naively.</summary>
    private static int ActiveAt(IEnumerable<BookingRecord> bookings, DateTimeOffset at, DateTimeOffset now) =>
        bookings.Count(b => b.IsActiveAt(now) && b.StartUtc <= at && at < b.EndUtc);

    [Fact]
    public void Accepted_bookings_never_exceed_capacity_at_any_instant()
    {
        Prop.ForAll(Scenarios, scenario =>
        {
            var (bookings, _) = Play(scenario);

            // The count only changes at a start, so checking every start checks every instant.
            return bookings.All(b => ActiveAt(bookings, b.StartUtc, scenario.Now) <= scenario.Capacity);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_request_refused_as_unavailable_really_had_an_instant_at_full_capacity()
    {
        Prop.ForAll(Scenarios, scenario =>
        {
            var (_, decisions) = Play(scenario);

            return decisions
                .Where(d => d.Decision.Error?.Code == BookingErrorCodes.SlotUnavailable)
                .All(d =>
                {
                    var interval = RequestResolver.Resolve(scenario.Resource, d.Request).Interval;
                    var zone = LocalTimeResolver.FindZone(Paris)!;
                    var from = LocalTimeResolver.ToUtc(interval.Date, interval.StartMinute, zone).Utc;
                    var to = LocalTimeResolver.ToUtc(interval.Date, interval.EndMinute, zone).Utc;
                    var instants = d.Before.Select(b => b.StartUtc).Append(from).Where(t => from <= t && t < to);
                    return instants.Any(t => ActiveAt(d.Before, t, scenario.Now) >= scenario.Capacity);
                });
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Every_offered_free_slot_is_accepted_and_every_grid_slot_not_offered_is_refused()
    {
        Prop.ForAll(Scenarios, scenario =>
        {
            var resource = scenario.Resource;
            var (bookings, _) = Play(scenario);

            var offered = FreeSlotFinder.FindFreeSlots(resource, scenario.Date, bookings, scenario.Now, scenario.Duration);

            var allAccepted = offered.All(slot =>
            {
                var asInterval = new BookRequest { UserId = "v", ResourceId = "r", Date = slot.Date, Start = slot.Start, End = slot.End };
                var asPeriod = new BookRequest { UserId = "v", ResourceId = "r", Date = slot.Date, Period = slot.Period };
                var decision = BookingRules.Decide(resource, slot.Period is null ? asInterval : asPeriod, bookings, scenario.Now);
                return decision.IsAccepted && decision.Interval.StartUtc == slot.StartUtc && decision.Interval.EndUtc == slot.EndUtc;
            });

            var offeredStarts = offered.Select(s => (s.Start, s.Period)).ToHashSet();
            var noneMissed = scenario.Duration is { } duration
                ? Enumerable.Range(0, LocalMinutes.Day / resource.SlotMinutes)
                    .Select(i => i * resource.SlotMinutes)
                    .Where(start => start + duration <= LocalMinutes.Day)
                    .Where(start => !offeredStarts.Contains((LocalMinutes.ToTime(start), null)))
                    .All(start => !BookingRules.Decide(resource, new BookRequest { UserId = "v", ResourceId = "r", Date = scenario.Date, Start = LocalMinutes.ToTime(start), DurationMinutes = duration }, bookings, scenario.Now).IsAccepted)
                : resource.Periods.Keys
                    .Where(p => !offered.Any(s => s.Period == p))
                    .All(p => !BookingRules.Decide(resource, new BookRequest { UserId = "v", ResourceId = "r", Date = scenario.Date, Period = p }, bookings, scenario.Now).IsAccepted);

            return allAccepted && noneMissed;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Alternatives_are_free_slots_of_the_refused_length()
    {
        Prop.ForAll(Scenarios, scenario =>
        {
            var resource = scenario.Resource;
            var (bookings, decisions) = Play(scenario);

            return decisions
                .Where(d => d.Decision.Error?.Code == BookingErrorCodes.SlotUnavailable && d.Request.Period is null)
                .All(d =>
                {
                    var alternatives = FreeSlotFinder.Alternatives(resource, d.Request, d.Before, scenario.Now);
                    var length = RequestResolver.Resolve(resource, d.Request).Interval.LengthMinutes;
                    return alternatives.Count <= BookingDefaults.MaxAlternatives
                        && alternatives.All(a =>
                            BookingRules.Decide(resource, new BookRequest { UserId = "v", ResourceId = "r", Date = a.Date, Start = a.Start, DurationMinutes = length }, d.Before, scenario.Now).IsAccepted);
                });
        }).QuickCheckThrowOnFailure();
    }
}
