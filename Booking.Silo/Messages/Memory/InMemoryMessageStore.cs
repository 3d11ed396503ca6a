using Booking.Grains.Messages;
using Booking.Grains.Persistence;

namespace Booking.Silo.Messages.Memory;

/// <summary>
/// The message outbox in memory (the <c>Memory</c> provider and tests): the memory storage hands it each write's
/// <see cref="MessageEventsRecorded"/> under its write lock, as the database providers write them in the state's transaction.
/// </summary>
internal sealed class InMemoryMessageStore : IMessageOutbox, IMessageStore, IMemoryProjectionSink
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, EventRow> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DeliveryRow> _deliveries = new(StringComparer.Ordinal);

    public void Apply(GrainId grainId, string stateName, IReadOnlyList<IStateProjection> projections)
    {
        foreach (var recorded in projections.OfType<MessageEventsRecorded>())
        {
            foreach (var message in recorded.Events)
            {
                Record(message);
            }
        }
    }

    public Task RecordAsync(MessageEvent message, CancellationToken cancellationToken)
    {
        Record(message);
        return Task.CompletedTask;
    }

    public Task<MailPage> ListMailAsync(MailFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        lock (_lock)
        {
            var matching = _deliveries.Values
                .Where(d => (filter.UserId is null || d.UserId == filter.UserId) && (filter.Status is null || d.Status == filter.Status))
                .OrderByDescending(d => d.CreatedAt)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(new MailPage
            {
                Items = [.. matching.Skip((page - 1) * pageSize).Take(pageSize).Select(d => d.ToMail())],
                Page = page,
                PageSize = pageSize,
                Total = matching.Count,
            });
        }
    }

    public Task<MailDelivery?> GetMailAsync(string id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_deliveries.GetValueOrDefault(id)?.ToMail());
        }
    }

    public Task ForgetUserAsync(string userId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var id in _deliveries.Values.Where(d => d.UserId == userId).Select(d => d.Id).ToList())
            {
                _deliveries.Remove(id);
            }

            foreach (var id in _events.Values.Where(e => e.Event.UserId == userId).Select(e => e.Event.Id).ToList())
            {
                _events.Remove(id);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<MessageEvent>> ClaimEventsAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var claimed = _events.Values
                .Where(e => !e.Dispatched && (e.LeaseUntil is null || e.LeaseUntil <= now))
                .OrderBy(e => e.Event.OccurredAt)
                .ThenBy(e => e.Event.Id, StringComparer.Ordinal)
                .Take(max)
                .ToList();
            foreach (var row in claimed)
            {
                row.LeaseUntil = now + lease;
            }

            return Task.FromResult<IReadOnlyList<MessageEvent>>([.. claimed.Select(e => e.Event)]);
        }
    }

    public Task CompleteEventAsync(MessageEvent message, IReadOnlyList<NewDelivery> deliveries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var delivery in deliveries)
            {
                _deliveries.TryAdd(delivery.Id, new DeliveryRow
                {
                    Id = delivery.Id,
                    Kind = delivery.Kind,
                    UserId = delivery.UserId,
                    BookingId = delivery.BookingId,
                    CreatedAt = delivery.CreatedAt,
                    DueAt = delivery.DueAt,
                    Event = delivery.Event,
                });
            }

            if (message is { Kind: MessageEventKinds.BookingCancelled, Booking: { } cancelled })
            {
                foreach (var reminder in _deliveries.Values.Where(d => d.BookingId == cancelled.Id && d.Kind == MailKinds.BookingReminder && d.Status == DeliveryStatuses.Pending))
                {
                    reminder.Status = DeliveryStatuses.Skipped;
                    reminder.LastError = "the booking was cancelled";
                    reminder.LeaseUntil = null;
                }
            }

            if (_events.TryGetValue(message.Id, out var row))
            {
                row.Dispatched = true;
                row.LeaseUntil = null;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ClaimedDelivery>> ClaimDeliveriesAsync(
        string owner, DateTimeOffset now, TimeSpan lease, int max, bool unrenderedOnly, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var claimed = _deliveries.Values
                .Where(d => d.Status == DeliveryStatuses.Pending && d.DueAt <= now && (d.LeaseUntil is null || d.LeaseUntil <= now) && (!unrenderedOnly || d.Content is null))
                .OrderBy(d => d.DueAt)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .Take(max)
                .ToList();
            foreach (var row in claimed)
            {
                row.LeaseUntil = now + lease;
            }

            return Task.FromResult<IReadOnlyList<ClaimedDelivery>>([.. claimed.Select(d => new ClaimedDelivery
            {
                Id = d.Id,
                Kind = d.Kind,
                UserId = d.UserId,
                BookingId = d.BookingId,
                Attempts = d.Attempts,
                DueAt = d.DueAt,
                Event = d.Event,
                Content = d.Content,
            })]);
        }
    }

    public Task SaveContentAsync(string id, RenderedMail content, bool release, CancellationToken cancellationToken) => Update(id, row =>
    {
        row.Content = content;
        if (release)
        {
            row.LeaseUntil = null;
        }
    });

    public Task MarkSentAsync(string id, int attempts, DateTimeOffset now, CancellationToken cancellationToken) => Update(id, row =>
    {
        row.Status = DeliveryStatuses.Sent;
        row.Attempts = attempts;
        row.SentAt = now;
        row.LastError = null;
        row.LeaseUntil = null;
    });

    public Task MarkFailedAsync(string id, int attempts, DateTimeOffset? retryAt, string error, CancellationToken cancellationToken) => Update(id, row =>
    {
        row.Status = retryAt is null ? DeliveryStatuses.Dead : DeliveryStatuses.Pending;
        row.Attempts = attempts;
        row.DueAt = retryAt ?? row.DueAt;
        row.LastError = error;
        row.LeaseUntil = null;
    });

    public Task MarkSkippedAsync(string id, string reason, CancellationToken cancellationToken) => Update(id, row =>
    {
        row.Status = DeliveryStatuses.Skipped;
        row.LastError = reason;
        row.LeaseUntil = null;
    });

    private void Record(MessageEvent message)
    {
        lock (_lock)
        {
            _events.TryAdd(message.Id, new EventRow { Event = message });
        }
    }

    private Task Update(string id, Action<DeliveryRow> change)
    {
        lock (_lock)
        {
            if (_deliveries.TryGetValue(id, out var row))
            {
                change(row);
            }
        }

        return Task.CompletedTask;
    }

    private sealed class EventRow
    {
        public required MessageEvent Event { get; init; }

        public bool Dispatched { get; set; }

        public DateTimeOffset? LeaseUntil { get; set; }
    }

    private sealed class DeliveryRow
    {
        public required string Id { get; init; }

        public required string Kind { get; init; }

        public required string UserId { get; init; }

        public string? BookingId { get; init; }

        public required DateTimeOffset CreatedAt { get; init; }

        public required MessageEvent Event { get; init; }

        public string Status { get; set; } = DeliveryStatuses.Pending;

        public int Attempts { get; set; }

        public DateTimeOffset DueAt { get; set; }

        public DateTimeOffset? SentAt { get; set; }

        public string? LastError { get; set; }

        public DateTimeOffset? LeaseUntil { get; set; }

        public RenderedMail? Content { get; set; }

        public MailDelivery ToMail() => new()
        {
            Id = Id,
            Kind = Kind,
            UserId = UserId,
            BookingId = BookingId,
            Status = Status,
            Attempts = Attempts,
            CreatedAt = CreatedAt,
            DueAt = DueAt,
            SentAt = SentAt,
            LastError = LastError,
            Content = Content,
        };
    }
}
