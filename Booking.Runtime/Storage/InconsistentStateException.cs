namespace Booking.Runtime.Storage;

/// <summary>
/// A write's expected version was not the stored one: another activation wrote first.
/// The runtime deactivates the activation that got it, so the next call reloads state.
/// </summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException()
    {
    }

    public InconsistentStateException(string message)
        : base(message)
    {
    }

    public InconsistentStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InconsistentStateException(string message, string? storedEtag, string? currentEtag)
        : base(message)
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    /// <summary>The version found in storage, when the provider knows it.</summary>
    public string? StoredEtag { get; }

    /// <summary>The version the writer expected.</summary>
    public string? CurrentEtag { get; }
}
