// SPDX-License-Identifier: GPL-2.0-or-later

import PostgresNIO

/// Sorts postgres-nio's errors: a connection problem (no connection, closed, timed out, the
/// server shutting down or out of resources, a serialization conflict) is temporary and makes
/// the ledger unreachable; a server error about the data or the statement is not.
enum PostgresErrorKind {
    /// SQLSTATE classes that mean "try again later": 08 connection exception, 40 transaction
    /// rollback, 53 insufficient resources, 55 object not in prerequisite state, 57 operator
    /// intervention (e.g. 57P01 admin shutdown), 58 system error. PostgreSQL manual, appendix A.
    static let temporaryClasses: Set<String> = ["08", "40", "53", "55", "57", "58"]

    static func isConnectionProblem(_ error: any Error) -> Bool {
        switch error {
        case let transaction as PostgresTransactionError:
            let inner = transaction.closureError ?? transaction.beginError ?? transaction.commitError
            return inner.map(isConnectionProblem) ?? true
        case let error as PSQLError:
            guard error.code == .server, let state = error.serverInfo?[.sqlState] else { return true }
            return temporaryClasses.contains(String(state.prefix(2)))
        case is BlockingBridge.TimedOut, is CancellationError:
            return true
        case is PostgresMigrations.TooNew, is PostgresDecodingError, is LedgerUnavailable:
            return false
        default:
            // The connection pool's own errors (circuit breaker, shutdown) and the transport's.
            return true
        }
    }

    /// A one-line description: the server's SQLSTATE and message when it answered.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let transaction as PostgresTransactionError:
            let inner = transaction.closureError ?? transaction.beginError ?? transaction.commitError
            return inner.map(describe) ?? "transaction failed"
        case let error as PSQLError:
            if error.code == .server, let info = error.serverInfo {
                return "\(info[.sqlState] ?? "?"): \(info[.message] ?? "server error")"
            }
            return "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
        default:
            return "\(error)"
        }
    }
}
