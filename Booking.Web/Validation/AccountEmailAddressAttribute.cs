using System.ComponentModel.DataAnnotations;
using Booking.Grains.Interfaces.Accounts;

namespace Booking.Web.Validation;

/// <summary>A plain email address as accounts accept it (<see cref="AccountEmail.IsValid"/>); null is left to <see cref="RequiredAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class AccountEmailAddressAttribute : ValidationAttribute
{
    public AccountEmailAddressAttribute()
        : base("The email address is not valid: expected the form name@example.com.")
    {
    }

    public override bool IsValid(object? value) => value is null || (value is string email && AccountEmail.IsValid(email));
}
