// SPDX-License-Identifier: GPL-2.0-or-later
// Stand-alone driver for TextThroughputBenchmark and the peer comparison, compiled together with
// Sources/ArabicText/*.swift by tools/text-peer/build-bench.sh (no package changes needed).
//
//   text-bench bench DIR [REPEAT]   -> one JSON object: bytes, seconds, tokens, mb_per_s (best of REPEAT runs)
//   text-bench normalize DIR        -> JSON lines {"file": name, "normalized": text} (default profile)
//   text-bench dump DIR             -> every paragraph, sentence and token field, one per line (for
//                                      diffing the output of two versions of the Text layer)
//   text-bench stages DIR           -> time per stage
import Foundation

func articleFiles(_ dir: String) -> [URL] {
    let url = URL(fileURLWithPath: dir)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    return names.filter { $0.hasSuffix(".txt") && $0 != "SOURCE.txt" }.sorted().map { url.appendingPathComponent($0) }
}

let args = CommandLine.arguments
guard args.count >= 3 else {
    FileHandle.standardError.write("usage: text-bench bench|normalize DIR [REPEAT]\n".data(using: .utf8)!)
    exit(2)
}
let files = articleFiles(args[2])
let articles = files.map { [UInt8]((try? Data(contentsOf: $0)) ?? Data()) }
switch args[1] {
case "bench":
    let repeats = args.count > 3 ? Int(args[3]) ?? 5 : 5
    var best: (bytes: Int, seconds: Double, tokens: Int)?
    for _ in 0..<repeats {
        let r = TextThroughputBenchmark.run(articles: articles)
        if best == nil || r.seconds < best!.seconds { best = r }
    }
    let r = best!
    let mbps = Double(r.bytes) / 1e6 / r.seconds
    print(#"{"files": \#(articles.count), "bytes": \#(r.bytes), "seconds": \#(r.seconds), "tokens": \#(r.tokens), "mb_per_s": \#(mbps)}"#)
case "normalize":
    let normalizer = ArabicNormalizer()
    let encoder = JSONEncoder()
    for (file, bytes) in zip(files, articles) {
        guard let decoded = try? ArticleDecoder.decode(bytes) else { continue }
        let line = ["file": file.lastPathComponent, "normalized": normalizer.normalize(decoded.text)]
        print(String(decoding: try! encoder.encode(line), as: UTF8.self))
    }
case "dump":
    let normalizer = ArabicNormalizer()
    let tokenizer = Tokenizer(normalizer: normalizer)
    var out = ""
    for (file, bytes) in zip(files, articles) {
        guard let decoded = try? ArticleDecoder.decode(bytes) else {
            print("\(file.lastPathComponent) undecodable")
            continue
        }
        let s = ScalarText.scalars(of: decoded.text)
        out = "# \(file.lastPathComponent) \(decoded.encoding) \(s.count)\n"
        out += "N " + normalizer.normalize(scalars: s) + "\n"
        for p in ParagraphSegmenter.paragraphs(in: s) { out += "P \(p.start) \(p.end)\n" }
        for p in SentenceSegmenter.sentences(in: s) { out += "S \(p.start) \(p.end)\n" }
        for t in tokenizer.tokens(in: s) {
            out += "T \(t.range.start) \(t.range.end) \(t.kind) \(t.surface) \(t.normalized) "
            out += "\(t.proclitics.joined(separator: "+")) \(t.base) \(t.stem)\n"
        }
        print(out, terminator: "")
    }
case "stages":
    // Per-stage timing, to see where the time goes.
    let clock = ContinuousClock()
    func time(_ name: String, _ body: () -> Int) {
        let t0 = clock.now
        let n = body()
        print(name, clock.now - t0, n)
    }
    var decoded = [String]()
    time("decode") { decoded = articles.compactMap { try? ArticleDecoder.decode($0).text }; return decoded.count }
    var scalars = [[Unicode.Scalar]]()
    time("scalars") { scalars = decoded.map { ScalarText.scalars(of: $0) }; return scalars.count }
    let normalizer = ArabicNormalizer()
    time("normalize") { scalars.reduce(0) { $0 + normalizer.normalize(scalars: $1).utf8.count } }
    time("paragraphs") { scalars.reduce(0) { $0 + ParagraphSegmenter.paragraphs(in: $1).count } }
    time("sentences") { scalars.reduce(0) { $0 + SentenceSegmenter.sentences(in: $1).count } }
    let tokenizer = Tokenizer()
    time("tokens") { scalars.reduce(0) { $0 + tokenizer.tokens(in: $1).count } }
default:
    exit(2)
}
