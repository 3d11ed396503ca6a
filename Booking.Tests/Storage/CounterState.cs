namespace Booking.Tests.Storage;

/// <summary>A small grain state for the storage tests.</summary>
public sealed class CounterState
{
    public int Count { get; set; }

    public string Text { get; set; } = "";

    public List<string> Items { get; set; } = [];
}
