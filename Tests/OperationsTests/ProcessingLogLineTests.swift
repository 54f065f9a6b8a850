// SPDX-License-Identifier: GPL-2.0-or-later

import ArticleExtraction
import Foundation
import Pipeline
import Testing

/// Processing-log lines (``OrderedJSONEncoder``) keep the key order `watcherd tail` and readers rely on,
/// and read back to the same entry.
struct ProcessingLogLineTests {
    @Test(
        "keys in order ts, level, event, path, sha256, stage, ms, result, stage_ms (pipeline order), output, error, count"
    )
    func keyOrder() throws {
        let entry = ProcessingLogEntry(
            level: "error", event: "failed", path: "dir/a \"b\"\n.txt", sha256: "ab", stage: "decode", ms: 12.5,
            result: "binary", stageMs: ["read": 0.25, "decode": 2, "extract": 3, "write": 1], output: "x.json",
            error: "tab\there", count: 3, ts: "2026-11-29T10:04:43.120Z")
        let line = String(decoding: try OrderedJSONEncoder.encode(entry), as: UTF8.self)
        #expect(
            line == #"{"ts":"2026-11-29T10:04:43.120Z","level":"error","event":"failed","path":"dir/a \"b\"\n.txt","#
                + #""sha256":"ab","stage":"decode","ms":12.5,"result":"binary","#
                + #""stage_ms":{"read":0.25,"decode":2,"extract":3,"write":1},"output":"x.json","error":"tab\there","count":3}"#
        )
        let decoded = try JSONDecoder().decode(ProcessingLogEntry.self, from: Data(line.utf8))
        #expect(decoded == entry)
    }

    @Test("absent values are left out; control characters are escaped")
    func sparse() throws {
        let entry = ProcessingLogEntry(event: "rescan", result: "periodic", error: "\u{1}", ts: "t")
        #expect(
            String(decoding: try OrderedJSONEncoder.encode(entry), as: UTF8.self)
                == #"{"ts":"t","level":"info","event":"rescan","result":"periodic","error":"\u0001"}"#)
    }
}
