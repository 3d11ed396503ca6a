using System.Globalization;

namespace Booking.Bench.Scenarios;

/// <summary>Generates the workloads; the same options, seed and first date give the same requests.</summary>
internal static class WorkloadFactory
{
    private const int SpreadHoursPerUser = 8;

    public static Workload Create(ScenarioKind scenario, ScenarioOptions options, DateOnly firstDate) => scenario switch
    {
        ScenarioKind.Rush => Parking(scenario, options, firstDate, options.Slots, $"{options.Employees:N0} employees, one site of {options.Slots:N0} slots, one date, morning/afternoon/day 40/30/30, Zipf({options.Skew:0.0#}) slot picks"),
        ScenarioKind.Hot => Parking(scenario, options, firstDate, options.HotSlots, $"{options.Employees:N0} employees, everyone wants the same {options.HotSlots} slots, morning/afternoon/day 40/30/30"),
        ScenarioKind.Mentor => Mentor(options, firstDate),
        ScenarioKind.Spread => Spread(options, firstDate),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null),
    };

    private static Workload Parking(ScenarioKind scenario, ScenarioOptions options, DateOnly date, int slots, string description)
    {
        var random = new Random(options.Seed);
        var picks = new ZipfSampler(slots, scenario == ScenarioKind.Hot ? 0 : options.Skew);
        var arrivals = Arrivals(random, options.Employees, options.ArrivalWindow);
        var asks = new BookingAsk[options.Employees];
        for (var i = 0; i < asks.Length; i++)
        {
            var roll = random.NextDouble();
            var period = roll < 0.4 ? ParkingPeriods.Morning : roll < 0.7 ? ParkingPeriods.Afternoon : ParkingPeriods.Day;
            var (start, end) = ParkingPeriods.Times(period);
            asks[i] = new BookingAsk(i, User: i, Resource: picks.Next(random), date, period, start, end, arrivals[i]);
        }

        return new Workload
        {
            Scenario = scenario,
            Shape = ResourceShape.ParkingSlot,
            Resources = slots,
            Users = options.Employees,
            Asks = asks,
            ClosedLoop = false,
            Description = $"{description}, arriving within {options.ArrivalWindow.TotalMilliseconds:N0} ms",
        };
    }

    private static Workload Mentor(ScenarioOptions options, DateOnly date)
    {
        var random = new Random(options.Seed);
        var picks = new ZipfSampler(options.Mentors, options.Skew * 0.5);
        var arrivals = Arrivals(random, options.Employees, options.ArrivalWindow);
        var dayMinutes = (int)(MentorHours.Closes - MentorHours.Opens).TotalMinutes;
        var asks = new BookingAsk[options.Employees];
        for (var i = 0; i < asks.Length; i++)
        {
            var duration = MentorHours.Durations[random.Next(MentorHours.Durations.Length)];
            var slots = ((dayMinutes - duration) / MentorHours.SlotMinutes) + 1;
            var start = MentorHours.Opens.AddMinutes(random.Next(slots) * MentorHours.SlotMinutes);
            asks[i] = new BookingAsk(i, User: i, Resource: picks.Next(random), date, Period: null, start, start.AddMinutes(duration), arrivals[i]);
        }

        return new Workload
        {
            Scenario = ScenarioKind.Mentor,
            Shape = ResourceShape.Mentor,
            Resources = options.Mentors,
            Users = options.Employees,
            Asks = asks,
            ClosedLoop = false,
            Description = string.Create(CultureInfo.InvariantCulture, $"{options.Employees:N0} students, {options.Mentors} mentors (Zipf({options.Skew * 0.5:0.0#}) picks), 30/60/90/120-minute sessions on a 30-minute grid, one date, arriving within {options.ArrivalWindow.TotalMilliseconds:N0} ms"),
        };
    }

    // Request i books resource i % R on date i / R, one hour; each person books the resources of one block of eight at
    // eight different hours of each date, so nobody clashes with themselves and every request can be confirmed.
    private static Workload Spread(ScenarioOptions options, DateOnly firstDate)
    {
        var resources = options.SpreadResources;
        var dates = (options.SpreadRequests + resources - 1) / resources;
        if (dates > 30)
        {
            throw new ArgumentException($"spread needs {dates} dates for {options.SpreadRequests:N0} requests over {resources:N0} resources; at most 30 (give more resources).");
        }

        var asks = new BookingAsk[options.SpreadRequests];
        for (var i = 0; i < asks.Length; i++)
        {
            var resource = i % resources;
            var start = MentorHours.Opens.AddHours(resource % SpreadHoursPerUser);
            asks[i] = new BookingAsk(i, User: resource / SpreadHoursPerUser, resource, firstDate.AddDays(i / resources), Period: null, start, start.AddHours(1), TimeSpan.Zero);
        }

        return new Workload
        {
            Scenario = ScenarioKind.Spread,
            Shape = ResourceShape.Mentor,
            Resources = resources,
            Users = (resources + SpreadHoursPerUser - 1) / SpreadHoursPerUser,
            Asks = asks,
            ClosedLoop = true,
            Concurrency = options.SpreadConcurrency,
            Description = string.Create(CultureInfo.InvariantCulture, $"{options.SpreadRequests:N0} one-hour bookings, each on a resource-day of its own ({resources:N0} resources × {dates} dates), {options.SpreadConcurrency:N0} in flight"),
        };
    }

    private static TimeSpan[] Arrivals(Random random, int count, TimeSpan window)
    {
        var arrivals = new TimeSpan[count];
        for (var i = 0; i < count; i++)
        {
            arrivals[i] = window * random.NextDouble();
        }

        Array.Sort(arrivals);
        return arrivals;
    }
}
