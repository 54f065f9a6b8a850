// SPDX-License-Identifier: GPL-2.0-or-later

import ArabicText

/// Which form of a token the model looks the word up by: the tokenizer's ``Token/base`` (its
/// analysis of the proclitics), the whole normalised token (when what it split off as و or ف is
/// the name's own first letter: `وارسو`, `فلاديمير`), or the base without a first ب, ك or ل the
/// tokenizer cannot split without a lexicon (`بواشنطن`, `لواشنطن`).
///
/// The choice is made from the lexicon (``NERLexicon/lexicalForm(of:)``): the form seen more often
/// as a whole word in the text the lexicon counted, a listed name counting extra. It also
/// decides where a mention starts inside its first token (``MentionBuilder``).
enum NERFormChoice: UInt8, Sendable {
    case base = 0
    case whole = 1
    case dropLetter = 2
}
