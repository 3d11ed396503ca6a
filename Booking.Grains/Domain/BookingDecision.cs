using System.Diagnostics.CodeAnalysis;
using Booking.Grains.Interfaces.Model;

namespace Booking.Grains.Domain;

/// <summary>What the rules decided about a request: the interval it would occupy, or the first rule it breaks.</summary>
internal sealed record BookingDecision
{
    public ResolvedInterval? Interval { get; private init; }

    public BookingError? Error { get; private init; }

    [MemberNotNullWhen(true, nameof(Interval))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsAccepted => Interval is not null;

    public static BookingDecision Accept(ResolvedInterval interval) => new() { Interval = interval };

    public static BookingDecision Reject(BookingError error) => new() { Error = error };

    public static BookingDecision Reject(string code, string message) => new() { Error = BookingError.Of(code, message) };
}
