/** The badge's stylesheet (shadow DOM): compact, high-contrast in light and dark schemes, no motion when asked. */
export const BADGE_CSS = `
:host { display: inline-block; max-width: 100%; font: 14px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color-scheme: light dark; }
:host([hidden]) { display: none; }
.badge {
  --fg: #1e3a8a; --bg: #eff4ff; --line: #bfd0f5; --accent: #1d4ed8;
  display: inline-flex; align-items: center; gap: 10px; max-width: min(30em, 100%); box-sizing: border-box;
  padding: 8px 12px 8px 10px; border: 1px solid var(--line); border-radius: 10px;
  background: var(--bg); color: var(--fg); box-shadow: 0 1px 2px rgb(0 0 0 / 0.06);
}
.badge[data-status="verified"] { --fg: #0b4f2a; --bg: #ecf8f0; --line: #a8dcbc; --accent: #12803f; }
.badge[data-status="rejected"] { --fg: #7a1414; --bg: #fdf0ef; --line: #f0b4ae; --accent: #b42318; }
.badge[data-status="pending"], .badge[data-status="not-in-table"] { --fg: #6b4200; --bg: #fff6e5; --line: #f2cf8c; --accent: #a35f00; }
.badge[data-status="unavailable"], .badge[data-status="misconfigured"] { --fg: #374151; --bg: #f3f4f6; --line: #d1d5db; --accent: #4b5563; }
@media (prefers-color-scheme: dark) {
  .badge { --fg: #dbe6ff; --bg: #14203a; --line: #2c4578; --accent: #8fb0ff; box-shadow: none; }
  .badge[data-status="verified"] { --fg: #d3f5df; --bg: #10291b; --line: #25603c; --accent: #5fd98e; }
  .badge[data-status="rejected"] { --fg: #ffdcd8; --bg: #341311; --line: #7c2a23; --accent: #ff8a7e; }
  .badge[data-status="pending"], .badge[data-status="not-in-table"] { --fg: #ffe7bd; --bg: #2f2209; --line: #6e4c12; --accent: #f6b955; }
  .badge[data-status="unavailable"], .badge[data-status="misconfigured"] { --fg: #e5e7eb; --bg: #1f2329; --line: #3f4650; --accent: #aab2bf; }
}
.icon { flex: none; width: 22px; height: 22px; color: var(--accent); }
.icon svg { display: block; width: 100%; height: 100%; }
.spin { animation: spin 1s linear infinite; transform-origin: 50% 50%; }
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .spin { animation: none; } }
.text { display: flex; flex-direction: column; min-width: 0; }
.title { font-weight: 650; letter-spacing: 0.005em; }
.meta { font-size: 12.5px; opacity: 0.92; font-variant-numeric: tabular-nums; overflow-wrap: break-word; }
.reason { font-size: 12.5px; line-height: 1.3; margin-top: 2px; }
.reason[hidden] { display: none; }
.code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 12px; }
a {
  flex: none; margin-left: 4px; padding: 3px 6px; border-radius: 6px; color: var(--fg); font-size: 12.5px; font-weight: 600;
  text-decoration: underline; text-underline-offset: 2px;
}
a:hover { background: color-mix(in srgb, var(--accent) 14%, transparent); }
a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;
