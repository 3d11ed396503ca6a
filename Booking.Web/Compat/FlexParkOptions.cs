using Booking.Grains.Interfaces.Accounts;
using Booking.Web.Configuration;

namespace Booking.Web.Compat;

/// <summary>
/// FlexPark's settings (<c>Booking:FlexPark</c>): the pre-registered employees who may register through
/// <c>/auth/register</c> even when their address is outside <c>Booking:Auth:AllowedEmailDomains</c>.
/// </summary>
internal sealed class FlexParkOptions
{
    public const string EmployeesKey = "Booking:FlexPark:Employees";

    /// <summary>Normalized addresses of the pre-registered employees.</summary>
    public IReadOnlySet<string> Employees { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public bool IsPreRegistered(string email) => Employees.Contains(AccountEmail.Normalize(email));

    public static FlexParkOptions From(IConfiguration configuration) => new()
    {
        Employees = ConfigurationLists.Read(configuration, EmployeesKey).Select(AccountEmail.Normalize).ToHashSet(StringComparer.Ordinal),
    };
}
