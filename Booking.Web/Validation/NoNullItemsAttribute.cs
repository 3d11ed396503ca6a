using System.Collections;
using System.ComponentModel.DataAnnotations;

namespace Booking.Web.Validation;

/// <summary>
/// A list without JSON <c>null</c> items. Validation checks the fields of each item but passes over a null one, which would
/// otherwise reach the handler as a missing object.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class NoNullItemsAttribute : ValidationAttribute
{
    public NoNullItemsAttribute()
        : base("The list must not contain null items.")
    {
    }

    public override bool IsValid(object? value) =>
        value is not IEnumerable items || value is string || items.Cast<object?>().All(item => item is not null);
}
