namespace Booking.Grains.Domain;

/// <summary>A request's time resolved to local minutes on one date, before time-zone conversion.</summary>
internal readonly record struct LocalInterval(DateOnly Date, int StartMinute, int EndMinute, string? Period)
{
    public int LengthMinutes => EndMinute - StartMinute;
}
