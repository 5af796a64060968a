namespace RegressionGate.Reports;

/// <summary>The HTML report's stylesheet, inlined so the page needs nothing but itself (system fonts, no web fonts).</summary>
static class HtmlStyle
{
    public const string Css = """
        :root {
          --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --panel: #f6f8fa; --line: #d1d9e0;
          --ok: #1a7f37; --fail: #cf222e; --warn: #9a6700; --accent: #0969da; --baseline: #8c959f;
          --label-i: #cf222e; --label-p: #bf8700; --label-c: #1a7f37; --label-none: #8c959f;
          --heat: 9, 105, 218;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #151b23; --line: #3d444d;
            --ok: #3fb950; --fail: #f85149; --warn: #d29922; --accent: #4493f8; --baseline: #656c76;
            --label-i: #f85149; --label-p: #d29922; --label-c: #3fb950; --label-none: #656c76;
            --heat: 68, 147, 248;
          }
        }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: var(--bg); }
        header { padding: 1.5rem 2rem 1rem; border-bottom: 4px solid var(--ok); background: var(--panel); }
        header.failed { border-bottom-color: var(--fail); }
        h1 { margin: 0 0 .4rem; font-size: 1.6rem; }
        h2 { margin: 2.2rem 0 .8rem; font-size: 1.25rem; border-bottom: 1px solid var(--line); padding-bottom: .3rem; }
        h3 { margin: 0 0 .4rem; font-size: 1rem; }
        nav { position: sticky; top: 0; z-index: 1; padding: .5rem 2rem; background: var(--bg); border-bottom: 1px solid var(--line); font-size: .9rem; }
        nav a { margin-right: 1rem; color: var(--accent); text-decoration: none; }
        main { padding: 0 2rem 3rem; max-width: 78rem; }
        .overview, .muted, figcaption { color: var(--muted); }
        .overview { margin: 0; font-size: .92rem; }
        .note { border-left: 4px solid var(--warn); padding: .4rem .8rem; background: var(--panel); }
        table { border-collapse: collapse; margin: .6rem 0; font-size: .92rem; }
        th, td { border: 1px solid var(--line); padding: .3rem .6rem; text-align: left; vertical-align: top; }
        th { background: var(--panel); }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        code, .id { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .88em; }
        pre { white-space: pre-wrap; word-break: break-word; background: var(--panel); padding: .6rem .8rem; border-radius: 6px; font-size: .85rem; }
        .ok { color: var(--ok); }
        .fail { color: var(--fail); }
        .chip { display: inline-block; min-width: 3.2rem; text-align: center; border-radius: 1rem; padding: 0 .5rem; font-size: .8rem; font-weight: 600; color: #fff; background: var(--ok); }
        .chip.fail { background: var(--fail); color: #fff; }
        .chip.big { font-size: 1rem; padding: .1rem .7rem; vertical-align: middle; }
        .label { display: inline-block; width: 1.4rem; text-align: center; border-radius: 4px; font-weight: 700; color: #fff; }
        .label.I { background: var(--label-i); } .label.P { background: var(--label-p); } .label.C { background: var(--label-c); }
        article.question { border: 1px solid var(--line); border-left: 4px solid var(--fail); border-radius: 6px; padding: .7rem 1rem; margin: .7rem 0; }
        article.question ul { margin: .2rem 0 .4rem; padding-left: 1.2rem; }
        details { margin: .4rem 0; }
        details > summary { cursor: pointer; }
        details.question { border-bottom: 1px solid var(--line); padding: .3rem 0; }
        details.question > div { padding: .3rem 0 .8rem 1.5rem; }
        .charts { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
        figure { margin: .6rem 0; }
        svg.chart { display: block; max-width: 100%; height: auto; }
        svg.chart text { fill: var(--fg); font-size: 12px; }
        svg.chart text.axis, svg.chart text.tick { fill: var(--muted); font-size: 11px; }
        svg.chart .grid { stroke: var(--line); stroke-width: 1; }
        svg.chart .baseline { fill: var(--baseline); }
        svg.chart .current { fill: var(--accent); }
        svg.chart .bar.current.fail, svg.chart .bar.overlap.fail { fill: var(--fail); }
        svg.chart .bar.overlap { fill: var(--accent); cursor: pointer; }
        svg.chart .label-I { fill: var(--label-i); } svg.chart .label-P { fill: var(--label-p); }
        svg.chart .label-C { fill: var(--label-c); } svg.chart .label-none { fill: var(--label-none); }
        svg.chart .interval { stroke: var(--fg); stroke-width: 1.5; }
        svg.chart .floor, svg.chart .threshold { stroke: var(--fail); stroke-width: 1.5; stroke-dasharray: 5 3; }
        svg.chart .cell { fill: rgb(var(--heat)); stroke: var(--line); }
        svg.chart rect.swatch.floor { fill: none; }
        svg.chart text.error { fill: var(--fail); }
        svg.chart .cell.diagonal { stroke: var(--ok); stroke-width: 2; }
        svg.chart text.count { font-size: 15px; font-weight: 600; }
        svg.chart text.count.light { fill: #fff; }
        svg.chart text.empty { fill: var(--muted); font-size: 14px; }
        """;
}
