using Booking.Runtime;

namespace Booking.Tests.Runtime;

public sealed class GrainIdTests
{
    [Fact]
    public void A_grain_id_round_trips_through_its_string_form()
    {
        var id = new GrainId("Booking.IFoo", "a/b");
        Assert.True(GrainId.TryParse(id.ToString(), out var parsed));
        Assert.Equal(id, parsed);
    }
}
