namespace Booking.Grains.Interfaces.Errors;

/// <summary>What kind of refusal a <see cref="DomainException"/> is; the API turns each kind into its HTTP status.</summary>
[GenerateSerializer]
[Alias("booking.DomainErrorKind")]
public enum DomainErrorKind
{
    /// <summary>The request contradicts a rule about its own content (400).</summary>
    Validation,

    /// <summary>The caller's credentials or token are not accepted (401).</summary>
    Unauthenticated,

    /// <summary>The caller may not do this (403).</summary>
    Forbidden,

    /// <summary>The thing asked for does not exist (404).</summary>
    NotFound,

    /// <summary>The request clashes with the current state (409).</summary>
    Conflict,
}
