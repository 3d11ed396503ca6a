using System.ComponentModel.DataAnnotations;
using Booking.Grains.Interfaces.Accounts;

namespace Booking.Web.Validation;

/// <summary>A phone number of digits, spaces and <c>+ - ( ) .</c>, with at least one digit, at most 32 characters; null or blank means none.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class PhoneNumberAttribute : ValidationAttribute
{
    public PhoneNumberAttribute()
        : base("The phone number may hold digits, spaces and + - ( ) . only, at most 32 characters, with at least one digit.")
    {
    }

    public override bool IsValid(object? value) =>
        value is null || (value is string phone && (string.IsNullOrWhiteSpace(phone) || ProfileRules.IsPhone(phone.Trim())));
}
