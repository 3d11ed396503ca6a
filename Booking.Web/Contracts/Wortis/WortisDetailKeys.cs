namespace Booking.Web.Contracts.Wortis;

/// <summary>The keys under which a Wortis booking keeps its seed fields in the engine booking's <c>details</c>.</summary>
public static class WortisDetailKeys
{
    public const string Prestation = "prestation";
    public const string Variant = "variant";
    public const string Email = "email";
    public const string ServiceName = "service_name";
    public const string ServiceId = "service_id";
}
