using Booking.Runtime.Reminders;
using Booking.Runtime.Storage;
using Booking.Runtime.Storage.Memory;

namespace Booking.Tests.Storage;

public sealed class MemoryGrainStorageConformanceTests : GrainStorageConformanceTests
{
    protected override IGrainStorage Storage { get; } = new MemoryGrainStorage(new JsonGrainStateSerializer());

    protected override IReminderTable Reminders { get; } = new MemoryReminderTable();
}
