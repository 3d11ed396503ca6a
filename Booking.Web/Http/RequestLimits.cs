namespace Booking.Web.Http;

/// <summary>Request size limits (<c>Booking:Http</c>).</summary>
internal sealed class RequestLimits
{
    public const string SectionName = "Booking:Http";

    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
