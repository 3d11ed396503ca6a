namespace Booking.Web.Demo;

/// <summary>The demo accounts the seeder found or created at this start, for the start banner.</summary>
internal sealed class DemoAccounts
{
    private readonly List<DemoAccount> _accounts = [];
    private readonly Lock _gate = new();

    public void Add(DemoAccount account)
    {
        lock (_gate)
        {
            _accounts.Add(account);
        }
    }

    public IReadOnlyList<DemoAccount> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _accounts];
            }
        }
    }
}
