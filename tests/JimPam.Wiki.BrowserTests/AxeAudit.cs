using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace JimPam.Wiki.BrowserTests;

/// <summary>
/// Runs axe-core on a page with <c>axe.run</c> in the page itself. The library's default, <c>RunAxe</c>, runs
/// <c>axe.runPartial</c> in every frame and then <c>axe.finishRun</c> in a new blank page, which is for cross-origin
/// frames; the wiki's pages have no frames, so both give the same results, and opening that extra page cost 2 to 3
/// seconds an audit on this machine (measured: 3.6 s against 0.7 s for /seasons/3), most of the browser suite's time.
/// </summary>
public static class AxeAudit
{
    public static Task<AxeResult> RunAsync(IPage page)
    {
#pragma warning disable CS0618 // "Legacy mode is being removed in the future": if it goes, this is the one place to change.
        return page.RunAxeLegacy();
#pragma warning restore CS0618
    }
}
