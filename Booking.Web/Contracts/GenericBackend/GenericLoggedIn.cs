using System.Text.Json.Serialization;

namespace Booking.Web.Contracts.GenericBackend;

/// <summary><c>{"token": "...", "user": {id, email, role}}</c>: the token is the engine's access token.</summary>
public sealed record GenericLoggedIn(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("user")] GenericUser User)
{
    /// <summary>Never in logs: the default record printer would show the token.</summary>
    public override string ToString() => $"GenericLoggedIn {{ User = {User} }}";
}
