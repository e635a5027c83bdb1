package org.saddlecheck.report;

/** The page's style sheet, inlined into every report. */
final class Style {
    private Style() {
    }

    static final String CSS = """
            :root {
              color-scheme: light;
              --ink: #1f2328; --muted: #59636e; --line: #d8dee4; --ground: #f6f8fa;
              --held: #0b7a5c; --failed: #b33f00; --error: #8a2f8a; --skipped: #6e7781;
              --held-bg: #e3f4ee; --failed-bg: #fbeae1; --error-bg: #f5e6f5; --skipped-bg: #eef1f4;
            }
            * { box-sizing: border-box; }
            html { font-size: 16px; }
            body {
              margin: 0; color: var(--ink); background: #fff; line-height: 1.5;
              font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue",
                "DejaVu Sans", Arial, sans-serif;
            }
            math { font-family: "STIX Two Math", "Latin Modern Math", "Cambria Math", math; }
            .page { max-width: 1040px; margin: 0 auto; padding: 0 24px 48px; }
            header.top { border-bottom: 1px solid var(--line); padding: 28px 0 14px; }
            header.top h1 { margin: 0; font-size: 1.75rem; letter-spacing: -0.01em; }
            header.top .sub { margin: 4px 0 0; color: var(--muted); }
            h2 { font-size: 1.3rem; margin: 32px 0 10px; }
            h3 { font-size: 1.05rem; margin: 0; }
            h4 { font-size: 0.95rem; margin: 18px 0 6px; }
            a { color: #0b5cad; }
            code, pre { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo,
              Consolas, monospace; font-size: 0.88em; }
            pre code { font-size: 1em; }
            .nobr { white-space: nowrap; }
            .headline { font-size: 1.15rem; margin: 18px 0 10px; font-weight: 600; }
            .headline.bad { color: var(--failed); }
            .headline.good { color: var(--held); }
            .tallies { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0 18px; }
            .tally { flex: 1 1 120px; border-radius: 10px; padding: 10px 14px;
              border: 1px solid var(--line); text-decoration: none; color: var(--ink); }
            .tally .n { display: block; font-size: 2rem; font-weight: 700; line-height: 1.1; }
            .tally.held { background: var(--held-bg); } .tally.held .n { color: var(--held); }
            .tally.failed { background: var(--failed-bg); } .tally.failed .n { color: var(--failed); }
            .tally.error { background: var(--error-bg); } .tally.error .n { color: var(--error); }
            .tally.skipped { background: var(--skipped-bg); }
            .tally.skipped .n { color: var(--skipped); }
            .tally.zero { opacity: 0.55; }
            dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px;
              margin: 0 0 14px; }
            dl.facts dt { color: var(--muted); }
            dl.facts dd { margin: 0; }
            pre.cmd { background: #0d1117; color: #e6edf3; padding: 10px 14px; border-radius: 8px;
              overflow-x: auto; margin: 6px 0; }
            pre.cmd code { user-select: all; -webkit-user-select: all; }
            .hint { color: var(--muted); font-size: 0.85rem; margin: 0; }
            .attention { border: 1px solid var(--line); border-left: 5px solid var(--failed);
              border-radius: 8px; padding: 8px 14px; margin: 16px 0; background: #fffaf7; }
            .attention summary { cursor: pointer; }
            .attention li { margin: 2px 0; }
            .attention ul { margin: 4px 0; padding-left: 20px; }
            nav.toc { border: 1px solid var(--line); border-radius: 10px; padding: 4px 18px 12px;
              background: var(--ground); margin-top: 24px; }
            nav.toc h2 { margin-top: 12px; font-size: 1.1rem; }
            nav.toc .sec { margin: 8px 0 2px; font-weight: 600; }
            nav.toc .sec span { font-weight: 400; color: var(--muted); }
            nav.toc ol { list-style: none; margin: 0; padding: 0 0 0 4px; columns: 2 300px;
              column-gap: 28px; font-size: 0.92rem; }
            nav.toc li { break-inside: avoid; padding: 1px 0; }
            nav.toc a { text-decoration: none; color: var(--ink); }
            nav.toc a:hover { text-decoration: underline; }
            .dot { display: inline-block; width: 0.62em; height: 0.62em; border-radius: 50%;
              margin-right: 7px; vertical-align: 0.05em; }
            .dot.held { background: var(--held); } .dot.failed { background: var(--failed); }
            .dot.error { background: var(--error); } .dot.skipped { background: var(--skipped); }
            section.paper h2 { border-bottom: 2px solid var(--ink); padding-bottom: 4px; }
            section.paper h2 span { font-weight: 400; color: var(--muted); font-size: 1rem; }
            details.claim { border: 1px solid var(--line); border-left: 5px solid var(--skipped);
              border-radius: 8px; margin: 10px 0; background: #fff; }
            details.claim.held { border-left-color: var(--held); }
            details.claim.failed { border-left-color: var(--failed); }
            details.claim.error { border-left-color: var(--error); }
            details.claim > summary { cursor: pointer; padding: 10px 14px; list-style: none;
              display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 10px; }
            details.claim > summary::-webkit-details-marker { display: none; }
            details.claim > summary::before { content: "▸"; color: var(--muted); width: 0.8em; }
            details.claim[open] > summary::before { content: "▾"; }
            details.claim > summary .title { font-weight: 600; flex: 1 1 320px; }
            details.claim > summary .meta { color: var(--muted); font-size: 0.9rem; }
            .badge { display: inline-block; border-radius: 999px; padding: 0 10px;
              font-size: 0.8rem; font-weight: 700; color: #fff; text-transform: uppercase;
              letter-spacing: 0.04em; line-height: 1.6; }
            .badge.held { background: var(--held); } .badge.failed { background: var(--failed); }
            .badge.error { background: var(--error); }
            .badge.skipped { background: var(--skipped); }
            .badge.warn { background: #fff; color: var(--failed); border: 1px solid var(--failed); }
            .claim .body { padding: 0 18px 14px 32px; border-top: 1px solid var(--line); }
            .statement { font-size: 1.02rem; }
            .statement p { margin: 10px 0; }
            .math-block { overflow-x: auto; overflow-y: hidden; margin: 8px 0; padding: 4px 0; }
            dl.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr));
              gap: 6px 16px; margin: 12px 0; }
            dl.grid div { background: var(--ground); border-radius: 6px; padding: 4px 10px; }
            dl.grid dt { font-size: 0.78rem; color: var(--muted); text-transform: uppercase;
              letter-spacing: 0.03em; }
            dl.grid dd { margin: 0; overflow-wrap: anywhere; }
            table { border-collapse: collapse; margin: 6px 0 10px; font-size: 0.93rem;
              display: block; max-width: 100%; overflow-x: auto; }
            th, td { border-bottom: 1px solid var(--line); padding: 4px 12px; text-align: left; }
            th { background: var(--ground); font-weight: 600; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            tr.unmet td { background: var(--failed-bg); color: var(--failed); font-weight: 600; }
            .box { border-radius: 8px; padding: 4px 16px 10px; margin: 14px 0; }
            .box.failed { background: var(--failed-bg); border: 1px solid #efc4ad; }
            .box.error { background: var(--error-bg); border: 1px solid #dfc0df; }
            .box.skipped { background: var(--skipped-bg); border: 1px solid var(--line); }
            .box pre.message { white-space: pre-wrap; margin: 6px 0; font-size: 0.9rem; }
            .box details summary { cursor: pointer; color: var(--muted); }
            .box details pre { background: #fff; padding: 8px; border-radius: 6px;
              overflow-x: auto; max-height: 360px; }
            figure { margin: 16px 0; }
            figcaption { font-weight: 600; margin-bottom: 4px; }
            figure .note { color: var(--muted); font-size: 0.85rem; margin: 2px 0; font-weight: 400; }
            figure svg { display: block; max-width: 100%; height: auto; }
            .panels { display: flex; flex-wrap: wrap; gap: 6px; }
            .panels svg { flex: 1 1 240px; max-width: 300px; }
            footer { color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--line);
              margin-top: 40px; padding-top: 10px; }
            """;
}
