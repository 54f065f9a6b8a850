// SPDX-License-Identifier: GPL-2.0-or-later

import Foundation
import TestSupport
import Testing

@testable import ArabicText

/// The scoring of ``MainTextEvaluation``, and a floor on a fixed subset of trafilatura's
/// evaluation set (the full set: `make eval-html`).
@Suite("Main-text evaluation")
struct MainTextEvaluationTests {
    @Test("scoring follows trafilatura: whitespace-normalised substring matches over all snippets")
    func scoring() throws {
        let page = MainTextEvaluation.Page(
            url: "https://x/1", file: "x.html", with: ["first  paragraph\n text", "missing"],
            without: ["menu", "footer line"])
        let html = Array(
            "<html><body><nav>menu</nav><article><p>The first paragraph text is here and long enough.</p></article></body></html>"
                .utf8)
        let result = MainTextEvaluation.evaluate(page, bytes: html, limits: HTMLParseLimits(), clock: { 0 })
        #expect(result.missing == ["missing"])
        #expect(result.leaked == [])
        let report = MainTextEvaluation.report([result])
        #expect(report.counts.truePositives == 1)
        #expect(report.counts.falseNegatives == 1)
        #expect(report.counts.trueNegatives == 2)
        #expect(report.counts.falsePositives == 0)
        #expect(report.counts.precision == 1)
        #expect(report.counts.recall == 0.5)
        #expect(abs(report.counts.f1 - 2.0 / 3.0) < 1e-12)
        #expect(report.counts.accuracy == 0.75)
        #expect(MainTextEvaluation.normalized(" a\u{00A0}\u{2003}b\n\tc ") == Array("a b c".utf8))
        let rejected = MainTextEvaluation.evaluate(
            page, bytes: [0x00, 0x01, 0x02], limits: HTMLParseLimits(), clock: { 0 })
        #expect(rejected.rejection == "binary")
        #expect(rejected.missing.count == 2)
    }

    /// Every twentieth page of the set in URL order (fixed, so the floor stays comparable).
    static let subset = [
        "100noticias.com-millones.html", "laprensagrafica.com.fiscal.html",
        "feuerwehrtaucher-oldenburg.de.ausbildung.html",
        "banyuetan.org.1000200033136171577956287380194268_1.html", "interscenar.io.hoeren.html",
        "singapur-reiseinfo.de.abc.html", "aktion-hummelschutz.de.hummeln.html",
        "beyssonmanagement.com.innovation.html",
        "citylimits.org-Nycha.html", "deutsche-wirtschafts-nachrichten.de-Industriestrompreis.html",
        "emacspeak.blogspot.com.meta.html", "foren.myoos.de.html", "gregoryszorc.com.python3.html",
        "it-for-kids.org.variables.html", "laviedesidees.fr.evaluation.html", "missy-magazine.de-interabled.html",
        "next2games.de.anno.html", "piratenpartei-mv.de.grundeinkommen.html", "reporternewspapers.net-Brookhaven.html",
        "surfguard.wordpress.com.medien.html", "tonedeaf.thebrag.com.luboku.html", "von-der-see.de.design.html",
        "archive.org.swap-stop.org.shuji.html", "wsvn.com-crash.html", "anchor.ch.lanka.html",
        "bauemotion.de-schneereampflicht.html", "bmbf.de.energiewende.html", "bundespraesident.de.20030331.html",
        "cnet.de.schutz.html", "derpapierplanet.de.juni.html", "dw.com-elephants.html", "emotion.de.selfcare.html",
        "finanztip.de.altersvorsorge.html", "geburtstagsecke.de.ideen.html", "handwerksblatt.de-Friseurbesuch.html",
        "iass-potsdam.de.energiewende.html", "jugend-forscht.de-Feuerlöschtechnik.html",
        "laweekly.com-Cultivation.html",
        "macwelt.de-warten.html", "modepilot.de.duschkopf.html", "d42c68f1b0f4408b81cf8f00bbe1a631.html",
        "pferderevue.at-übung.html", "Sprzeciw wobec ataków na Fundację Lux Veritatis – RadioMaryja.pl.html",
        "rutgers.edu.robot.html", "soundofscience.fr.1927.html", "tafelblog.de.europa.html", "theverge.com.ios13.html",
        "unendlich-viel-energie-strompreisbremse.html", "d90b19386e2b48559082547016cbe5ec.html",
        "0a4a8ab61c054192b1ec70cc3570cf45.html",
    ]

    @Test(
        "a fixed 50-page subset of trafilatura's evaluation set scores above its floor, no page rejected",
        .enabled(if: SharedData.runnable, SharedData.skipMessage))
    func subsetFloor() throws {
        let archive = try SharedData.require("html-eval/trafilatura-eval.tar.xz")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "watcherd-html-eval-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let tar = ChildProcess()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/tar")
        tar.arguments = ["-xJf", archive.path, "-C", directory.path, "tests"]
        try tar.run()
        tar.waitUntilExit()
        try #require(tar.terminationStatus == 0, "tar -xJf \(archive.path) failed")
        let root = directory.appendingPathComponent("tests")
        let pages = try MainTextEvaluation.pages(
            fromIndex: Data(contentsOf: root.appendingPathComponent("evaldata.json")))
        let byFile = Dictionary(pages.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
        var results: [MainTextEvaluation.PageResult] = []
        for file in Self.subset {
            let page = try #require(byFile[file], "\(file) is not in evaldata.json")
            let url = ["cache", "eval"].map { root.appendingPathComponent($0).appendingPathComponent(file) }
                .first { FileManager.default.fileExists(atPath: $0.path) }
            let bytes = [UInt8](try Data(contentsOf: try #require(url, "\(file) missing")))
            results.append(MainTextEvaluation.evaluate(page, bytes: bytes, limits: HTMLParseLimits(), clock: { 0 }))
        }
        let report = MainTextEvaluation.report(results)
        #expect(report.rejected == 0)
        // Floors a little below what the extractor reaches on this subset (see the note in
        // notes/html-report.md): F1 0.949, precision 0.919 when they were set.
        #expect(report.counts.f1 >= 0.93, "F1 \(report.counts.f1)")
        #expect(report.counts.precision >= 0.90, "precision \(report.counts.precision)")
    }
}
