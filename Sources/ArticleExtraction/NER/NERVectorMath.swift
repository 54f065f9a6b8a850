// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Small vector kernels over `Float` buffers whose length is a multiple of 8 (SIMD8 lanes), for
/// the word-embedding and clustering code.
enum NERVectorMath {
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> Float {
        var acc = SIMD8<Float>()
        var i = 0
        while i < n {
            let x = UnsafeRawPointer(a + i).loadUnaligned(as: SIMD8<Float>.self)
            let y = UnsafeRawPointer(b + i).loadUnaligned(as: SIMD8<Float>.self)
            acc += x * y
            i += 8
        }
        return acc.sum()
    }

    /// `y += a * x`.
    @inline(__always)
    static func axpy(_ a: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int) {
        var i = 0
        while i < n {
            let xv = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self)
            var yv = UnsafeRawPointer(y + i).loadUnaligned(as: SIMD8<Float>.self)
            yv += a * xv
            UnsafeMutableRawPointer(y + i).storeBytes(of: yv, as: SIMD8<Float>.self)
            i += 8
        }
    }

    /// Scales `x` to unit length (leaves a zero vector alone).
    static func normalize(_ x: UnsafeMutablePointer<Float>, _ n: Int) {
        let norm = dot(x, x, n).squareRoot()
        guard norm > 0 else { return }
        for i in 0..<n { x[i] /= norm }
    }
}
