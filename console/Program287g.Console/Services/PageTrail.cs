namespace Program287g.Console.Services;

/// <summary>Where a person is in a list the services page with page tokens: the token of the page shown, the ones
/// before it (to go back) and the service's next one. Nothing loads a whole table.</summary>
public sealed class PageTrail
{
    private readonly Stack<string> _earlier = new();

    /// <summary>The token that asked for the page shown ("" for the first).</summary>
    public string Current { get; private set; } = "";

    /// <summary>The service's next_page_token for the page shown ("" on the last page).</summary>
    public string Next { get; set; } = "";

    public int PageNumber => _earlier.Count + 1;

    public bool HasEarlier => _earlier.Count > 0;

    public bool HasNext => !string.IsNullOrEmpty(Next);

    public void Forward()
    {
        if (!HasNext)
        {
            return;
        }
        _earlier.Push(Current);
        Current = Next;
        Next = "";
    }

    public void Back()
    {
        if (_earlier.Count > 0)
        {
            Current = _earlier.Pop();
            Next = "";
        }
    }

    /// <summary>Back to the first page: the filters changed, and a page token is only valid with the filters it came with.</summary>
    public void Restart()
    {
        _earlier.Clear();
        Current = "";
        Next = "";
    }
}
