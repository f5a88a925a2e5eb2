using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Program287g.EndToEndTests.Console;

/// <summary>One person at the console in the browser: signs in through the development sign-in form, opens pages and
/// waits for them to finish loading, and checks what the issue asks of every page (a screenshot, no horizontal scrolling
/// at 1280 px, no axe-core violations).</summary>
public sealed partial class ConsoleSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly Uri _console;

    private ConsoleSession(IBrowserContext context, IPage page, Uri console)
    {
        _context = context;
        Page = page;
        _console = console;
    }

    public IPage Page { get; }

    private readonly List<string> _browserLog = [];

    /// <summary>What the browser's console said: a failed wait names it, since a page that never renders says why there.</summary>
    public string BrowserLog => string.Join(Environment.NewLine, _browserLog);

    public static async Task<ConsoleSession> OpenAsync(ConsoleBrowser browser, AppHostFixture system)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = ConsoleBrowser.ScreenWidth, Height = ConsoleBrowser.ScreenHeight },
            BaseURL = system.Console.ToString().TrimEnd('/'),
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout((float)ConsoleBrowser.PageTimeout.TotalMilliseconds);
        var page = await context.NewPageAsync();
        var session = new ConsoleSession(context, page, system.Console);
        page.Console += (_, message) => session._browserLog.Add($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => session._browserLog.Add($"page error: {error}");
        return session;
    }

    public Task SignInAsStaffAsync(string name = "staff.e2e") => SignInAsync(name, "program-staff", agencyId: null);

    public Task SignInAsAgencyUserAsync(string agencyId, string name = "agency.e2e") => SignInAsync(name, "agency-user", agencyId);

    /// <summary>Through the form, as a person would: the agency is chosen from the picker (the agency must be among the
    /// first 500 by name, which every test's few agencies are). A session already sent to the sign-in page (by opening a
    /// page signed out) signs in on that page, so that the page's ReturnUrl is the one the form carries.</summary>
    public async Task SignInAsync(string name, string role, string? agencyId)
    {
        if (!Page.Url.Contains("/signin", StringComparison.Ordinal))
        {
            await Page.GotoAsync("/signin");
        }
        await Page.GetByLabel("Name").FillAsync(name);
        await Page.GetByLabel("Role").SelectOptionAsync(role);
        if (agencyId is not null)
        {
            await Page.GetByLabel("Agency (for an agency user)").SelectOptionAsync(agencyId);
        }
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await WaitToLeaveAsync("/signin");
        await WaitForPageAsync();
    }

    /// <summary>Waits until the page's address ends with <paramref name="pathAndQuery"/> (a link followed, a filter
    /// chosen, a page loaded). Page.WaitForURLAsync is not used anywhere in these tests: it checks the address in the
    /// client and only then subscribes to the navigation (or "load") event, so a navigation that lands in between is
    /// missed and it waits out its timeout. CI saw that twice: after signing in (only "NetworkIdle" fired in 30 s) and
    /// after choosing an agency in the nominee pipeline's picker (a navigation inside the circuit). The URL expectation
    /// polls the address in the browser instead, so it cannot miss one. It waits for the address only: wait for what the
    /// new page shows after it (see <see cref="WaitForPageAsync"/>).</summary>
    public Task WaitForAddressAsync(string pathAndQuery) =>
        Assertions.Expect(Page).ToHaveURLAsync(new Regex(Regex.Escape(pathAndQuery) + "$"));

    /// <summary>Waits until the page's address no longer contains <paramref name="part"/>, as <see
    /// cref="WaitForAddressAsync"/> does.</summary>
    public Task WaitToLeaveAsync(string part) =>
        Assertions.Expect(Page).Not.ToHaveURLAsync(new Regex(Regex.Escape(part)));

    /// <summary>Opens a console page and waits until it has loaded (see <see cref="WaitForPageAsync"/>).</summary>
    public async Task OpenAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitForPageAsync();
    }

    /// <summary>The pages are interactive and not prerendered: the page's h1 appears once the circuit is up, and each
    /// part shows a loading indicator (aria-label "Loading …") until its service answered. Waits for both: the heading,
    /// then no loading indicator left, so that whatever a test reads next is what the services said. That holds after a
    /// page load (OpenAsync, signing in). After a navigation inside the circuit (a link clicked, a filter chosen) the old
    /// page's heading is still up and the new loads may not have started: wait there with an expectation on what the new
    /// page shows (Assertions.Expect(...).ToHaveTextAsync), then with this.</summary>
    public async Task WaitForPageAsync()
    {
        try
        {
            await Page.Locator("h1").First.WaitForAsync(new() { State = WaitForSelectorState.Visible });
            await Page.WaitForFunctionAsync("() => document.querySelectorAll('[aria-label^=\"Loading\"]').length === 0");
        }
        catch (TimeoutException exception)
        {
            await ScreenshotAsync("timed-out");
            throw new TimeoutException($"{Page.Url} did not finish loading. Browser console:{Environment.NewLine}{BrowserLog}", exception);
        }
    }

    /// <summary>A full-page PNG under TestResults/console-screenshots/, named for the page: the issue asks for one of
    /// each page, and people look at them (the README's home screenshot is one).</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, $"{SafeName().Replace(name, "-")}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public static string ScreenshotDirectory { get; } = Path.Combine(RepositoryRoot(), "TestResults", "console-screenshots");

    /// <summary>The page needs no horizontal scrolling at 1280 px: nothing is wider than the window.</summary>
    public async Task ShouldFitTheScreenAsync()
    {
        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        widths[0].ShouldBeLessThanOrEqualTo(widths[1], $"{Page.Url} is {widths[0]} px wide in a {widths[1]} px window");
    }

    /// <summary>axe-core's WCAG 2.1 A and AA rules on the page as it is now: every control labelled, contrast, landmarks,
    /// names of links and buttons. Fails with each violation and where it is.</summary>
    public async Task ShouldHaveNoAccessibilityViolationsAsync()
    {
        var result = await Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var violations = result.Violations.Select(violation =>
            $"{violation.Id} ({violation.Impact}): {violation.Help} at {string.Join(", ", violation.Nodes.Take(3).Select(n => n.Target?.ToString()))}");
        violations.ShouldBeEmpty($"axe-core on {Page.Url}");
    }

    /// <summary>The three checks every page gets, after it loaded.</summary>
    public async Task CheckPageAsync(string screenshotName)
    {
        await ScreenshotAsync(screenshotName);
        await ShouldFitTheScreenAsync();
        await ShouldHaveNoAccessibilityViolationsAsync();
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    [GeneratedRegex("[^A-Za-z0-9_-]+")]
    private static partial Regex SafeName();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Program287g.sln")))
            {
                return dir.FullName;
            }
        }
        return AppContext.BaseDirectory;
    }
}
