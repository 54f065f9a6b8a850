// SPDX-License-Identifier: GPL-2.0-or-later

/// What an adjective after a unit or a name of time says about it.
public enum DateDirection: Sendable, Equatable {
    /// الماضي، المنصرم، الفائت: the last one before the publication date.
    case past
    /// الأخير: the last one (vague with plurals: الأيام الأخيرة).
    case last
    /// المقبل، القادم: the next one after the publication date.
    case next
    /// الجاري، الحالي، الراهن: the one holding the publication date.
    case current
    /// السابق: the one before the time under discussion (anaphoric).
    case previous
    /// المقابل: the same one in another year (anaphoric: الشهر المقابل من عام 2014).
    case corresponding
}
