// SPDX-License-Identifier: GPL-2.0-or-later

/// The inline style sheet and security policy shared by the pages. Pure constants.
///
/// No page loads anything: the Content-Security-Policy allows inline styles and `data:` images
/// only, so no script runs at all, even one that escaping had missed.
public enum PageStyle {
    /// `<meta>` elements for the head: charset, viewport, and the policy.
    public static let head =
        "<meta charset=\"utf-8\">"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        + "img-src data:; base-uri 'none'; form-action 'none'\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<meta name=\"referrer\" content=\"no-referrer\">"

    /// Rules common to both pages (system fonts only; logical properties so right-to-left pages mirror).
    public static let common = """
        body{margin:0;font:15px/1.5 system-ui,"Noto Sans","Noto Sans Arabic","DejaVu Sans",sans-serif;\
        color:#1d2330;background:#f6f7f9}
        h1{font-size:1.45em;margin:0 0 .3em}h2{font-size:1.05em;margin:1.2em 0 .4em;color:#3a4252}
        .meta{color:#5a6272;font-size:.9em;margin:0}.meta span+span::before{content:" · ";color:#9aa}
        .card{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:14px 18px;margin-block-end:14px}
        table{border-collapse:collapse;width:100%}td,th{padding:3px 6px;border-block-end:1px solid #eceff3;\
        text-align:start;vertical-align:top}th{color:#5a6272;font-weight:600;font-size:.85em}
        bdi,time,.q,.who{unicode-bidi:isolate}a{color:#1f4fb0}
        .muted{color:#7a8292}.num{font-variant-numeric:tabular-nums;text-align:end}
        """

    /// Rules of the article page.
    public static let article = """
        .layout{display:flex;gap:16px;padding:16px;align-items:flex-start;max-width:1400px;margin:auto}
        main{flex:1 1 auto;min-width:0}aside{flex:0 0 300px;position:sticky;top:8px;max-height:96vh;overflow:auto}
        .text{white-space:pre-wrap;font-size:1.12em;line-height:2.1}
        .ent{border-radius:3px;padding:0 2px;box-decoration-break:clone}
        .per{background:#ffd29d}.loc{background:#b9f2b0}.org{background:#a9c8ff}.misc{background:#e2c7fb}
        .date{border-block-end:2px dotted #b8860b;background:#fff6bf}
        .q{background:#eef0f4;border-block-end:2px solid #8a94a8}
        .who{display:inline-block;font-size:.72em;line-height:1.3;background:#37415a;color:#fff;\
        border-radius:3px;padding:0 4px;margin-inline-end:3px;vertical-align:.2em}
        .spk{text-decoration:underline 2px #37415a}
        .legend span{display:inline-block;margin-inline-end:10px}.sw{display:inline-block;width:12px;height:12px;\
        border-radius:2px;vertical-align:-1px;margin-inline-end:4px}
        .kw{display:inline-block;background:#eef0f4;border-radius:10px;padding:0 8px;margin:2px}
        aside ul{list-style:none;padding:0;margin:0}aside li{margin:2px 0}
        aside a{display:block;text-decoration:none;color:inherit;border-radius:4px;padding:2px 4px}
        aside a:hover{background:#eef0f4}.anchor{position:fixed;top:0}
        .sel{outline:3px solid #d6336c;outline-offset:1px}
        """
}
