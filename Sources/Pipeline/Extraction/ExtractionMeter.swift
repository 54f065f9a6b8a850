/// Charges elapsed monotonic time (CLOCK_MONOTONIC, nanoseconds) to the ``ExtractionStage``s of
/// one or many articles, and counts the tokens cut.
///
/// Each ``lap(_:)`` charges the time since the previous lap, or since ``start()``, to its stage,
/// so consecutive laps split a stretch of work without gaps. A meter from ``off`` reads no clock
/// and records nothing: that is what the daemon's path uses.
public struct ExtractionMeter: Sendable {
    /// Nanoseconds charged to each stage, indexed by ``ExtractionStage/rawValue``.
    public private(set) var nanoseconds: [UInt64]
    /// Tokens cut by the `tokenise` stage, summed over every article measured.
    public private(set) var tokens: Int
    /// Whether the meter reads the clock and records.
    public let isRunning: Bool
    private var last: UInt64

    /// A running meter with nothing recorded; its first lap starts now.
    public init() {
        self.init(running: true)
    }

    /// A meter that records nothing.
    public static var off: ExtractionMeter { ExtractionMeter(running: false) }

    private init(running: Bool) {
        nanoseconds = Array(repeating: 0, count: ExtractionStage.allCases.count)
        tokens = 0
        isRunning = running
        last = running ? System.monotonicNanoseconds() : 0
    }

    /// Starts the next lap now: the time since the previous lap is charged to no stage.
    public mutating func start() {
        guard isRunning else { return }
        last = System.monotonicNanoseconds()
    }

    /// Charges the time since the previous lap (or ``start()``) to `stage`.
    public mutating func lap(_ stage: ExtractionStage) {
        guard isRunning else { return }
        let now = System.monotonicNanoseconds()
        nanoseconds[stage.rawValue] &+= now &- last
        last = now
    }

    /// Adds `count` to ``tokens``.
    public mutating func count(tokens count: Int) {
        guard isRunning else { return }
        tokens += count
    }

    /// Nanoseconds charged to `stage`.
    public subscript(stage: ExtractionStage) -> UInt64 { nanoseconds[stage.rawValue] }

    /// Nanoseconds charged to all stages.
    public var totalNanoseconds: UInt64 { nanoseconds.reduce(0, &+) }
}
