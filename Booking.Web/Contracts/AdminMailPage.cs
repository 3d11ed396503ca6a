namespace Booking.Web.Contracts;

/// <summary>A page of the administrators' mail listing.</summary>
public sealed record AdminMailPage
{
    public required IReadOnlyList<AdminMail> Items { get; init; }

    public required int Page { get; init; }

    public required int PageSize { get; init; }

    public required long Total { get; init; }
}
