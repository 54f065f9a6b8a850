// SPDX-License-Identifier: GPL-2.0-or-later

/// Inline SVG charts for the digest: one horizontal bar per row, and a column chart for the
/// timeline. Pure; labels are escaped (they may come from articles).
public enum SVGBars {
    /// A bar `width` pixels wide at full scale, `value / maximum` of it filled with `colour`.
    public static func bar(value: Int, maximum: Int, colour: String, width: Int = 120) -> String {
        let filled = maximum > 0 ? max(1, value * width / maximum) : 0
        return "<svg class=\"bar\" width=\"\(width)\" height=\"14\" role=\"img\" aria-label=\"\(value)\">"
            + "<rect x=\"0\" y=\"1\" width=\"\(filled)\" height=\"12\" rx=\"2\" fill=\"\(colour)\"></rect></svg>"
    }

    /// Columns for `counts`, each with a hover title from `label(i)`; `ticks(i)` gives the axis
    /// label under column `i`, or `nil` for none.
    public static func columns(
        _ counts: [Int], label: (Int) -> String, tick: (Int) -> String?, height: Int = 120
    ) -> String {
        let maximum = max(counts.max() ?? 0, 1)
        let step = max(4, min(24, 900 / max(counts.count, 1)))
        let width = step * counts.count + 40
        var svg = "<svg class=\"timeline\" width=\"\(width)\" height=\"\(height + 34)\" role=\"img\" "
        svg += "aria-label=\"articles per period\">"
        svg += "<text x=\"0\" y=\"10\" font-size=\"10\" fill=\"#5a6272\">\(maximum)</text>"
        svg += "<line x1=\"30\" y1=\"\(height + 4)\" x2=\"\(width)\" y2=\"\(height + 4)\" stroke=\"#aab\"></line>"
        for (i, count) in counts.enumerated() {
            let h = count * height / maximum
            let x = 32 + i * step
            svg += "<rect data-count=\"\(count)\" x=\"\(x)\" y=\"\(height + 4 - h)\" width=\"\(max(step - 2, 2))\" "
            svg += "height=\"\(h)\" fill=\"#4c6ef5\"><title>" + HTMLEscaper.escape(label(i)) + "</title></rect>"
            if let tick = tick(i) {
                svg += "<text x=\"\(x)\" y=\"\(height + 18)\" font-size=\"10\" fill=\"#5a6272\">"
                svg += HTMLEscaper.escape(tick) + "</text>"
            }
        }
        return svg + "</svg>"
    }
}
