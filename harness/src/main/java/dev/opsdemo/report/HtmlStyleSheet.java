package dev.opsdemo.report;

/** The report's only style sheet, inlined so the page needs nothing but itself. */
final class HtmlStyleSheet {

    static final String CSS = """
            :root {
              --devops: #1d4ed8; --mlops: #7e22ce; --other: #475569;
              --passed: #15803d; --failed: #b91c1c; --skipped: #6b7280; --interrupted: #b45309;
              --ink: #111827; --muted: #4b5563; --line: #e5e7eb; --page: #f6f7f9; --card: #ffffff;
              --mono: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace;
            }
            * { box-sizing: border-box; }
            body { margin: 0; background: var(--page); color: var(--ink);
              font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
            main { max-width: 1160px; margin: 0 auto; padding: 32px 28px 48px; }
            h1 { font-size: 30px; line-height: 1.2; margin: 0 0 10px; letter-spacing: -0.01em; }
            h1 .sub { color: var(--muted); font-weight: 400; }
            h2 { font-size: 21px; margin: 40px 0 14px; padding-bottom: 6px; border-bottom: 2px solid var(--line); }
            h3 { font-size: 17px; margin: 0; }
            a { color: var(--devops); }
            code { font-family: var(--mono); font-size: 0.9em; }
            .headline { margin: 0 0 12px; color: var(--muted); }
            .pill { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 12px; font-weight: 700;
              color: #fff; text-transform: uppercase; letter-spacing: 0.04em; vertical-align: 2px; }
            .pill.big { font-size: 14px; padding: 3px 12px; margin-right: 6px; vertical-align: 1px; }
            .pill.passed { background: var(--passed); } .pill.failed { background: var(--failed); }
            .pill.skipped { background: var(--skipped); } .pill.interrupted { background: var(--interrupted); }
            .versioned { list-style: none; padding: 0; margin: 0 0 10px; display: flex; gap: 28px; flex-wrap: wrap; }
            .lane-tag { display: inline-block; padding: 0 8px; border-radius: 4px; color: #fff; font-weight: 600;
              font-size: 0.9em; background: var(--other); }
            .lane-tag.lane-devops, .dot.lane-devops { background: var(--devops); }
            .lane-tag.lane-mlops, .dot.lane-mlops { background: var(--mlops); }
            .links { margin: 0; }
            .timeline { background: var(--card); border: 1px solid var(--line); border-radius: 10px;
              padding: 18px 22px 8px; }
            .tl-row { display: grid; grid-template-columns: 130px 1fr; align-items: center; gap: 14px; margin: 10px 0; }
            .tl-label { font-weight: 600; white-space: nowrap; }
            .tl-label small { color: var(--muted); font-weight: 400; }
            .dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 7px;
              background: var(--other); }
            .tl-track { position: relative; height: 36px; background: #eef1f5; border-radius: 6px; overflow: hidden; }
            .seg { position: absolute; top: 0; bottom: 0; min-width: 3px; padding: 0 6px; color: #fff;
              font-size: 12px; line-height: 36px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
              text-decoration: none; background: var(--other); box-shadow: inset -2px 0 0 rgba(255, 255, 255, 0.85); }
            .seg.lane-devops { background: var(--devops); } .seg.lane-mlops { background: var(--mlops); }
            .seg.failed { background: var(--failed); } .seg.interrupted { background: var(--interrupted); }
            .seg:hover { filter: brightness(1.15); }
            .tl-skipped { margin: -4px 0 8px 144px; font-size: 13px; color: var(--muted); }
            .tl-axis { position: relative; height: 26px; margin-left: 144px; border-top: 1px solid #cbd5e1;
              font-size: 12px; color: var(--muted); }
            .tick { position: absolute; top: 0; padding-top: 5px; transform: translateX(-50%); }
            .tick::before { content: ""; position: absolute; top: 0; left: 50%; height: 5px;
              border-left: 1px solid #94a3b8; }
            .note { color: var(--muted); font-size: 14px; margin: 8px 0 0; }
            table.contrast { width: 100%; border-collapse: separate; border-spacing: 0; background: var(--card);
              border: 1px solid var(--line); border-radius: 10px; overflow: hidden; table-layout: fixed; }
            .contrast th, .contrast td { text-align: left; vertical-align: top; padding: 11px 16px;
              border-bottom: 1px solid var(--line); }
            .contrast thead th { font-size: 17px; border-bottom: 2px solid var(--line);
              border-top: 4px solid var(--other); }
            .contrast thead th.stage { border-top-color: var(--line); }
            .contrast thead th.lane-devops { border-top-color: var(--devops); color: var(--devops); }
            .contrast thead th.lane-mlops { border-top-color: var(--mlops); color: var(--mlops); }
            .contrast thead th small { color: var(--muted); font-weight: 400; font-size: 13px; }
            .contrast th.stage { width: 120px; color: var(--muted); font-weight: 600; }
            .contrast td + td { border-left: 1px solid var(--line); }
            .contrast tbody tr:nth-child(even) { background: #fafbfc; }
            .contrast tfoot td, .contrast tfoot th { background: #fffbeb; font-weight: 700; border-bottom: 0; }
            .ran a { color: var(--ink); font-weight: 600; text-decoration: none; }
            .ran a:hover { text-decoration: underline; }
            .produced { margin: 4px 0 0; padding-left: 18px; font-family: var(--mono); font-size: 13px;
              color: #334155; overflow-wrap: anywhere; }
            .dur { color: var(--muted); font-size: 13px; margin-top: 4px; }
            .none { color: #9ca3af; }
            .step { background: var(--card); border: 1px solid var(--line); border-left: 5px solid var(--passed);
              border-radius: 8px; padding: 14px 20px 12px; margin: 14px 0; }
            .step.failed { border-left-color: var(--failed); } .step.skipped { border-left-color: var(--skipped); }
            .step.interrupted { border-left-color: var(--interrupted); }
            .step > header { display: flex; align-items: baseline; gap: 10px; flex-wrap: wrap; }
            .step .num { color: var(--muted); font-weight: 700; min-width: 1.6em; }
            .step .meta { margin-left: auto; color: var(--muted); font-size: 14px; }
            .caption { margin: 8px 0 10px; color: #374151; font-style: italic; }
            pre { margin: 8px 0; padding: 10px 14px; border-radius: 6px; font: 13px/1.5 var(--mono);
              white-space: pre-wrap; overflow-wrap: anywhere; }
            pre.cmd { background: #f1f5f9; color: #0f172a; border: 1px solid #e2e8f0; }
            pre.cmd .prompt { color: #64748b; user-select: none; }
            pre.out { background: #0f172a; color: #e2e8f0; }
            pre.failure { background: #fef2f2; color: #7f1d1d; border: 1px solid #fecaca; }
            .omitted { color: #94a3b8; font-style: italic; }
            details > summary { cursor: pointer; color: var(--muted); font-size: 14px; }
            footer { margin-top: 40px; color: var(--muted); font-size: 13px; }
            """;

    private HtmlStyleSheet() {
    }
}
