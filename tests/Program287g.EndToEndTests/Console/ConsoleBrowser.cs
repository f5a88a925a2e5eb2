using Microsoft.Playwright;

namespace Program287g.EndToEndTests.Console;

/// <summary>A real browser for the console's tests: Debian's chromium (/usr/bin/chromium, installed by the test
/// prerequisites), driven through Microsoft.Playwright, headless. One per test class; each test opens its own
/// <see cref="ConsoleSession"/> (a browser context: its own cookies) on it.</summary>
public sealed class ConsoleBrowser : IAsyncLifetime
{
    /// <summary>The width the issue names: every page must fit it without horizontal scrolling.</summary>
    public const int ScreenWidth = 1280;
    public const int ScreenHeight = 900;

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>How long a page or an expectation may take: a page waits on its services, on a machine that runs the
    /// whole system beside the browser, and Playwright's 5 s default is shorter than a loaded 2-core CI box needs.</summary>
    public static readonly TimeSpan PageTimeout = TimeSpan.FromSeconds(30);

    // Playwright's expectation timeout is process-wide; set once, before any test class's first expectation.
    static ConsoleBrowser() => Assertions.SetDefaultExpectTimeout((float)PageTimeout.TotalMilliseconds);

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PROGRAM287G_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // Root on CI has no user namespace sandbox; /dev/shm is small in some containers.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
