using Microsoft.Playwright;

namespace OneStop.EndToEnd.Tests.Ui;

/// <summary>
/// What a narrow screen breaks, measured in the page as laid out: sideways scrolling of the whole page, tables
/// running past the edge outside a scroll box of their own or squeezed to unreadable columns, text past the right
/// edge or cut off by its own box, and buttons a person cannot see or press.
/// </summary>
internal static class LayoutProbe
{
    // A column narrower than this breaks a Vietnamese word of five or six letters over lines: hard to read,
    // though nothing overflows (seen at 360 px: "Cán / bộ / một / cửa" in a 55 px column).
    private const int NarrowestReadableCellPx = 64;

    private const string Script = """
        (narrowest) => {
          const problems = [];
          const vw = window.innerWidth;
          const page = document.scrollingElement;
          const name = e => e.tagName.toLowerCase() + (e.dataset.testid ? `[data-testid=${e.dataset.testid}]` : '')
            + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '');
          const scrollBox = e => {
            for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
              const o = getComputedStyle(p).overflowX;
              if (o === 'auto' || o === 'scroll') return p;
            }
            return null;
          };
          const shown = e => {
            const s = getComputedStyle(e);
            const r = e.getBoundingClientRect();
            return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 1 && r.height > 1;
          };
          for (const t of document.querySelectorAll('table')) {
            if (!shown(t)) continue;
            const box = scrollBox(t);
            const right = (box ?? t).getBoundingClientRect().right;
            if (right > vw + 1) problems.push(`${name(t)} ends at ${Math.round(right)} px, past the ${vw} px screen${box ? ' (its scroll box too)' : ', with no scroll box of its own'}`);
            for (const c of t.querySelectorAll('th, td')) {
              const w = c.getBoundingClientRect().width;
              if (shown(c) && w < narrowest && c.textContent.trim().length > 3) {
                problems.push(`${name(t)}: cell "${c.textContent.trim().slice(0, 30)}" squeezed to ${Math.round(w)} px`);
                break;
              }
            }
          }
          for (const e of document.body.querySelectorAll('*')) {
            const text = [...e.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
            if (!text || !shown(e)) continue;
            const s = getComputedStyle(e);
            const r = e.getBoundingClientRect();
            if (r.right > vw + 1 && !scrollBox(e)) problems.push(`text of ${name(e)} "${e.textContent.trim().slice(0, 30)}" runs to ${Math.round(r.right)} px, past ${vw}`);
            if ((s.overflowX === 'hidden' || s.overflowX === 'clip') && s.textOverflow !== 'ellipsis' && e.scrollWidth > e.clientWidth + 1)
              problems.push(`text of ${name(e)} "${e.textContent.trim().slice(0, 30)}" cut off: ${e.scrollWidth} px in a ${e.clientWidth} px box`);
          }
          if (page.scrollWidth > vw) {
            // Name the innermost boxes that stick out, so the failure says what to fix.
            const out = [...document.body.querySelectorAll('*')].filter(e => shown(e) && !scrollBox(e) && e.getBoundingClientRect().right > vw + 1);
            const innermost = out.filter(e => !out.some(o => o !== e && e.contains(o))).slice(0, 3).map(e => `${name(e)} to ${Math.round(e.getBoundingClientRect().right)} px`);
            problems.unshift(`page scrolls sideways: scrollWidth ${page.scrollWidth} > innerWidth ${vw} (${innermost.join('; ')})`);
          }
          return problems;
        }
        """;

    /// <summary>The problems of the page as it is now, each prefixed with <paramref name="where"/>.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(IPage page, string where, params string[] pressable)
    {
        var problems = (await page.EvaluateAsync<string[]>(Script, NarrowestReadableCellPx)).Select(p => $"{where}: {p}").ToList();
        foreach (var selector in pressable)
        {
            var found = page.Locator(selector);
            var count = await found.CountAsync();
            if (count == 0)
            {
                problems.Add($"{where}: no {selector} on the page");
            }

            for (var i = 0; i < count; i++)
            {
                // A trial click runs Playwright's actionability checks (visible, stable, enabled, not covered by
                // another element after scrolling it into view) without pressing.
                try
                {
                    await found.Nth(i).ClickAsync(new LocatorClickOptions { Trial = true, Timeout = 3_000 });
                }
                catch (TimeoutException)
                {
                    problems.Add($"{where}: {selector} #{i + 1} cannot be pressed");
                }
            }
        }

        return problems;
    }
}
