using Booking.Silo.Reminders;
using Booking.Silo.Storage;
using Booking.Silo.Storage.Memory;

namespace Booking.Tests.Storage;

public sealed class MemoryGrainStorageConformanceTests : GrainStorageConformanceTests
{
    protected override IGrainStorage Storage { get; } = new MemoryGrainStorage(new JsonGrainStateSerializer());

    protected override IReminderTable Reminders { get; } = new MemoryReminderTable();
}
