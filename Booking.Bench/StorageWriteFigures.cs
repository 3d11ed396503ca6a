using Booking.Bench.Measurement;

namespace Booking.Bench;

/// <summary>One storage configuration's durable writes per second over the measured period, how many that was, and their latency.</summary>
internal sealed record StorageWriteFigures(double WritesPerSecond, long Writes, LatencyStats Latency);
