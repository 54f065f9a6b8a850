// SPDX-License-Identifier: GPL-2.0-or-later

/// A minimal reader of the tags in generated HTML, for the escaping tests: every `<` followed by a
/// letter or `/` starts a tag (in escaped output, every `<` of article text is `&lt;`). It returns
/// element names and attribute name/value pairs as written (values still escaped).
struct TagScanner {
    struct Tag: Equatable {
        var name: String
        var closing: Bool
        var attributes: [(name: String, value: String)]

        static func == (a: Tag, b: Tag) -> Bool {
            a.name == b.name && a.closing == b.closing && a.attributes.map(\.name) == b.attributes.map(\.name)
                && a.attributes.map(\.value) == b.attributes.map(\.value)
        }
    }

    static func tags(in html: String) -> [Tag] {
        let s = Array(html.unicodeScalars)
        var tags: [Tag] = []
        var i = 0
        func isNameScalar(_ c: Unicode.Scalar) -> Bool {
            c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_" || c == ":"
        }
        while i < s.count {
            guard s[i] == "<", i + 1 < s.count, s[i + 1] == "/" || s[i + 1] == "!" || s[i + 1].properties.isAlphabetic
            else {
                i += 1
                continue
            }
            i += 1
            var closing = false
            if s[i] == "/" {
                closing = true
                i += 1
            }
            var name = ""
            while i < s.count, isNameScalar(s[i]) || s[i] == "!" {
                name.unicodeScalars.append(s[i])
                i += 1
            }
            var attributes: [(String, String)] = []
            while i < s.count, s[i] != ">" {
                if s[i] == " " || s[i] == "/" || s[i] == "\n" {
                    i += 1
                    continue
                }
                var attribute = ""
                while i < s.count, isNameScalar(s[i]) {
                    attribute.unicodeScalars.append(s[i])
                    i += 1
                }
                var value = ""
                if i < s.count, s[i] == "=" {
                    i += 1
                    let quote = s[i]
                    if quote == "\"" || quote == "'" {
                        i += 1
                        while i < s.count, s[i] != quote {
                            value.unicodeScalars.append(s[i])
                            i += 1
                        }
                        i += 1
                    } else {
                        while i < s.count, s[i] != " ", s[i] != ">" {
                            value.unicodeScalars.append(s[i])
                            i += 1
                        }
                    }
                }
                if attribute.isEmpty { i += 1 } else { attributes.append((attribute.lowercased(), value)) }
            }
            tags.append(Tag(name: name.lowercased(), closing: closing, attributes: attributes))
            i += 1
        }
        return tags
    }
}
