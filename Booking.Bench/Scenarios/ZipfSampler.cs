namespace Booking.Bench.Scenarios;

/// <summary>Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^s: a few popular items, a long tail.</summary>
internal sealed class ZipfSampler
{
    private readonly double[] _cumulative;

    public ZipfSampler(int n, double exponent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        _cumulative = new double[n];
        var total = 0.0;
        for (var k = 0; k < n; k++)
        {
            total += 1.0 / Math.Pow(k + 1, exponent);
            _cumulative[k] = total;
        }

        for (var k = 0; k < n; k++)
        {
            _cumulative[k] /= total;
        }
    }

    public int Next(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
    }
}
