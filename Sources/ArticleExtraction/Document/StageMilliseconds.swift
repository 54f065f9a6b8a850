// SPDX-License-Identifier: GPL-2.0-or-later

/// Milliseconds per pipeline step, in the order the steps ran: a document's and a log line's
/// `stage_ms`. Encodes as a JSON object whose keys keep that order (with ``OrderedJSONEncoder``).
///
/// Two values are equal when they hold the same steps and times, in whatever order (JSON objects
/// have no order to compare once decoded).
public struct StageMilliseconds: Codable, Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// `(step, milliseconds)` in running order; a step occurs once.
    public private(set) var entries: [(name: String, ms: Double)] = []

    public typealias Key = String
    public typealias Value = Double

    public init() {}

    public init(dictionaryLiteral elements: (String, Double)...) {
        for (name, ms) in elements { self[name] = ms }
    }

    /// The milliseconds of `name`; setting a new step appends it, setting a known one replaces its time.
    public subscript(name: String) -> Double? {
        get { entries.first { $0.name == name }?.ms }
        set {
            if let index = entries.firstIndex(where: { $0.name == name }) {
                if let newValue { entries[index].ms = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((name, newValue))
            }
        }
    }

    /// The step names in running order.
    public var names: [String] { entries.map(\.name) }

    public static func == (a: StageMilliseconds, b: StageMilliseconds) -> Bool {
        a.entries.count == b.entries.count && a.entries.allSatisfy { b[$0.name] == $0.ms }
    }

    private struct StepKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: StepKey.self)
        for entry in entries { try container.encode(entry.ms, forKey: StepKey(stringValue: entry.name)) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: StepKey.self)
        for key in container.allKeys { self[key.stringValue] = try container.decode(Double.self, forKey: key) }
    }
}
