using Booking.Silo.Storage;
using Orleans.Storage;

namespace Booking.Tests.Storage;

public sealed class MemoryGrainStorageConformanceTests : GrainStorageConformanceTests
{
    protected override IGrainStorage Storage { get; } = new Booking.Silo.Storage.Memory.MemoryGrainStorage(new JsonGrainStateSerializer());

}
