using Booking.Grains.Interfaces.Accounts;
using Booking.Grains.Interfaces.Errors;
using Booking.Grains.Messages;

namespace Booking.Grains.Accounts;

/// <summary>The content rules of accounts, applied by the grains whatever the caller checked before.</summary>
internal static class AccountRules
{
    public static void ValidateNewAccount(NewAccount account)
    {
        if (!UserId.IsValid(account.UserId))
        {
            throw new DomainValidationException("The user id must be 32 lower-case hexadecimal digits.");
        }

        if (!AccountEmail.IsValid(account.Email))
        {
            throw new DomainValidationException("The email address is not valid.");
        }

        ValidatePassword(account.Password);
        ValidateName(account.FirstName, "first name");
        ValidateName(account.LastName, "last name");
        ValidateLanguage(account.Language);
    }

    public static void ValidateProfile(ProfileUpdate update)
    {
        ValidateName(update.FirstName, "first name");
        ValidateName(update.LastName, "last name");
        if (!string.IsNullOrWhiteSpace(update.Phone) && !ProfileRules.IsPhone(update.Phone.Trim()))
        {
            throw new DomainValidationException(
                $"The phone number may hold digits, spaces and + - ( ) . only, at most {ProfileRules.MaxPhoneLength} characters, with at least one digit.");
        }

        ValidateLanguage(update.Language);
    }

    private static void ValidateLanguage(string? language)
    {
        if (language is not null && !MessageLanguages.IsSupported(language))
        {
            throw new DomainValidationException($"The language must be one of: {string.Join(", ", MessageLanguages.All)}.");
        }
    }

    public static void ValidatePassword(string password)
    {
        if (PasswordPolicy.Check(password) is { } problem)
        {
            throw new DomainValidationException(problem);
        }
    }

    private static void ValidateName(string? name, string what)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainValidationException($"The {what} is required.");
        }

        if (name.Trim().Length > ProfileRules.MaxNameLength)
        {
            throw new DomainValidationException($"The {what} must be at most {ProfileRules.MaxNameLength} characters long.");
        }
    }
}
