using Booking.Grains.Interfaces.Model;
using Booking.Grains.Messages;
using Booking.Grains.Queries;
using MailKit.Net.Smtp;

namespace Booking.Silo.Messages;

/// <summary>
/// Works the message outbox from this silo, outside any grain's turn: turns recorded events into deliveries, renders each
/// mail once, and sends what is due over SMTP with retries (exponential backoff with jitter, dead-lettered after
/// <see cref="MessageDispatchOptions.MaxAttempts"/>). Rows are leased, so silos sharing a database never work on one row
/// at once. Delivery is at least once: a host that dies after the server accepted a mail but before it marked it sent
/// sends it again once the lease runs out, with the same Message-Id. Due times and backoff follow the grains'
/// <see cref="TimeProvider"/> (a test clock drives reminders); the polling itself runs on real time.
/// </summary>
internal sealed partial class MessageDispatcher(
    IMessageStore store,
    DeliveryPlanner planner,
    MailComposer composer,
    SmtpMailTransport transport,
    IBookingQuery bookings,
    MailOptions mail,
    MessageDispatchOptions options,
    TimeProvider time,
    ILogger<MessageDispatcher> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly string _owner = Environment.MachineName + "/" + Environment.ProcessId + "/" + Guid.NewGuid().ToString("N")[..8];
    private CancellationTokenSource? _stopping;
    private Task? _loop;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(MessageDispatcher), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    /// <summary>One pass: dispatch recorded events, then render and send what is due. Returns how many rows it worked on.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var worked = 0;
        var now = time.GetUtcNow();
        foreach (var message in await store.ClaimEventsAsync(_owner, now, options.Lease, options.BatchSize, cancellationToken).ConfigureAwait(false))
        {
            var deliveries = await planner.PlanAsync(message, now).ConfigureAwait(false);
            await store.CompleteEventAsync(message, deliveries, now, cancellationToken).ConfigureAwait(false);
            worked++;
        }

        var sending = mail.Smtp.IsConfigured;
        var due = await store.ClaimDeliveriesAsync(_owner, time.GetUtcNow(), options.Lease, options.BatchSize, unrenderedOnly: !sending, cancellationToken).ConfigureAwait(false);
        if (due.Count == 0)
        {
            return worked;
        }

        SmtpClient? client = null;
        try
        {
            foreach (var delivery in due)
            {
                worked++;
                var content = await PrepareAsync(delivery, release: !sending, cancellationToken).ConfigureAwait(false);
                if (content is null || !sending)
                {
                    continue;
                }

                try
                {
                    client ??= await transport.ConnectAsync(cancellationToken).ConfigureAwait(false);
                    await transport.SendAsync(client, content, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                    await store.MarkSentAsync(delivery.Id, delivery.Attempts + 1, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                    LogSent(delivery.Id, delivery.Kind, delivery.Attempts + 1);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    await FailAsync(delivery, exception, cancellationToken).ConfigureAwait(false);
                    if (!SmtpMailTransport.IsMessageFailure(exception))
                    {
                        // The connection is gone: a fresh one for the next mail (which fails fast if the server is down).
                        client?.Dispose();
                        client = null;
                    }
                }
            }
        }
        finally
        {
            if (client is not null)
            {
                await DisconnectAsync(client).ConfigureAwait(false);
            }
        }

        return worked;
    }

    private async Task<RenderedMail?> PrepareAsync(ClaimedDelivery delivery, bool release, CancellationToken cancellationToken)
    {
        if (delivery.Kind == MailKinds.BookingReminder && await ReminderObsoleteAsync(delivery, cancellationToken).ConfigureAwait(false) is { } reason)
        {
            await store.MarkSkippedAsync(delivery.Id, reason, cancellationToken).ConfigureAwait(false);
            return null;
        }

        if (delivery.Content is { } rendered)
        {
            return rendered;
        }

        RenderedMail? content;
        try
        {
            content = await composer.ComposeAsync(delivery).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The recipient's account or the resource could not be read (a silo going down): try again later, like a send.
            await FailAsync(delivery, exception, cancellationToken).ConfigureAwait(false);
            return null;
        }

        if (content is null)
        {
            await store.MarkSkippedAsync(delivery.Id, "nobody to write to (no account or address)", cancellationToken).ConfigureAwait(false);
            return null;
        }

        await store.SaveContentAsync(delivery.Id, content, release, cancellationToken).ConfigureAwait(false);
        return content;
    }

    /// <summary>Why a reminder must not go out (the booking was cancelled or moved), read from the bookings table; null if it stands.</summary>
    private async Task<string?> ReminderObsoleteAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.BookingId is null || delivery.Event.Booking is not { } booked)
        {
            return "no booking";
        }

        var current = await bookings.GetBookingAsync(delivery.BookingId, cancellationToken).ConfigureAwait(false);
        return current switch
        {
            null => null,
            { Status: not BookingStatus.Confirmed } => $"the booking is {current.Status.ToString().ToLowerInvariant()}",
            _ when current.StartUtc != booked.StartUtc => "the booking was moved",
            _ when current.StartUtc <= time.GetUtcNow() => "the booking has started",
            _ => null,
        };
    }

    private async Task FailAsync(ClaimedDelivery delivery, Exception exception, CancellationToken cancellationToken)
    {
        var attempts = delivery.Attempts + 1;
        var permanent = SmtpMailTransport.IsPermanent(exception);
        DateTimeOffset? retryAt = permanent || attempts >= options.MaxAttempts
            ? null
            : time.GetUtcNow() + Jitter(options.Backoff(attempts));
        var error = exception is MailKit.Net.Smtp.SmtpCommandException smtp
            ? $"SMTP {(int)smtp.StatusCode} {smtp.ErrorCode}: {smtp.Message}"
            : $"{exception.GetType().Name}: {exception.Message}";
        if (error.Length > 500)
        {
            error = error[..500];
        }

        await store.MarkFailedAsync(delivery.Id, attempts, retryAt, error, cancellationToken).ConfigureAwait(false);
        if (retryAt is null)
        {
            LogDead(delivery.Id, delivery.Kind, attempts, error);
        }
        else
        {
            LogRetry(delivery.Id, delivery.Kind, attempts, retryAt.Value, error);
        }
    }

    private static TimeSpan Jitter(TimeSpan delay) => delay * (1 + (Random.Shared.NextDouble() * 0.2));

    private async Task DisconnectAsync(SmtpClient client)
    {
        try
        {
            await client.DisconnectAsync(quit: true).ConfigureAwait(false);
        }
        catch (Exception exception) when (SmtpMailTransport.IsConnectionFailure(exception))
        {
            LogDisconnectFailed(exception);
        }
        finally
        {
            client.Dispose();
        }
    }

    private Task StartAsync(CancellationToken cancellationToken)
    {
        if (!mail.Smtp.IsConfigured)
        {
            LogNoSmtp();
        }

        _stopping = new CancellationTokenSource();
        var stopping = _stopping.Token;
        _loop = Task.Run(() => LoopAsync(stopping), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is null || _loop is null)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: a pass cut short leaves its rows leased until the lease runs out, and nothing half-sent is lost.
        }

        _stopping.Dispose();
    }

    private async Task LoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            int worked;
            try
            {
                worked = await RunOnceAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database or the cluster is unavailable: nothing is lost (rows stay leased or pending); try again.
                LogPassFailed(exception);
                worked = 0;
            }

            if (worked < options.BatchSize)
            {
                try
                {
                    await Task.Delay(options.PollInterval, TimeProvider.System, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No SMTP host is configured (Booking:Mail:Smtp:Host): mails are rendered and kept in the outbox, not sent; admins read them at GET /api/v1/admin/mail")]
    private partial void LogNoSmtp();

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {DeliveryId} ({Kind}) sent on attempt {Attempt}")]
    private partial void LogSent(string deliveryId, string kind, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {DeliveryId} ({Kind}) failed on attempt {Attempt}; next attempt at {RetryAt:o}: {Error}")]
    private partial void LogRetry(string deliveryId, string kind, int attempt, DateTimeOffset retryAt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail {DeliveryId} ({Kind}) dead-lettered after {Attempts} attempts: {Error}")]
    private partial void LogDead(string deliveryId, string kind, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A pass over the message outbox failed; retrying")]
    private partial void LogPassFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing the SMTP connection failed")]
    private partial void LogDisconnectFailed(Exception exception);
}
