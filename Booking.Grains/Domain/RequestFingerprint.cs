using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Booking.Grains.Interfaces.Model;

namespace Booking.Grains.Domain;

/// <summary>A stable hash of what a request asks for (its idempotency key aside), to tell a retry from a different request under the same key.</summary>
internal static class RequestFingerprint
{
    public static string Of(string command, BookRequest request)
    {
        var canonical = request with
        {
            IdempotencyKey = null,
            Details = request.Details is null ? null : new SortedDictionary<string, string>(request.Details.ToDictionary(), StringComparer.Ordinal),
        };
        var bytes = Encoding.UTF8.GetBytes(command + "\n" + JsonSerializer.Serialize(canonical));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
