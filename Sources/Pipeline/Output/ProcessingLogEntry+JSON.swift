/// The processing-log line with its keys in a stable order: `ts, level, event, path, sha256,
/// stage, ms, result`, then `stage_ms` (its stages in pipeline order), `output, error, count`.
/// Absent optional values are left out, as `JSONEncoder` does. Strings are escaped per RFC 8259
/// (control characters as `\\u00XX`; `/` is not escaped).
extension ProcessingLogEntry {
    public func jsonLine() -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "{")]
        out.reserveCapacity(256)
        var first = true
        func key(_ name: String) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            Self.appendString(name, to: &out)
            out.append(UInt8(ascii: ":"))
        }
        func string(_ name: String, _ value: String?) {
            guard let value else { return }
            key(name)
            Self.appendString(value, to: &out)
        }
        func number(_ name: String, _ value: Double?) {
            guard let value else { return }
            key(name)
            out += Array(Self.format(value).utf8)
        }
        string("ts", ts)
        string("level", level)
        string("event", event)
        string("path", path)
        string("sha256", sha256)
        string("stage", stage)
        number("ms", ms)
        string("result", result)
        if let stageMs {
            key("stage_ms")
            out.append(UInt8(ascii: "{"))
            let order = ["read", "decode", "extract", "write"]
            let keys = stageMs.keys.sorted {
                (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1)
            }
            for (index, stage) in keys.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.appendString(stage, to: &out)
                out.append(UInt8(ascii: ":"))
                out += Array(Self.format(stageMs[stage]!).utf8)
            }
            out.append(UInt8(ascii: "}"))
        }
        string("output", output)
        string("error", error)
        if let count {
            key("count")
            out += Array(String(count).utf8)
        }
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// A JSON number: integers without a fraction, others as Swift prints them (shortest form
    /// that reads back exactly); non-finite values as 0.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
