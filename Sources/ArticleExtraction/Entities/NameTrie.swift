// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Multi-word names keyed by word ids (``WordIndex``), for longest-match look-ups token by token.
///
/// Node 0 is the root; a name of `n` words is stored at the node `n` edges below it. Holds the
/// same keys as a `[String: String]` keyed by the words joined with a space.
struct NameTrie: Sendable {
    /// Child node by `parent << 32 | word id`.
    private var children: [UInt64: Int32] = [:]
    /// The name stored at each node, `nil` for inner nodes.
    private var names: [String?] = [nil]

    /// Stores `name` under the word ids `words` (replacing a name stored there before).
    mutating func insert(_ words: [Int32], name: String) {
        var node: Int32 = 0
        for word in words {
            let edge = Self.edge(node, word)
            if let child = children[edge] {
                node = child
            } else {
                let child = Int32(names.count)
                names.append(nil)
                children[edge] = child
                node = child
            }
        }
        names[Int(node)] = name
    }

    /// The root node.
    static let root: Int32 = 0

    /// The node below `node` along `word`, `nil` when no stored name continues that way.
    @inline(__always)
    func child(of node: Int32, word: Int32) -> Int32? {
        children[Self.edge(node, word)]
    }

    /// The name stored at `node`.
    @inline(__always)
    func name(at node: Int32) -> String? { names[Int(node)] }

    @inline(__always)
    private static func edge(_ node: Int32, _ word: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: word))
    }
}
