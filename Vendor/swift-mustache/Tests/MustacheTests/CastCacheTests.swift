//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

import Foundation
import Mustache
import XCTest

/// The casts a render remembers (`MustacheCasts`) change no output: a cast's failure is
/// remembered only for types whose every value fails it. Each expected text is what
/// swift-mustache 2.1.1 itself renders (an `Optional.none` inside `Any` included, which it
/// treats as a value and writes as `nil`).
final class CastCacheTests: XCTestCase {
    struct Box: MustacheParent {
        let values: [String: Any]
        func child(named name: String) -> Any? { self.values[name] }
    }

    struct Text: MustacheCustomRenderable {
        let text: String
        var renderText: String { self.text }
        var isNull: Bool { false }
    }

    /// Optionals of one type, `nil` and not, in one render: a cast looks into `.some`.
    func testOptionalsOfOneTypeInOneRender() throws {
        let none: [String: String]? = nil
        let some: [String: String]? = ["k": "v"]
        let template = try MustacheTemplate(string: "{{#a}}A{{k}}{{/a}}{{#b}}B{{k}}{{/b}}{{^a}}no a{{/a}}{{^b}}no b{{/b}}|{{a}}|{{#list}}[{{k}}]{{/list}}")
        let list: [Any] = [none as Any, some as Any, none as Any, some as Any]
        XCTAssertEqual(template.render(["a": none as Any, "b": some as Any, "list": list]), "ABv|nil|[][v][][v]")
    }

    /// A value that is a parent, one that is not, and one of each again: each answers as
    /// its type does, however often the same type comes back.
    func testParentsAndOthersInterleaved() throws {
        let template = try MustacheTemplate(string: "{{#items}}{{name}}{{^name}}-{{/name}},{{/items}}")
        let items: [Any] = [Box(values: ["name": "a"]), "text", Box(values: [:]), 3, Box(values: ["name": "b"]), Text(text: "t")]
        XCTAssertEqual(template.render(["items": items]), "a,-,-,-,b,-,")
    }

    /// Custom renderables, null and not, interleaved with values that are not renderable.
    func testCustomRenderablesInterleaved() throws {
        struct Null: MustacheCustomRenderable {
            var renderText: String { "" }
            var isNull: Bool { true }
        }
        let template = try MustacheTemplate(string: "{{#items}}<{{.}}>{{#.}}y{{/.}}{{^.}}n{{/.}}{{/items}}")
        let items: [Any] = [Text(text: "a"), Null(), "s", Text(text: "b"), Null(), 5]
        XCTAssertEqual(template.render(["items": items]), "<a>y<>n<s>y<b>y<>n<5>y")
    }

    /// Dotted names and names that climb the stack, with the stack several levels deep.
    func testClimbingAndDottedNames() throws {
        let template = try MustacheTemplate(string: "{{#outer}}{{#inner}}{{#items}}{{top}}/{{outer.name}}/{{inner.name}}/{{name}};{{/items}}{{/inner}}{{/outer}}")
        let context: [String: Any] = [
            "top": "T",
            "outer": Box(values: ["name": "O", "inner": Box(values: ["name": "I", "items": [Box(values: ["name": "x"]), Box(values: [:])]])]),
        ]
        XCTAssertEqual(template.render(context), "T/O/I/x;T/O/I/I;")
    }

    /// Strings, written escaped and not, as a section's context (names inside it are looked
    /// up around it), transformed, and beside values of other types.
    func testStrings() throws {
        let template = try MustacheTemplate(string: "{{#items}}{{.}}|{{{.}}}|{{#.}}({{top}}{{.}}){{/.}}|{{uppercased(.)}};{{/items}}{{#name}}[{{top}}]{{/name}}{{^name}}none{{/name}}")
        let items: [Any] = ["<a>", "", 3, "b&c", Text(text: "<t>")]
        XCTAssertEqual(template.render(["items": items, "top": "T", "name": "n"]),
            "&lt;a&gt;|<a>|(T&lt;a&gt;)|&lt;A&gt;;||(T)|;3|3|(T3)|;b&amp;c|b&c|(Tb&amp;c)|B&amp;C;&lt;t&gt;|<t>|(T&lt;t&gt;)|;[T]"
        )
    }

    /// `NSNull`, found where a name is looked up: nothing is written, sections are false,
    /// and the name is not looked up further out.
    func testNSNull() throws {
        let template = try MustacheTemplate(string: "{{#items}}[{{x}}|{{#x}}s{{/x}}|{{^x}}i{{/x}}|{{x.y}}|{{uppercased(x)}}]{{/items}}")
        let items: [Any] = [Box(values: ["x": NSNull()]), Box(values: [:]), Box(values: ["x": "v"]), ["x": NSNull()]]
        XCTAssertEqual(template.render(["items": items, "x": "outer"]), "[||i||][outer|s|||OUTER][v|s|||V][||i||]")
    }
}
