// SPDX-License-Identifier: GPL-2.0-or-later

import SystemPackage

/// What ``IntakeStateMachine`` asks its owner (``Intake``) to do, in order.
public enum IntakeAction: Equatable, Sendable {
    /// Hand the candidate to the engine; it is in flight until its outcome comes back.
    case start(Candidate)
    /// Walk `directory` and report each entry with `visit`, then `scanFinished`. `reason` is `nil`
    /// for a directory that just appeared (not logged as a rescan).
    case scan(FilePath, reason: RescanReason?)
    /// The backlog is full: further hints are dropped until it drains (logged once per episode).
    case backlogFull(pending: Int, inFlight: Int)
    /// A temporary failure; the candidate is tried again after `delayMs`.
    case retrying(Candidate, ArticleFailure, attempt: Int, delayMs: Int)
    /// The candidate has been open for writing for `seconds` (since its first busy read); it is
    /// reported once, and read again with backoff until its writer closes it.
    case heldOpen(Candidate, seconds: Int)
    /// A rescan went over the tree; `fresh` files were new to the intake.
    case rescanned(RescanReason, fresh: Int)
    /// Draining, and nothing is in flight any more.
    case drained
}
