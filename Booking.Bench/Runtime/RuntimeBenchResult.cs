namespace Booking.Bench.Runtime;

/// <summary>Figures from <see cref="RuntimeBenchmark"/>.</summary>
internal sealed record RuntimeBenchResult(
    double OneGrainCallsPerSecond,
    double ThousandGrainsCallsPerSecond,
    double CrossSiloCallsPerSecond,
    double ReferenceCallNs,
    double DirectCallNs)
{
    public double OverheadNs => ReferenceCallNs - DirectCallNs;
}
